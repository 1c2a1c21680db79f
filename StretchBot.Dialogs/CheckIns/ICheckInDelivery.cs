using Microsoft.Bot.Builder;

namespace StretchBot.Dialogs.CheckIns;

/// <summary>What the dispatcher is sending: the check-in itself, or the single reminder two days later.</summary>
public enum CheckInMessageKind
{
    CheckIn,
    Reminder,
}

/// <summary>A claimed, due check-in handed to the bot for delivery.</summary>
public sealed record DueCheckIn(string Id, string UserId, CheckInMessageKind Kind);

/// <summary>
/// Called by the dispatcher inside ContinueConversationAsync: the bot starts the check-in conversation
/// (or sends the reminder) on the given proactive turn.
/// </summary>
public interface ICheckInDelivery
{
    Task DeliverAsync(ITurnContext turnContext, DueCheckIn checkIn, CancellationToken cancellationToken);
}
