namespace StretchBot.Dialogs.Cards.Templating;

/// <summary>
/// <c>a &amp;&amp; b</c> and <c>a || b</c>, short-circuiting; true or false, except that a false <c>||</c> yields its
/// last operand's value. Only false, null and undefined are
/// false (0 and '' are true). An operand that fails counts as false.
/// </summary>
internal sealed class LogicalNode(bool isAnd, ExpressionNode left, ExpressionNode right) : ExpressionNode
{
    public bool IsAnd { get; } = isAnd;

    public ExpressionNode Left { get; } = left;

    public ExpressionNode Right { get; } = right;

    public override ExpressionReturnType ReturnType => ExpressionReturnType.Boolean;

    public override EvalResult Evaluate(EvaluationScope scope, bool substitute)
    {
        // Adaptive Expressions' || returns the last operand's own value when none is true (so false || null is null).
        object? last = false;
        foreach (var operand in new[] { Left, Right })
        {
            var result = operand.Evaluate(scope, substitute: false);
            last = result.Value;
            var isTrue = !result.Failed && JsValues.IsLogicTrue(result.Value);
            if (IsAnd && !isTrue)
            {
                return EvalResult.Ok(false);
            }

            if (!IsAnd && isTrue)
            {
                return EvalResult.Ok(true);
            }
        }

        return EvalResult.Ok(IsAnd ? true : last);
    }

    public override string ToString() => $"({Left} {(IsAnd ? "&&" : "||")} {Right})";
}
