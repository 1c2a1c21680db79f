namespace StretchBot.Dialogs.Cards.Templating;

/// <summary>
/// A template value prepared for expansion (expressions parsed once). Expanding yields a JavaScript-like value:
/// <see cref="JsUndefined"/>, null, bool, double, string, JsonObject or JsonArray. Objects and arrays may belong to
/// the data, so they are copied (<see cref="JsValues.ToNode"/>) when attached to the expanded card.
/// </summary>
internal abstract class TemplateNode
{
    public abstract object? Expand(EvaluationScope scope);
}
