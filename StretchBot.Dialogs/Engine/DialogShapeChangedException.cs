namespace StretchBot.Dialogs.Engine;

/// <summary>
/// Thrown when a stored dialog stack names a dialog that no longer exists, or whose shape (its steps) changed
/// since the entry was stored: typically a redeploy in the middle of a conversation.
/// </summary>
public sealed class DialogShapeChangedException : Exception
{
    public DialogShapeChangedException(string dialogId, string storedVersion, string? currentVersion)
        : base(currentVersion is null
            ? $"The stored dialog stack names dialog '{dialogId}', which no longer exists."
            : $"Dialog '{dialogId}' changed shape since it was stored (stored {storedVersion}, now {currentVersion}).")
    {
        DialogId = dialogId;
    }

    public string DialogId { get; }
}
