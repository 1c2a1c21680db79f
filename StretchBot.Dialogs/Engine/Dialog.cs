using Microsoft.Bot.Builder;

namespace StretchBot.Dialogs.Engine;

/// <summary>
/// Base of every dialog. Dialog objects hold no per-user data: everything a dialog remembers between turns
/// lives in its <see cref="DialogInstance.State"/>, so one object can serve every conversation.
/// </summary>
public abstract class Dialog
{
    /// <summary>A result telling the caller the dialog is waiting for the user.</summary>
    public static readonly DialogTurnResult EndOfTurn = new(DialogTurnStatus.Waiting);

    protected Dialog(string dialogId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dialogId);
        Id = dialogId;
    }

    public string Id { get; }

    /// <summary>
    /// The dialog's shape. A stack entry stored with another version cannot be continued safely, so the
    /// manager restarts the conversation instead of running a wrong step.
    /// </summary>
    public virtual string Version => "1";

    public abstract Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options, CancellationToken cancellationToken);

    /// <summary>The user replied while this dialog was active. By default the dialog ends.</summary>
    public virtual Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken)
        => dc.EndDialogAsync(null, cancellationToken);

    /// <summary>A child dialog ended with <paramref name="result"/>. By default the dialog ends with that result.</summary>
    public virtual Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, DialogReason reason, object? result, CancellationToken cancellationToken)
        => dc.EndDialogAsync(result, cancellationToken);

    /// <summary>Ask again whatever the dialog is waiting for (after "help", say).</summary>
    public virtual Task RepromptDialogAsync(ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken)
        => Task.CompletedTask;

    /// <summary>
    /// True when the dialog can read the current message as an answer to what it asked (a prompt that understands
    /// it, or is unsure of it). Global commands in everyday words give way to a real answer.
    /// </summary>
    public virtual Task<bool> CanReadReplyAsync(DialogContext dc, CancellationToken cancellationToken) => Task.FromResult(false);

    /// <summary>The dialog is leaving the stack.</summary>
    public virtual Task EndDialogAsync(ITurnContext turnContext, DialogInstance instance, DialogReason reason, CancellationToken cancellationToken)
        => Task.CompletedTask;
}
