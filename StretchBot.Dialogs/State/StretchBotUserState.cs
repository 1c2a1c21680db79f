using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace StretchBot.Dialogs.State;

/// <summary>
/// User state keyed by the user's stable identity (<see cref="UserKey"/>): Teams' Azure AD object id where the
/// channel gives one, so the same person is recognised across Teams conversations. With a <see cref="TurnStateStore"/>
/// it is loaded and saved together with the conversation's state (one read, at most one write per turn).
/// </summary>
public sealed class StretchBotUserState : BotState
{
    private readonly TurnStateStore? _turnState;

    public StretchBotUserState(IStorage storage)
        : base(storage, nameof(StretchBotUserState))
    {
    }

    public StretchBotUserState(IStorage storage, TurnStateStore turnState)
        : this(storage)
    {
        _turnState = turnState ?? throw new ArgumentNullException(nameof(turnState));
    }

    /// <summary>The storage key of a user's state.</summary>
    public static string StorageKeyFor(string userKey) => $"users/{userKey}";

    /// <summary>The storage key of the activity's sender's state; null when the activity has no sender id.</summary>
    public static string? StorageKeyOrNull(IActivity activity)
        => string.IsNullOrWhiteSpace(activity.From?.AadObjectId) && string.IsNullOrWhiteSpace(activity.From?.Id)
            ? null
            : StorageKeyFor(UserKey.From(activity));

    public override Task LoadAsync(ITurnContext turnContext, bool force = false, CancellationToken cancellationToken = default)
        => _turnState is null ? base.LoadAsync(turnContext, force, cancellationToken) : _turnState.LoadAsync(turnContext, force, cancellationToken);

    public override Task SaveChangesAsync(ITurnContext turnContext, bool force = false, CancellationToken cancellationToken = default)
        => _turnState is null
            ? base.SaveChangesAsync(turnContext, force, cancellationToken)
            : _turnState.SaveAsync(turnContext, TurnStateStore.Scopes[1], force, cancellationToken);

    protected override string GetStorageKey(ITurnContext turnContext) => StorageKeyFor(UserKey.From(turnContext.Activity));
}
