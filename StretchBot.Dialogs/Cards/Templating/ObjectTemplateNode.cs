using System.Text.Json.Nodes;

namespace StretchBot.Dialogs.Cards.Templating;

/// <summary>
/// A JSON object, with the templating engine's element semantics: <c>$data</c> bound to a list repeats the object once
/// per item (each with <c>$data</c> = the item and <c>$index</c> = its position), bound to anything else rebinds
/// <c>$data</c>; <c>$when</c> drops the object unless it is true. No copies → null, one → the object, several → a
/// list (spliced into the enclosing array). The reserved keys ($data, $when, $root, $index, $host) are removed.
/// </summary>
internal sealed class ObjectTemplateNode : TemplateNode
{
    private static readonly HashSet<string> ReservedKeys = ["$data", "$when", "$root", "$index", "$host", "$_acTemplateVersion"];

    private readonly string templateName;
    private readonly IReadOnlyList<KeyValuePair<string, TemplateNode>> properties;
    private readonly TemplateNode? data;
    private readonly JsonNode? literalData;
    private readonly TemplateNode? when;
    private readonly JsonNode? literalWhen;
    private readonly bool hasWhen;

    public ObjectTemplateNode(string templateName, JsonObject source, Func<JsonNode?, TemplateNode> prepare)
    {
        this.templateName = templateName;
        var list = new List<KeyValuePair<string, TemplateNode>>();
        foreach (var (key, value) in source)
        {
            if (!ReservedKeys.Contains(key))
            {
                list.Add(new(key, prepare(value)));
            }
        }

        properties = list;
        if (source.TryGetPropertyValue("$data", out var dataNode))
        {
            if (dataNode is JsonValue && dataNode.GetValueKind() == System.Text.Json.JsonValueKind.String
                && StringTemplateNode.HasExpression(dataNode.GetValue<string>()))
            {
                data = prepare(dataNode);
            }
            else if (dataNode is not null && dataNode.ToJsonString().Contains("${", StringComparison.Ordinal))
            {
                throw new CardTemplateException(templateName, null,
                    "a literal $data (an inline object or list) containing ${...} is not supported; bind $data to a path instead.");
            }
            else
            {
                literalData = dataNode;
                data = new LiteralTemplateNode(dataNode);
            }
        }

        if (source.TryGetPropertyValue("$when", out var whenNode))
        {
            hasWhen = true;
            if (whenNode is JsonValue && whenNode.GetValueKind() == System.Text.Json.JsonValueKind.String
                && StringTemplateNode.HasExpression(whenNode.GetValue<string>()))
            {
                when = prepare(whenNode);
            }
            else
            {
                literalWhen = whenNode;
            }
        }
    }

    public override object? Expand(EvaluationScope scope)
    {
        IReadOnlyList<object?> contexts;
        var repeat = false;
        if (data is null)
        {
            contexts = [JsUndefined.Value];
        }
        else
        {
            object? bound;
            if (data is StringTemplateNode expression)
            {
                bound = expression.Expand(scope);
            }
            else
            {
                bound = JsValues.FromNode(literalData);
            }

            if (bound is JsonArray list)
            {
                contexts = list.Select(JsValues.FromNode).ToList();
                repeat = true;
            }
            else
            {
                contexts = [bound];
            }
        }

        var copies = new List<JsonObject>();
        for (var i = 0; i < contexts.Count; i++)
        {
            var itemScope = scope;
            if (repeat)
            {
                itemScope = itemScope with { Index = (double)i };
            }

            if (contexts[i] is not JsUndefined)
            {
                itemScope = itemScope with { Data = contexts[i] };
            }

            if (hasWhen && !IsTrue(itemScope))
            {
                continue;
            }

            var copy = new JsonObject();
            foreach (var (key, value) in properties)
            {
                var expanded = value.Expand(itemScope);
                if (expanded is not JsUndefined)
                {
                    copy[key] = value.ToAttachable(expanded);
                }
            }

            copies.Add(copy);
        }

        return copies.Count switch
        {
            0 => null,
            1 => copies[0],
            _ => new JsonArray(copies.ToArray<JsonNode?>()),
        };
    }

    /// <inheritdoc />
    public override bool BuildsNewNodes => true;

    private bool IsTrue(EvaluationScope scope)
    {
        if (when is StringTemplateNode condition)
        {
            return condition.EvaluateCondition(scope);
        }

        // A $when that is not an expression: the official engine drops the element when it is truthy (yes, truthy).
        return !JsValues.IsJsTruthy(literalWhen);
    }

    public override string ToString() => $"object in template '{templateName}'";
}
