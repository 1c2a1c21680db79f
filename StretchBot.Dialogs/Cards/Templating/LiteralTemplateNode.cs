using System.Text.Json.Nodes;

namespace StretchBot.Dialogs.Cards.Templating;

/// <summary>A number, boolean, null or a text without <c>${</c> (or a literal $data/$when value): copied as it is.</summary>
internal sealed class LiteralTemplateNode : TemplateNode
{
    private readonly object? value;

    public LiteralTemplateNode(JsonNode? node)
    {
        // A private, fully built copy: the caller may change its node later, and JSON nodes build their contents
        // lazily on first read, which is not safe when several threads expand the same template at once.
        Node = node?.DeepClone();
        Materialize(Node);

        // Read once: a parsed text would otherwise be decoded again from its UTF-8 at every expansion.
        value = JsValues.FromNode(Node);
    }

    public JsonNode? Node { get; }

    public override object? Expand(EvaluationScope scope) => value;

    private static void Materialize(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (_, value) in obj)
                {
                    Materialize(value);
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Materialize(item);
                }

                break;
        }
    }
}
