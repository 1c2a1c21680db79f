namespace StretchBot.Dialogs.Engine;

/// <summary>One entry of the dialog stack as stored in conversation state.</summary>
public sealed class DialogInstance
{
    /// <summary>The dialog's id.</summary>
    public string Id { get; set; } = string.Empty;

    /// <summary>The dialog's shape when the entry was pushed (see <see cref="Dialog.Version"/>).</summary>
    public string Version { get; set; } = string.Empty;

    /// <summary>The dialog's own per-instance values; plain JSON-serialisable data only.</summary>
    public Dictionary<string, object?> State { get; set; } = new();
}
