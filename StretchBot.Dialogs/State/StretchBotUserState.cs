using Microsoft.Bot.Builder;

namespace StretchBot.Dialogs.State;

/// <summary>
/// User state keyed by the user's stable identity (<see cref="UserKey"/>): Teams' Azure AD object id where the
/// channel gives one, so the same person is recognised across Teams conversations.
/// </summary>
public sealed class StretchBotUserState : BotState
{
    public StretchBotUserState(IStorage storage)
        : base(storage, nameof(StretchBotUserState))
    {
    }

    /// <summary>The storage key of a user's state.</summary>
    public static string StorageKeyFor(string userKey) => $"users/{userKey}";

    protected override string GetStorageKey(ITurnContext turnContext) => StorageKeyFor(UserKey.From(turnContext.Activity));
}
