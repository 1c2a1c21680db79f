using Microsoft.Bot.Builder;

namespace StretchBot.Dialogs.State;

/// <summary>
/// Bot Framework's ConversationState (same storage key, same accessors), loaded and saved together with the user's
/// state through <see cref="TurnStateStore"/>: one read and at most one write per turn.
/// </summary>
public sealed class StretchBotConversationState : ConversationState
{
    private readonly TurnStateStore _turnState;

    public StretchBotConversationState(IStorage storage, TurnStateStore turnState)
        : base(storage)
    {
        _turnState = turnState ?? throw new ArgumentNullException(nameof(turnState));
    }

    public override Task LoadAsync(ITurnContext turnContext, bool force = false, CancellationToken cancellationToken = default)
        => _turnState.LoadAsync(turnContext, force, cancellationToken);

    public override Task SaveChangesAsync(ITurnContext turnContext, bool force = false, CancellationToken cancellationToken = default)
        => _turnState.SaveAsync(turnContext, TurnStateStore.Scopes[0], force, cancellationToken);
}
