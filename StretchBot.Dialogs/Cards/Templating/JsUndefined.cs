namespace StretchBot.Dialogs.Cards.Templating;

/// <summary>JavaScript's <c>undefined</c>: a value that is absent, as opposed to JSON <c>null</c>.</summary>
internal sealed class JsUndefined
{
    public static readonly JsUndefined Value = new();

    private JsUndefined()
    {
    }

    public override string ToString() => "undefined";
}
