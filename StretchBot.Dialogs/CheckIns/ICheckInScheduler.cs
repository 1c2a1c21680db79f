using Microsoft.Bot.Schema;

namespace StretchBot.Dialogs.CheckIns;

/// <summary>A check-in the bot owes a user.</summary>
/// <param name="Id">Stable id; travels with the check-in message so a repeat is recognised.</param>
/// <param name="UserId">The user's stable key (see <see cref="State.UserKey"/>).</param>
/// <param name="DueUtc">When the check-in is due, in UTC.</param>
public sealed record ScheduledCheckIn(string Id, string UserId, DateTimeOffset DueUtc);

/// <summary>
/// The conversation's view of the durable check-in schedule. The implementation lives in the host
/// (SQLite by default) and is shared by every bot instance.
/// </summary>
public interface ICheckInScheduler
{
    /// <summary>Schedules the user's next check-in, replacing any pending one: a user never has two.</summary>
    Task<ScheduledCheckIn> ScheduleAsync(string userId, ConversationReference reference, DateTimeOffset dueUtc, CancellationToken cancellationToken);

    /// <summary>The user's pending (not yet answered or cancelled) check-in, if any.</summary>
    Task<ScheduledCheckIn?> GetPendingAsync(string userId, CancellationToken cancellationToken);

    /// <summary>The user answered this check-in: no reminder will follow.</summary>
    Task MarkAnsweredAsync(string checkInId, CancellationToken cancellationToken);

    /// <summary>"stop check-ins": cancels whatever is pending. Returns false when nothing was pending.</summary>
    Task<bool> CancelAsync(string userId, CancellationToken cancellationToken);
}
