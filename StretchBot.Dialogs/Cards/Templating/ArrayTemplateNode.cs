using System.Text.Json;
using System.Text.Json.Nodes;

namespace StretchBot.Dialogs.Cards.Templating;

/// <summary>
/// A JSON array. As in the official engine, items that expand to null are dropped (an element whose <c>$when</c> is
/// false, or a repeated element over an empty list) and items that expand to a list are spliced in (an element
/// repeated over a list with <c>$data</c>).
/// </summary>
internal sealed class ArrayTemplateNode(IReadOnlyList<TemplateNode> items) : TemplateNode
{
    public override object? Expand(EvaluationScope scope)
    {
        var result = new JsonArray();
        foreach (var item in items)
        {
            var value = item.Expand(scope);
            switch (value)
            {
                case null:
                    break;
                case JsonArray spliced when item.BuildsNewNodes:
                    // Copies this expansion made: moved across as they are.
                    var copies = spliced.ToArray();
                    spliced.Clear();
                    foreach (var child in copies)
                    {
                        result.Add(child);
                    }

                    break;
                case JsonArray spliced:
                    foreach (var child in spliced)
                    {
                        result.Add(child?.DeepClone());
                    }

                    break;
                default:
                    result.Add(item.ToAttachable(value));
                    break;
            }
        }

        return result;
    }

    /// <inheritdoc />
    public override bool BuildsNewNodes => true;

    public override void Write(Utf8JsonWriter writer, EvaluationScope scope, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        WriteItems(writer, scope, options);
        writer.WriteEndArray();
    }

    public override void WriteProperty(Utf8JsonWriter writer, string name, EvaluationScope scope, JsonSerializerOptions options)
    {
        writer.WritePropertyName(name);
        Write(writer, scope, options);
    }

    /// <summary>A list inside a list is spliced in, as <see cref="Expand"/> does.</summary>
    public override void WriteItems(Utf8JsonWriter writer, EvaluationScope scope, JsonSerializerOptions options)
    {
        foreach (var item in items)
        {
            item.WriteItems(writer, scope, options);
        }
    }
}
