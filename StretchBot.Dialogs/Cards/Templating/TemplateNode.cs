using System.Text.Json;
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

    /// <summary>
    /// Writes the JSON of <see cref="ToAttachable"/>(<see cref="Expand"/>) straight to <paramref name="writer"/>, without
    /// building nodes: the same card text. Objects and lists override this to write as they expand.
    /// </summary>
    public virtual void Write(Utf8JsonWriter writer, EvaluationScope scope, JsonSerializerOptions options)
        => JsValues.Write(writer, Expand(scope), options);

    /// <summary>Writes the property <paramref name="name"/> with this value, or nothing when the value is undefined.</summary>
    public virtual void WriteProperty(Utf8JsonWriter writer, string name, EvaluationScope scope, JsonSerializerOptions options)
    {
        var value = Expand(scope);
        if (value is not JsUndefined)
        {
            writer.WritePropertyName(name);
            JsValues.Write(writer, value, options);
        }
    }

    /// <summary>
    /// Writes this value as an item of an enclosing list, as <see cref="ArrayTemplateNode"/> expands it: nothing for
    /// null, each item of a list (spliced in), otherwise the value.
    /// </summary>
    public virtual void WriteItems(Utf8JsonWriter writer, EvaluationScope scope, JsonSerializerOptions options)
    {
        switch (Expand(scope))
        {
            case null:
                return;
            case JsonArray list:
                foreach (var item in list)
                {
                    JsValues.Write(writer, item, options);
                }

                return;
            case var value:
                JsValues.Write(writer, value, options);
                return;
        }
    }
}
