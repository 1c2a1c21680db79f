using StretchBot.Dialogs.CheckIns;
using StretchBot.Dialogs.Privacy;

namespace StretchBot.CheckIns;

/// <summary>
/// The durable check-in schedule every bot instance shares (<see cref="SqliteCheckInStore"/>,
/// <see cref="PostgresCheckInStore"/>). The conversation schedules, answers and cancels check-ins through
/// <see cref="ICheckInScheduler"/>; the <see cref="CheckInDispatcher"/> claims due messages with a lease, sends them,
/// and completes or releases them; "delete my data" erases the user's rows. A user never has more than one open
/// check-in (pending, or sent and awaiting an answer).
/// </summary>
public interface ICheckInStore : ICheckInScheduler, IPersonalDataEraser
{
    /// <summary>
    /// Leases up to <paramref name="max"/> due messages to <paramref name="owner"/> until now + <paramref name="lease"/>,
    /// at most <paramref name="maxPerTenant"/> per tenant, earliest first. Any number of dispatchers may claim at once:
    /// each due message goes to one of them only. A message whose lease ran out (its dispatcher died before finishing)
    /// is claimable again.
    /// </summary>
    Task<IReadOnlyList<ClaimedCheckIn>> ClaimDueAsync(DateTimeOffset now, string owner, TimeSpan lease, int max, int maxPerTenant, CancellationToken cancellationToken);

    /// <summary>
    /// A claimed message reached the user. After the check-in itself the row awaits the answer and the single
    /// reminder falls due <see cref="CheckInOptions.ReminderAfter"/> later; after the reminder nothing more is
    /// sent until the user comes back. Returns false when the check-in was answered, cancelled, replaced or erased
    /// meanwhile (nothing to update).
    /// </summary>
    Task<bool> CompleteSendAsync(string id, CheckInMessageKind kind, CancellationToken cancellationToken);

    /// <summary>A send failed for a passing reason: free the lease and let the message be claimed again from <paramref name="nextAttemptUtc"/>.</summary>
    Task ReleaseForRetryAsync(string id, DateTimeOffset nextAttemptUtc, CancellationToken cancellationToken);

    /// <summary>
    /// Stops trying to send this message. An unsent check-in ends (the user hears nothing until they come back);
    /// an unsent reminder is dropped and the check-in still awaits its answer.
    /// </summary>
    Task GiveUpAsync(string id, CancellationToken cancellationToken);

    /// <summary>The bot can no longer reach the user (403 removed/blocked, 404 conversation gone): end their schedule.</summary>
    Task<bool> EndScheduleAsync(string userId, CancellationToken cancellationToken);

    /// <summary>Deletes answered, cancelled and ended check-ins closed before <paramref name="closedBeforeUtc"/>; returns how many.</summary>
    Task<int> PurgeClosedAsync(DateTimeOffset closedBeforeUtc, CancellationToken cancellationToken);

    /// <summary>The stored check-in with this id, if any.</summary>
    Task<CheckInRecord?> FindAsync(string id, CancellationToken cancellationToken);
}
