using Microsoft.Bot.Builder;
using StretchBot.Dialogs.Engine;

namespace StretchBot.Dialogs.State;

/// <summary>The typed state accessors the bot and its dialogs share; one instance for the whole app.</summary>
public sealed class StateAccessors
{
    private readonly TurnStateStore? _turnState;

    public StateAccessors(ConversationState conversationState, StretchBotUserState userState, TurnStateStore? turnState = null)
    {
        _turnState = turnState;
        ConversationState = conversationState ?? throw new ArgumentNullException(nameof(conversationState));
        UserState = userState ?? throw new ArgumentNullException(nameof(userState));
        UserProfile = userState.CreateProperty<UserProfile>(nameof(State.UserProfile));
        ConversationData = conversationState.CreateProperty<ConversationData>(nameof(State.ConversationData));
    }

    public ConversationState ConversationState { get; }

    public StretchBotUserState UserState { get; }

    public IStatePropertyAccessor<UserProfile> UserProfile { get; }

    public IStatePropertyAccessor<ConversationData> ConversationData { get; }

    /// <summary>The key Bot Framework's ConversationState stores a conversation under.</summary>
    public static string ConversationStateKey(Microsoft.Bot.Schema.IActivity activity)
        => $"{activity.ChannelId}/conversations/{activity.Conversation?.Id}";

    /// <summary>The conversation's storage key; null when the activity has no channel or conversation id.</summary>
    public static string? ConversationStateKeyOrNull(Microsoft.Bot.Schema.IActivity activity)
        => string.IsNullOrEmpty(activity.ChannelId) || string.IsNullOrEmpty(activity.Conversation?.Id) ? null : ConversationStateKey(activity);

    public Task<UserProfile> GetProfileAsync(ITurnContext turnContext, CancellationToken cancellationToken)
        => UserProfile.GetForUpdateAsync(turnContext, () => new UserProfile(), cancellationToken);

    /// <summary>Saves both states once, at the end of a turn: one write for whatever changed.</summary>
    public async Task SaveChangesAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        if (_turnState is not null)
        {
            await _turnState.SaveAsync(turnContext, null, false, cancellationToken);
            return;
        }

        await ConversationState.SaveChangesAsync(turnContext, false, cancellationToken);
        await UserState.SaveChangesAsync(turnContext, false, cancellationToken);
    }
}
