using System.Text.Json.Nodes;

namespace StretchBot.Dialogs.Cards.Templating;

/// <summary>
/// The supported functions: <c>count(x)</c> (items in a list, characters in a text, keys of an object),
/// <c>length(text)</c>, <c>empty(x)</c> (null, '', [] or {}) and <c>concat(a, ...)</c> of texts, numbers and booleans.
/// (<c>not(x)</c> is parsed into a <see cref="NotNode"/>.)
/// </summary>
internal sealed class FunctionCallNode : ExpressionNode
{
    public const string Count = "count";
    public const string Length = "length";
    public const string Empty = "empty";
    public const string Concat = "concat";

    public FunctionCallNode(string templateName, string expressionText, string name, IReadOnlyList<ExpressionNode> arguments)
    {
        Name = name;
        Arguments = arguments;
        TemplateName = templateName;
        ExpressionText = expressionText;
        Validate();
    }

    public string Name { get; }

    public IReadOnlyList<ExpressionNode> Arguments { get; }

    private string TemplateName { get; }

    private string ExpressionText { get; }

    public override ExpressionReturnType ReturnType => Name switch
    {
        Count or Length => ExpressionReturnType.Number,
        Empty => ExpressionReturnType.Boolean,
        _ => ExpressionReturnType.String | ExpressionReturnType.Array,
    };

    public override EvalResult Evaluate(EvaluationScope scope, bool substitute) => Name switch
    {
        Count => EvaluateCount(scope, substitute),
        Length => EvaluateLength(scope, substitute),
        Empty => EvaluateEmpty(scope),
        _ => EvaluateConcat(scope, substitute),
    };

    public override string ToString() => $"{Name}({string.Join(", ", Arguments)})";

    private EvalResult EvaluateCount(EvaluationScope scope, bool substitute)
    {
        var result = Arguments[0].Evaluate(scope, substitute);
        if (result.Failed)
        {
            return result;
        }

        return result.Value switch
        {
            string s => EvalResult.Ok((double)s.Length),
            JsonArray array => EvalResult.Ok((double)array.Count),
            JsonObject obj => EvalResult.Ok((double)obj.Count),
            null => EvalResult.Fail("Cannot convert undefined or null to object"),
            _ => EvalResult.Fail($"{Arguments[0]} must be a string, list, map or object."),
        };
    }

    private EvalResult EvaluateLength(EvaluationScope scope, bool substitute)
    {
        var result = Arguments[0].Evaluate(scope, substitute);
        if (result.Failed)
        {
            return result;
        }

        return result.Value switch
        {
            string s => EvalResult.Ok((double)s.Length),
            JsUndefined => EvalResult.Ok(0d),
            _ => EvalResult.Fail($"{Arguments[0]} is neither a string nor a null object."),
        };
    }

    // empty() is a comparison in Adaptive Expressions: no substitution, and a failed or unsuitable operand is false.
    private EvalResult EvaluateEmpty(EvaluationScope scope)
    {
        var result = Arguments[0].Evaluate(scope, substitute: false);
        if (result.Failed)
        {
            return EvalResult.Ok(false);
        }

        return EvalResult.Ok(result.Value switch
        {
            null or JsUndefined => true,
            string s => s.Length == 0,
            JsonArray array => array.Count == 0,
            JsonObject obj => obj.Count == 0,
            _ => false,
        });
    }

    // Adaptive Expressions' concat joins pairwise; this engine supports only scalar arguments (texts, numbers,
    // booleans, and null or undefined, which count as empty), where every way the official engine evaluates
    // concat agrees.
    private EvalResult EvaluateConcat(EvaluationScope scope, bool substitute)
    {
        object? accumulated = null;
        for (var i = 0; i < Arguments.Count; i++)
        {
            var result = Arguments[i].Evaluate(scope, substitute);
            if (result.Failed)
            {
                return result;
            }

            RequireScalar(Arguments[i], result.Value);
            if (i == 0)
            {
                accumulated = result.Value;
                continue;
            }

            accumulated = JsValues.IsNullish(accumulated) && JsValues.IsNullish(result.Value)
                ? JsUndefined.Value
                : (JsValues.ToJsString(accumulated) ?? string.Empty) + (JsValues.ToJsString(result.Value) ?? string.Empty);
        }

        return EvalResult.Ok(accumulated);
    }

    /// <summary>Throws unless <paramref name="value"/> is a text, number or boolean (or null/undefined when allowed).</summary>
    public void RequireScalar(ExpressionNode argument, object? value, bool allowNullish = true)
    {
        if (value is JsonArray or JsonObject || (!allowNullish && JsValues.IsNullish(value)))
        {
            throw new CardTemplateException(TemplateName, ExpressionText,
                $"concat() argument '{argument}' is {Describe(value)}; this engine supports concat of texts, numbers and booleans only.");
        }
    }

    private static string Describe(object? value) => value switch
    {
        null => "null",
        JsUndefined => "undefined",
        JsonArray => "a list",
        JsonObject => "an object",
        _ => "a " + value.GetType().Name,
    };

    private void Validate()
    {
        var expectedCount = Name == Concat ? -1 : 1;
        if ((expectedCount == 1 && Arguments.Count != 1) || Arguments.Count == 0)
        {
            throw new CardTemplateException(TemplateName, ExpressionText,
                $"{Name}() takes {(expectedCount == 1 ? "exactly one argument" : "at least one argument")}, not {Arguments.Count}.");
        }

        var expected = Name switch
        {
            Count => ExpressionReturnType.String | ExpressionReturnType.Array,
            Length => ExpressionReturnType.String,
            _ => (ExpressionReturnType?)null,
        };
        if (expected is { } type)
        {
            var argument = Arguments[0];
            if ((argument.ReturnType & ExpressionReturnType.Object) == 0 && (argument.ReturnType & type) == 0)
            {
                throw new CardTemplateException(TemplateName, ExpressionText,
                    $"{Name}() needs {(Name == Count ? "a list or a text" : "a text")}, but '{argument}' is {argument.ReturnType}.");
            }
        }
    }
}
