using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging;

namespace StretchBot.Dialogs.Engine;

/// <summary>
/// The per-turn entry point the bot calls once a turn: loads the stack from conversation state, lets global
/// commands interrupt, continues the active dialog or begins the root one, and recovers from a stack stored
/// by an older shape of the dialogs (a redeploy mid-conversation) by starting again with a short apology.
/// Saving state is the caller's job, once, at the end of the turn.
/// </summary>
public sealed class DialogManager
{
    public const string DialogStateProperty = "DialogState";

    public const string ShapeChangedApology =
        "Sorry, I've been updated since your last message, so I can't pick up exactly where we were. Let's start again from the beginning.";

    private readonly Dialog _rootDialog;
    private readonly IReadOnlyList<Dialog> _globalDialogs;
    private readonly IStatePropertyAccessor<DialogState> _dialogState;
    private readonly IReadOnlyList<IDialogInterruption> _interruptions;
    private readonly ILogger<DialogManager> _logger;

    /// <param name="globalDialogs">
    /// Dialogs that can be begun on top of any stack (by an interruption, or on a proactive turn), besides the root.
    /// </param>
    public DialogManager(Dialog rootDialog, ConversationState conversationState, IEnumerable<IDialogInterruption> interruptions, ILogger<DialogManager> logger, IEnumerable<Dialog>? globalDialogs = null)
    {
        _rootDialog = rootDialog ?? throw new ArgumentNullException(nameof(rootDialog));
        _globalDialogs = globalDialogs?.ToList() ?? new List<Dialog>();
        ArgumentNullException.ThrowIfNull(conversationState);
        _dialogState = conversationState.CreateProperty<DialogState>(DialogStateProperty);
        _interruptions = interruptions?.ToList() ?? throw new ArgumentNullException(nameof(interruptions));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    public Dialog RootDialog => _rootDialog;

    /// <summary>Runs the dialogs for this turn.</summary>
    public async Task<DialogTurnResult> OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var dc = await CreateContextAsync(turnContext, cancellationToken);
        try
        {
            return await RunAsync(dc, cancellationToken);
        }
        catch (DialogShapeChangedException ex)
        {
            _logger.DialogShapeChanged(turnContext.Activity.Conversation?.Id, ex.DialogId);
            dc.Stack.Clear();
            await turnContext.SendActivityAsync(MessageFactory.Text(ShapeChangedApology), cancellationToken);
            return await dc.BeginDialogAsync(_rootDialog.Id, null, cancellationToken);
        }
    }

    /// <summary>
    /// Begins <paramref name="dialogId"/> on top of whatever the user is in the middle of (a proactive check-in,
    /// say): when it ends, the question underneath is asked again. An open <paramref name="dialogId"/> is replaced.
    /// </summary>
    public async Task BeginOnTopAsync(ITurnContext turnContext, string dialogId, object? options, CancellationToken cancellationToken)
    {
        var dc = await CreateContextAsync(turnContext, cancellationToken);
        if (dc.ActiveDialog?.Id == dialogId)
        {
            await dc.ReplaceDialogAsync(dialogId, options, cancellationToken);
        }
        else
        {
            await dc.BeginDialogAsync(dialogId, options, cancellationToken);
        }
    }

    /// <summary>
    /// Asks the open question again when <paramref name="dialogId"/> is the active dialog (its cards stay valid);
    /// otherwise begins it on top of whatever is open.
    /// </summary>
    public async Task RepromptOrBeginAsync(ITurnContext turnContext, string dialogId, object? options, CancellationToken cancellationToken)
    {
        var dc = await CreateContextAsync(turnContext, cancellationToken);
        try
        {
            if (dc.ActiveDialog?.Id == dialogId)
            {
                await dc.RepromptDialogAsync(cancellationToken);
                return;
            }
        }
        catch (DialogShapeChangedException)
        {
            dc.Stack.Clear();
        }

        await dc.BeginDialogAsync(dialogId, options, cancellationToken);
    }

    /// <summary>Empties the stack (the turn error handler and "delete my data" use this).</summary>
    public Task ClearAsync(ITurnContext turnContext, CancellationToken cancellationToken)
        => _dialogState.DeleteAsync(turnContext, cancellationToken);

    private async Task<DialogContext> CreateContextAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var dialogs = new DialogSet(_dialogState).Add(_rootDialog);
        foreach (var dialog in _globalDialogs)
        {
            dialogs.Add(dialog);
        }

        return await dialogs.CreateContextAsync(turnContext, cancellationToken);
    }

    private async Task<DialogTurnResult> RunAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        if (dc.Context.Activity.Type == ActivityTypes.Message)
        {
            foreach (var interruption in _interruptions)
            {
                if (await interruption.TryInterruptAsync(dc, _rootDialog, cancellationToken))
                {
                    return new DialogTurnResult(dc.Stack.Count > 0 ? DialogTurnStatus.Waiting : DialogTurnStatus.Empty);
                }
            }
        }

        var result = await dc.ContinueDialogAsync(cancellationToken);
        if (result.Status == DialogTurnStatus.Empty && dc.Context.Activity.Type == ActivityTypes.Message)
        {
            result = await dc.BeginDialogAsync(_rootDialog.Id, null, cancellationToken);
        }

        return result;
    }
}
