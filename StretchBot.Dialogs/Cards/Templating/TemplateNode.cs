using System.Text.Json.Nodes;

namespace StretchBot.Dialogs.Cards.Templating;

/// <summary>
/// A template value prepared for expansion (expressions parsed once). Expanding yields a JavaScript-like value:
/// <see cref="JsUndefined"/>, null, bool, double, string, JsonObject or JsonArray. Objects and arrays may belong to
/// the data, so they are copied (<see cref="JsValues.ToNode"/>) when attached to the expanded card, unless this node
/// built them itself for this expansion (<see cref="BuildsNewNodes"/>).
/// </summary>
internal abstract class TemplateNode
{
    public abstract object? Expand(EvaluationScope scope);

    /// <summary>
    /// True when every object or list <see cref="Expand"/> returns was built by this expansion and belongs to nothing
    /// else, so it can be attached to the card as it is instead of being copied (a card is then built once, not once
    /// per level of nesting).
    /// </summary>
    public virtual bool BuildsNewNodes => false;

    /// <summary>The expanded value as a node to attach to the card: copied unless this expansion built it.</summary>
    public JsonNode? ToAttachable(object? expanded)
        => BuildsNewNodes && expanded is JsonNode built ? built : JsValues.ToNode(expanded);
}
