using Microsoft.Bot.Builder;
using StretchBot.Dialogs.Engine.Prompts;

namespace StretchBot.Dialogs.Engine;

/// <summary>
/// The dialog stack for one turn: begin, continue, end, replace and cancel dialogs.
/// A component dialog's children get their own context whose <see cref="Parent"/> is the component's.
/// </summary>
public class DialogContext
{
    public DialogContext(DialogSet dialogs, ITurnContext turnContext, DialogState state, DialogContext? parent = null)
    {
        Dialogs = dialogs ?? throw new ArgumentNullException(nameof(dialogs));
        Context = turnContext ?? throw new ArgumentNullException(nameof(turnContext));
        State = state ?? throw new ArgumentNullException(nameof(state));
        Parent = parent;
    }

    public DialogSet Dialogs { get; }

    public ITurnContext Context { get; }

    public DialogState State { get; }

    public DialogContext? Parent { get; }

    public List<DialogInstance> Stack => State.DialogStack;

    public DialogInstance? ActiveDialog => Stack.Count > 0 ? Stack[0] : null;

    /// <summary>The outermost context (the one the manager created).</summary>
    public DialogContext Root => Parent?.Root ?? this;

    public async Task<DialogTurnResult> BeginDialogAsync(string dialogId, object? options = null, CancellationToken cancellationToken = default)
    {
        var dialog = FindDialog(dialogId)
            ?? throw new InvalidOperationException($"Dialog '{dialogId}' was not found. Add it to the dialog set or component.");

        var instance = new DialogInstance { Id = dialog.Id, Version = dialog.Version };
        Stack.Insert(0, instance);
        return await dialog.BeginDialogAsync(this, options, cancellationToken);
    }

    /// <summary>Begins a prompt dialog: a shortcut for <see cref="BeginDialogAsync"/> with prompt options.</summary>
    public Task<DialogTurnResult> PromptAsync(string dialogId, PromptOptions options, CancellationToken cancellationToken = default)
        => BeginDialogAsync(dialogId, options ?? throw new ArgumentNullException(nameof(options)), cancellationToken);

    public async Task<DialogTurnResult> ContinueDialogAsync(CancellationToken cancellationToken = default)
    {
        var instance = ActiveDialog;
        if (instance is null)
        {
            return new DialogTurnResult(DialogTurnStatus.Empty);
        }

        var dialog = ResolveActive(instance);
        return await dialog.ContinueDialogAsync(this, cancellationToken);
    }

    public async Task<DialogTurnResult> EndDialogAsync(object? result = null, CancellationToken cancellationToken = default)
    {
        await EndActiveDialogAsync(DialogReason.EndCalled, cancellationToken);

        var instance = ActiveDialog;
        if (instance is null)
        {
            return new DialogTurnResult(DialogTurnStatus.Complete, result);
        }

        var parent = ResolveActive(instance);
        return await parent.ResumeDialogAsync(this, DialogReason.EndCalled, result, cancellationToken);
    }

    /// <summary>Ends the active dialog and starts another in its place (a loop without growing the stack).</summary>
    public async Task<DialogTurnResult> ReplaceDialogAsync(string dialogId, object? options = null, CancellationToken cancellationToken = default)
    {
        await EndActiveDialogAsync(DialogReason.ReplaceCalled, cancellationToken);
        return await BeginDialogAsync(dialogId, options, cancellationToken);
    }

    public async Task<DialogTurnResult> CancelAllDialogsAsync(CancellationToken cancellationToken = default)
    {
        if (Stack.Count == 0)
        {
            return new DialogTurnResult(DialogTurnStatus.Empty);
        }

        while (Stack.Count > 0)
        {
            await EndActiveDialogAsync(DialogReason.CancelCalled, cancellationToken);
        }

        return new DialogTurnResult(DialogTurnStatus.Cancelled);
    }

    /// <summary>Asks the active dialog to repeat its question.</summary>
    public async Task RepromptDialogAsync(CancellationToken cancellationToken = default)
    {
        var instance = ActiveDialog;
        if (instance is not null)
        {
            await ResolveActive(instance).RepromptDialogAsync(Context, instance, cancellationToken);
        }
    }

    /// <summary>True when the active dialog (the innermost prompt) can read the current message as its answer.</summary>
    public async Task<bool> CanActiveDialogReadReplyAsync(CancellationToken cancellationToken = default)
    {
        var instance = ActiveDialog;
        var dialog = instance is null ? null : FindDialog(instance.Id);
        return dialog is not null && dialog.Version == instance!.Version && await dialog.CanReadReplyAsync(this, cancellationToken);
    }

    /// <summary>Finds a dialog here or in any enclosing component.</summary>
    public Dialog? FindDialog(string dialogId) => Dialogs.Find(dialogId) ?? Parent?.FindDialog(dialogId);

    private Dialog ResolveActive(DialogInstance instance)
    {
        var dialog = FindDialog(instance.Id);
        if (dialog is null)
        {
            throw new DialogShapeChangedException(instance.Id, instance.Version, null);
        }

        if (!string.Equals(dialog.Version, instance.Version, StringComparison.Ordinal))
        {
            throw new DialogShapeChangedException(instance.Id, instance.Version, dialog.Version);
        }

        return dialog;
    }

    private async Task EndActiveDialogAsync(DialogReason reason, CancellationToken cancellationToken)
    {
        var instance = ActiveDialog;
        if (instance is null)
        {
            return;
        }

        // A dialog that no longer exists has nothing to clean up; remove its entry all the same.
        var dialog = FindDialog(instance.Id);
        if (dialog is not null)
        {
            await dialog.EndDialogAsync(Context, instance, reason, cancellationToken);
        }

        Stack.RemoveAt(0);
    }
}
