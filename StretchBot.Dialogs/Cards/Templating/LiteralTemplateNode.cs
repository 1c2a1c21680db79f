using System.Text.Json.Nodes;

namespace StretchBot.Dialogs.Cards.Templating;

/// <summary>A number, boolean, null or a text without <c>${</c>: copied as it is.</summary>
internal sealed class LiteralTemplateNode(JsonNode? node) : TemplateNode
{
    public JsonNode? Node { get; } = node;

    public override object? Expand(EvaluationScope scope) => JsValues.FromNode(Node);
}
