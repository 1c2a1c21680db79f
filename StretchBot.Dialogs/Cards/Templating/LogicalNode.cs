namespace StretchBot.Dialogs.Cards.Templating;

/// <summary>
/// <c>a &amp;&amp; b</c> and <c>a || b</c>, short-circuiting, always a boolean. Only false, null and undefined are
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
        foreach (var operand in new[] { Left, Right })
        {
            var result = operand.Evaluate(scope, substitute: false);
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

        return EvalResult.Ok(IsAnd);
    }

    public override string ToString() => $"({Left} {(IsAnd ? "&&" : "||")} {Right})";
}
