using System.Text;

namespace StretchBot.Dialogs.Cards.Templating;

/// <summary>
/// A text containing <c>${...}</c>. A text that is exactly one <c>${expression}</c> (not a bare literal) keeps the
/// value's JSON type; anything else is string interpolation. As in the official engine, a part that fails to
/// evaluate is left in the text as <c>${expression}</c>, and a path that finds nothing becomes <c>${path}</c>.
/// </summary>
internal sealed class StringTemplateNode : TemplateNode
{
    private readonly string templateName;
    private readonly IReadOnlyList<object> parts; // string (text) or ExpressionNode
    private readonly IReadOnlyList<string> sources; // the source text of each expression part, for messages

    private StringTemplateNode(string templateName, string source, List<object> parts, List<string> sources)
    {
        this.templateName = templateName;
        Source = source;
        this.parts = parts;
        this.sources = sources;
        if (parts is [ExpressionNode only] && only is not ConstantNode)
        {
            SingleExpression = only;
        }
    }

    /// <summary>The template text, e.g. <c>"Step ${$index + 1}"</c>.</summary>
    public string Source { get; }

    /// <summary>Set when the text is exactly one non-literal expression, whose value keeps its type.</summary>
    public ExpressionNode? SingleExpression { get; }

    public static bool HasExpression(string text) => text.Contains("${", StringComparison.Ordinal);

    /// <summary>Parses a text that contains <c>${</c>.</summary>
    public static StringTemplateNode Parse(string templateName, string text)
    {
        var parts = new List<object>();
        var sources = new List<string>();
        var literal = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '\\' && i + 1 < text.Length)
            {
                // The engine parses the text as a JavaScript-like template string: \` and \$ are escapes.
                var next = text[i + 1];
                literal.Append(next is '`' or '$' ? next.ToString() : "\\" + next);
                i += 2;
            }
            else if (c == '`')
            {
                throw new CardTemplateException(templateName, text, "a backtick (`) in a text with ${...} is not supported by the official engine; escape it as \\`.");
            }
            else if (c == '$' && i + 1 < text.Length && text[i + 1] == '{')
            {
                var end = FindClosingBrace(templateName, text, i + 2);
                var source = text[(i + 2)..end].Trim();
                if (literal.Length > 0)
                {
                    parts.Add(literal.ToString());
                    literal.Clear();
                }

                parts.Add(ExpressionParser.Parse(templateName, source));
                sources.Add(source);
                i = end + 1;
            }
            else
            {
                literal.Append(c);
                i++;
            }
        }

        if (literal.Length > 0)
        {
            parts.Add(literal.ToString());
        }

        return new StringTemplateNode(templateName, text, parts, sources);
    }

    public override object? Expand(EvaluationScope scope)
    {
        if (SingleExpression is FunctionCallNode { Name: FunctionCallNode.Concat } concat)
        {
            // A lone concat(...) is evaluated by the templating engine's own interpolation loop.
            return Interpolate(scope, concat.Arguments.Cast<object>().ToList(), sources[0], concat);
        }

        if (SingleExpression is not null)
        {
            var result = SingleExpression.Evaluate(scope, substitute: true);
            if (result.Failed)
            {
                throw new CardTemplateException(templateName, sources[0], result.Error!);
            }

            return result.Value;
        }

        return Interpolate(scope, parts, Source, null);
    }

    /// <summary>
    /// Evaluates a <c>$when</c>: without substitution, and only a boolean true keeps the element (a failure, a
    /// non-boolean, or an interpolated text, which is always a text, drop it). Here a lone concat(...) is an
    /// ordinary function: concat(x) of one argument is x itself.
    /// </summary>
    public bool EvaluateCondition(EvaluationScope scope)
    {
        if (SingleExpression is null)
        {
            return false;
        }

        var result = SingleExpression.Evaluate(scope, substitute: false);
        return !result.Failed && result.Value is true;
    }

    private string Interpolate(EvaluationScope scope, IReadOnlyList<object> pieces, string source, FunctionCallNode? concat)
    {
        var builder = new StringBuilder();
        foreach (var piece in pieces)
        {
            if (piece is string text)
            {
                builder.Append(text);
                continue;
            }

            var expression = (ExpressionNode)piece;
            var result = expression.Evaluate(scope, substitute: true);
            if (result.Failed)
            {
                builder.Append("${").Append(expression).Append('}');
                continue;
            }

            concat?.RequireScalar(expression, result.Value, allowNullish: false);
            var value = JsValues.ToJsString(result.Value)
                ?? throw new CardTemplateException(templateName, source,
                    $"'{expression}' is {(result.Value is null ? "null" : "undefined")} inside a text; the official engine fails on this too. Guard it with $when or give it a value.");
            builder.Append(value);
        }

        return builder.ToString();
    }

    private static int FindClosingBrace(string templateName, string text, int start)
    {
        var depth = 0;
        char? quote = null;
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (quote is not null)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == quote)
                {
                    quote = null;
                }
            }
            else if (c is '\'' or '"')
            {
                quote = c;
            }
            else if (c == '{')
            {
                depth++;
            }
            else if (c == '}')
            {
                if (depth == 0)
                {
                    return i;
                }

                depth--;
            }
        }

        throw new CardTemplateException(templateName, text, "'${' has no closing '}'.");
    }
}
