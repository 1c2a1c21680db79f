namespace StretchBot.Dialogs.Cards.Templating;

/// <summary>
/// <c>==</c>, <c>!=</c>, <c>&lt;</c>, <c>&gt;</c>, <c>&lt;=</c>, <c>&gt;=</c>. Operands are evaluated without
/// substitution (a missing value is undefined, which equals null). If an operand fails, or is null for an ordering
/// comparison, the comparison is false. Ordering compares two numbers or two texts; anything else is an error.
/// </summary>
internal sealed class ComparisonNode(string op, ExpressionNode left, ExpressionNode right) : ExpressionNode
{
    public const string Equal = "==";
    public const string NotEqual = "!=";
    public const string Less = "<";
    public const string Greater = ">";
    public const string LessOrEqual = "<=";
    public const string GreaterOrEqual = ">=";

    public string Operator { get; } = op;

    public ExpressionNode Left { get; } = left;

    public ExpressionNode Right { get; } = right;

    public override ExpressionReturnType ReturnType => ExpressionReturnType.Boolean;

    public override EvalResult Evaluate(EvaluationScope scope, bool substitute)
    {
        var ordering = Operator is not (Equal or NotEqual);
        var args = new object?[2];
        var operands = new[] { Left, Right };
        for (var i = 0; i < 2; i++)
        {
            var result = operands[i].Evaluate(scope, substitute: false);
            if (result.Failed || (ordering && JsValues.IsNullish(result.Value)))
            {
                return EvalResult.Ok(false);
            }

            args[i] = result.Value;
        }

        var (a, b) = (args[0], args[1]);
        switch (Operator)
        {
            case Equal:
                return EvalResult.Ok(JsValues.CommonEquals(a, b));
            case NotEqual:
                return EvalResult.Ok(!JsValues.CommonEquals(a, b));
        }

        int order;
        if (JsValues.IsNumber(a) && JsValues.IsNumber(b))
        {
            order = ((double)a!).CompareTo((double)b!);
        }
        else if (a is string s && b is string t)
        {
            order = string.CompareOrdinal(s, t);
        }
        else
        {
            return EvalResult.Fail($"{JsValues.ToJsString(a)} and {JsValues.ToJsString(b)} must be comparable.", false);
        }

        return EvalResult.Ok(Operator switch
        {
            Less => order < 0,
            Greater => order > 0,
            LessOrEqual => order <= 0,
            _ => order >= 0,
        });
    }

    public override string ToString() => $"({Left} {Operator} {Right})";
}
