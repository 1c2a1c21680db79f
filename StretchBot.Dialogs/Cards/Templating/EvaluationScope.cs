namespace StretchBot.Dialogs.Cards.Templating;

/// <summary>
/// What an expression can see: <c>$root</c> (the data the template is expanded with), <c>$data</c> (the current
/// data context, <c>$root</c> until an element rebinds it) and <c>$index</c> (undefined outside a repeated element).
/// </summary>
internal readonly record struct EvaluationScope(object? Root, object? Data, object? Index, string TemplateName)
{
    public static EvaluationScope ForRoot(object? root, string templateName)
        => new(root, root, JsUndefined.Value, templateName);
}
