using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using StretchBot.Dialogs.Engine;

namespace StretchBot.Tests.TestSupport;

/// <summary>
/// Runs one dialog on its own, turn by turn, the way Microsoft.Bot.Builder.Testing's DialogTestClient does (which the
/// package source here lacks): send an activity, read the replies with <see cref="GetNextReply{T}"/>, and see how
/// the dialog ended in <see cref="DialogTurnResult"/>. State is saved after each turn.
/// </summary>
internal sealed class DialogTestClient
{
    private readonly Dialog _dialog;
    private readonly object? _initialOptions;
    private readonly IStatePropertyAccessor<DialogState> _dialogState;
    private readonly BotState[] _states;
    private readonly TestAdapter _adapter;

    public DialogTestClient(string channelId, Dialog targetDialog, object? initialDialogOptions, ConversationState conversationState, params BotState[] otherStates)
        : this(WithChannel(TestAdapter.CreateConversation(nameof(DialogTestClient)), channelId), targetDialog, initialDialogOptions, conversationState, otherStates)
    {
    }

    /// <param name="conversation">The conversation and user the turns come from (to read the user's state afterwards).</param>
    public DialogTestClient(ConversationReference conversation, Dialog targetDialog, object? initialDialogOptions, ConversationState conversationState, params BotState[] otherStates)
    {
        _dialog = targetDialog;
        _initialOptions = initialDialogOptions;
        _dialogState = conversationState.CreateProperty<DialogState>(nameof(DialogTestClient));
        _states = [conversationState, .. otherStates];
        _adapter = new TestAdapter(conversation);
    }

    /// <summary>How the dialog stands after the last turn (Waiting, Complete with a result...).</summary>
    public DialogTurnResult DialogTurnResult { get; private set; } = new(DialogTurnStatus.Empty);

    public Task<T?> SendActivityAsync<T>(string text, CancellationToken cancellationToken = default)
        where T : class, IActivity
        => SendActivityAsync<T>(new Activity { Type = ActivityTypes.Message, Text = text }, cancellationToken);

    /// <summary>Sends <paramref name="activity"/> as the user and returns the first reply (the rest wait for <see cref="GetNextReply{T}"/>).</summary>
    public async Task<T?> SendActivityAsync<T>(Activity activity, CancellationToken cancellationToken = default)
        where T : class, IActivity
    {
        activity.Type ??= ActivityTypes.Message;
        await _adapter.ProcessActivityAsync(activity, RunTurnAsync, cancellationToken);
        return GetNextReply<T>();
    }

    /// <summary>The next reply the dialog sent, or null when there is none.</summary>
    public T? GetNextReply<T>()
        where T : class, IActivity
        => _adapter.ActiveQueue.Count > 0 ? _adapter.ActiveQueue.Dequeue() as T : null;

    private async Task RunTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var dialogs = new DialogSet(_dialogState).Add(_dialog);
        var dc = await dialogs.CreateContextAsync(turnContext, cancellationToken);
        var result = await dc.ContinueDialogAsync(cancellationToken);
        if (result.Status == DialogTurnStatus.Empty)
        {
            result = await dc.BeginDialogAsync(_dialog.Id, _initialOptions, cancellationToken);
        }

        DialogTurnResult = result;
        foreach (var state in _states)
        {
            await state.SaveChangesAsync(turnContext, false, cancellationToken);
        }
    }

    private static ConversationReference WithChannel(ConversationReference reference, string channelId)
    {
        reference.ChannelId = channelId;
        return reference;
    }
}
