using StretchBot.Dialogs.CheckIns;

namespace StretchBot.CheckIns;

/// <summary>A stored check-in as it stands now (for diagnostics and tests; the conversation uses ICheckInScheduler).</summary>
/// <param name="NextDueUtc">When the next message (see <paramref name="NextKind"/>) is due; null when nothing more will be sent.</param>
public sealed record CheckInRecord(
    string Id,
    string UserId,
    CheckInStatus Status,
    DateTimeOffset DueUtc,
    CheckInMessageKind NextKind,
    DateTimeOffset? NextDueUtc,
    bool ReminderSent,
    int Attempts,
    string TenantKey);
