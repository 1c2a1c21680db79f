using Microsoft.Bot.Builder;

namespace StretchBot.Dialogs.Engine;

/// <summary>
/// A dialog that owns child dialogs and runs them on an inner stack stored inside its own stack entry, so a
/// multi-step conversation can be begun by a parent like any single dialog.
/// </summary>
public abstract class ComponentDialog : Dialog
{
    /// <summary>The entry of a component's instance state that holds its inner dialog stack.</summary>
    internal const string InnerStackKey = "dialogs";
    private readonly DialogSet _dialogs = new();

    protected ComponentDialog(string dialogId)
        : base(dialogId)
    {
    }

    /// <summary>The child begun when the component begins; defaults to the first one added.</summary>
    protected string? InitialDialogId { get; set; }

    public Dialog? FindDialog(string dialogId) => _dialogs.Find(dialogId);

    public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options, CancellationToken cancellationToken)
    {
        var inner = CreateInnerContext(dc, dc.ActiveDialog!);
        var initial = InitialDialogId ?? throw new InvalidOperationException($"Component '{Id}' has no dialogs.");
        var result = await inner.BeginDialogAsync(initial, options, cancellationToken);
        return await EndIfCompleteAsync(dc, result, cancellationToken);
    }

    public override async Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        var inner = CreateInnerContext(dc, dc.ActiveDialog!);
        var result = await inner.ContinueDialogAsync(cancellationToken);
        return await EndIfCompleteAsync(dc, result, cancellationToken);
    }

    public override async Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, DialogReason reason, object? result, CancellationToken cancellationToken)
    {
        // Children run on the inner stack, so nothing outside resumes a component; if it happens, ask again.
        await RepromptDialogAsync(dc.Context, dc.ActiveDialog!, cancellationToken);
        return EndOfTurn;
    }

    public override Task<bool> CanReadReplyAsync(DialogContext dc, CancellationToken cancellationToken)
        => CreateInnerContext(dc, dc.ActiveDialog!).CanActiveDialogReadReplyAsync(cancellationToken);

    public override Task RepromptDialogAsync(ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken)
    {
        var inner = new DialogContext(_dialogs, turnContext, GetInnerState(instance));
        return inner.RepromptDialogAsync(cancellationToken);
    }

    public override async Task EndDialogAsync(ITurnContext turnContext, DialogInstance instance, DialogReason reason, CancellationToken cancellationToken)
    {
        if (reason == DialogReason.CancelCalled)
        {
            var inner = new DialogContext(_dialogs, turnContext, GetInnerState(instance));
            await inner.CancelAllDialogsAsync(cancellationToken);
        }
    }

    /// <summary>The instance of child <paramref name="childId"/> on this component's inner stack (null when it is not there).</summary>
    protected static DialogInstance? ChildInstance(DialogContext dc, string childId)
        => dc.ActiveDialog is { } instance ? GetInnerState(instance).DialogStack.FirstOrDefault(d => d.Id == childId) : null;

    /// <summary>The id of the child running on this component's inner stack (null when none).</summary>
    protected static string? ActiveChildId(DialogContext dc)
        => dc.ActiveDialog is { } instance ? GetInnerState(instance).DialogStack.FirstOrDefault()?.Id : null;

    /// <summary>Cancels whatever child is open (its card stops taking input) and begins the first child again.</summary>
    protected async Task<DialogTurnResult> RestartAsync(DialogContext dc, object? options, CancellationToken cancellationToken)
    {
        var inner = CreateInnerContext(dc, dc.ActiveDialog!);
        await inner.CancelAllDialogsAsync(cancellationToken);
        var result = await inner.BeginDialogAsync(InitialDialogId!, options, cancellationToken);
        return await EndIfCompleteAsync(dc, result, cancellationToken);
    }

    protected ComponentDialog AddDialog(Dialog dialog)
    {
        _dialogs.Add(dialog);
        InitialDialogId ??= dialog.Id;
        return this;
    }

    private DialogContext CreateInnerContext(DialogContext outer, DialogInstance instance)
        => new(_dialogs, outer.Context, GetInnerState(instance), outer);

    private static DialogState GetInnerState(DialogInstance instance)
    {
        var state = instance.State.Get<DialogState>(InnerStackKey) ?? new DialogState();
        instance.State[InnerStackKey] = state;
        return state;
    }

    private static async Task<DialogTurnResult> EndIfCompleteAsync(DialogContext outer, DialogTurnResult innerResult, CancellationToken cancellationToken)
        => innerResult.Status == DialogTurnStatus.Complete
            ? await outer.EndDialogAsync(innerResult.Result, cancellationToken)
            : innerResult.Status == DialogTurnStatus.Cancelled
                ? await outer.EndDialogAsync(null, cancellationToken)
                : innerResult;
}
