using System.Text;

namespace StretchBot.Dialogs.Cards.Templating;

/// <summary>A literal: 'text' or "text", a number, true, false or null.</summary>
internal sealed class ConstantNode(object? value) : ExpressionNode
{
    public object? Value { get; } = value;

    public override ExpressionReturnType ReturnType => Value switch
    {
        string => ExpressionReturnType.String,
        double => ExpressionReturnType.Number,
        bool => ExpressionReturnType.Boolean,
        _ => ExpressionReturnType.Object,
    };

    public override EvalResult Evaluate(EvaluationScope scope, bool substitute) => EvalResult.Ok(Value);

    public override string ToString() => Value switch
    {
        null => "null",
        string s => Quote(s),
        _ => JsValues.ToJsString(Value) ?? "undefined",
    };

    private static string Quote(string s)
    {
        var builder = new StringBuilder("'");
        foreach (var c in s)
        {
            builder.Append(c switch
            {
                '\\' => "\\\\",
                '\'' => "\\'",
                _ => c.ToString(),
            });
        }

        return builder.Append('\'').ToString();
    }
}
