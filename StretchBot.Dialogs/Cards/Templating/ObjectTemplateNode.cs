using System.Text.Json;
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
        var copies = new List<JsonObject>();
        foreach (var itemScope in CopyScopes(scope))
        {
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

    /// <summary>Writes what <see cref="Expand"/> returns: null for no copies, the object for one, a list for several.</summary>
    public override void Write(Utf8JsonWriter writer, EvaluationScope scope, JsonSerializerOptions options)
    {
        var copies = CopyScopes(scope);
        switch (copies.Count)
        {
            case 0:
                writer.WriteNullValue();
                break;
            case 1:
                WriteCopy(writer, copies[0], options);
                break;
            default:
                writer.WriteStartArray();
                copies.ForEach(copy => WriteCopy(writer, copy, options));
                writer.WriteEndArray();
                break;
        }
    }

    public override void WriteProperty(Utf8JsonWriter writer, string name, EvaluationScope scope, JsonSerializerOptions options)
    {
        writer.WritePropertyName(name);
        Write(writer, scope, options);
    }

    /// <summary>In a list, the copies are spliced in (none for none).</summary>
    public override void WriteItems(Utf8JsonWriter writer, EvaluationScope scope, JsonSerializerOptions options)
        => CopyScopes(scope).ForEach(copy => WriteCopy(writer, copy, options));

    /// <summary>Writes the one copy a card's root must expand to; false, writing nothing, when it is not exactly one.</summary>
    public bool TryWriteSingle(Utf8JsonWriter writer, EvaluationScope scope, JsonSerializerOptions options)
    {
        var copies = CopyScopes(scope);
        if (copies.Count != 1)
        {
            return false;
        }

        WriteCopy(writer, copies[0], options);
        return true;
    }

    private void WriteCopy(Utf8JsonWriter writer, EvaluationScope itemScope, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        foreach (var (key, value) in properties)
        {
            value.WriteProperty(writer, key, itemScope, options);
        }

        writer.WriteEndObject();
    }

    /// <summary>The scope of each copy: one per item when <c>$data</c> is a list, else one; those whose <c>$when</c> is false left out.</summary>
    private List<EvaluationScope> CopyScopes(EvaluationScope scope)
    {
        IReadOnlyList<object?> contexts;
        var repeat = false;
        if (data is null)
        {
            contexts = [JsUndefined.Value];
        }
        else
        {
            var bound = data is StringTemplateNode expression ? expression.Expand(scope) : JsValues.FromNode(literalData);
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

        var scopes = new List<EvaluationScope>(contexts.Count);
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

            if (!hasWhen || IsTrue(itemScope))
            {
                scopes.Add(itemScope);
            }
        }

        return scopes;
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
