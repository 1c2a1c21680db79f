namespace StretchBot.Dialogs.Engine;

/// <summary>
/// A global command that can interrupt whatever dialog is active ("help", "start over", ...). The manager asks
/// each interruption in order before continuing the stack; the first that handles the turn ends it.
/// </summary>
public interface IDialogInterruption
{
    /// <summary>Handles the turn and returns true, or returns false to let the active dialog continue.</summary>
    Task<bool> TryInterruptAsync(DialogContext dc, Dialog rootDialog, CancellationToken cancellationToken);
}
