namespace StretchBot.Dialogs.Cards.Templating;

/// <summary><c>a + b</c>: numbers add; if either side is text, both are joined as text (null counts as empty).</summary>
internal sealed class AddNode(ExpressionNode left, ExpressionNode right) : ExpressionNode
{
    public ExpressionNode Left { get; } = left;

    public ExpressionNode Right { get; } = right;

    public override ExpressionReturnType ReturnType => ExpressionReturnType.String | ExpressionReturnType.Number;

    public override EvalResult Evaluate(EvaluationScope scope, bool substitute)
    {
        var args = new object?[2];
        var operands = new[] { Left, Right };
        for (var i = 0; i < 2; i++)
        {
            var result = operands[i].Evaluate(scope, substitute);
            if (result.Failed)
            {
                return result;
            }

            if (result.Value is not (string or JsUndefined) && !JsValues.IsNumber(result.Value))
            {
                return EvalResult.Fail($"{operands[i]} is neither a number nor string");
            }

            args[i] = result.Value;
        }

        var (a, b) = (args[0], args[1]);
        if ((JsValues.IsNullish(a) && JsValues.IsNumber(b)) || (JsValues.IsNullish(b) && JsValues.IsNumber(a)))
        {
            return EvalResult.Fail("Operator '+' or add cannot be applied to operands of type 'number' and null object.");
        }

        if (a is double x && b is double y)
        {
            return EvalResult.Ok(x + y);
        }

        return EvalResult.Ok((JsValues.ToJsString(a) ?? string.Empty) + (JsValues.ToJsString(b) ?? string.Empty));
    }

    public override string ToString() => $"({Left} + {Right})";
}
