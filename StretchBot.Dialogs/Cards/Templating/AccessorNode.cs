namespace StretchBot.Dialogs.Cards.Templating;

/// <summary>
/// <c>name</c> or <c>instance.name</c>. Like Adaptive Expressions' Accessor, the whole chain of accessors and
/// indexers is turned into one path (e.g. <c>steps[0].text</c>) and read from memory, so a missing link anywhere
/// yields undefined, which substitution turns into <c>${steps[0].text}</c>.
/// </summary>
internal sealed class AccessorNode(string name, ExpressionNode? instance) : ExpressionNode
{
    public string Name { get; } = name;

    public ExpressionNode? Instance { get; } = instance;

    public override ExpressionReturnType ReturnType => ExpressionReturnType.Object;

    public override EvalResult Evaluate(EvaluationScope scope, bool substitute)
    {
        var path = string.Empty;
        ExpressionNode? left = this;
        while (left is not null)
        {
            if (left is AccessorNode accessor)
            {
                path = accessor.Name + "." + path;
                left = accessor.Instance;
            }
            else if (left is ElementNode element)
            {
                var index = element.Index.Evaluate(scope, substitute);
                if (index.Failed)
                {
                    return index;
                }

                if (JsValues.IsNumber(index.Value))
                {
                    path = "[" + JsValues.ToJsString(index.Value) + "]." + path;
                }
                else if (index.Value is string text)
                {
                    path = JsValues.ParseIntPrefix(text) is not null ? "[" + text + "]." + path : "['" + text + "']." + path;
                }
                else
                {
                    return EvalResult.Fail($"{element.Index} doesn't return an int or string");
                }

                left = element.Instance;
            }
            else
            {
                break;
            }
        }

        path = path.TrimEnd('.').Replace(".[", "[", StringComparison.Ordinal);

        object? value;
        if (left is null)
        {
            value = TemplateMemory.GetValue(scope, path);
        }
        else
        {
            var scopeValue = left.Evaluate(scope, substitute);
            if (scopeValue.Failed)
            {
                return scopeValue;
            }

            value = TemplateMemory.GetValue(scopeValue.Value, path);
        }

        if (value is JsUndefined && substitute)
        {
            value = "${" + path + "}";
        }

        return EvalResult.Ok(value);
    }

    public override string ToString() => Instance is null ? Name : Instance + "." + Name;
}
