namespace StretchBot.Dialogs.CheckIns;

/// <summary>
/// Check-in timing, bound from the configuration section <c>CheckIn</c>. TimeSpans use the usual
/// "d.hh:mm:ss" form, so a demo can set <c>CheckIn:Interval</c> to <c>00:01:00</c>.
/// </summary>
public sealed class CheckInOptions
{
    public const string SectionName = "CheckIn";

    /// <summary>How long after a plan (or an answered check-in) the next check-in is due. Default 7 days.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How long an unanswered check-in waits before its single reminder. Default 2 days.</summary>
    public TimeSpan ReminderAfter { get; set; } = TimeSpan.FromDays(2);

    /// <summary>Whether this instance runs the dispatcher that sends due check-ins. Default true.</summary>
    public bool DispatcherEnabled { get; set; } = true;

    /// <summary>How often the dispatcher looks for due check-ins. Default 30 seconds.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long a claimed check-in stays reserved for the dispatcher that claimed it. If that dispatcher dies
    /// before finishing, another one re-sends it once the lease has run out. Default 2 minutes.
    /// </summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The most check-ins one dispatcher pass claims; a full batch is followed by the next pass at once. Default 500.</summary>
    public int BatchSize { get; set; } = 500;

    /// <summary>
    /// The most check-ins one pass claims in a single tenant (or, without a tenant, a single conversation), so tenants
    /// take turns and a pass stays well within the lease. Default 50 (a second of a tenant's default limit).
    /// </summary>
    public int MaxSendsPerTenantPerPass { get; set; } = 50;

    /// <summary>How many check-ins one instance sends at once (within the rate limits below). Default 32.</summary>
    public int MaxConcurrentSends { get; set; } = 32;

    /// <summary>
    /// Limits on messages into one conversation, as "messages/period" pairs; the default is what Teams publishes for a
    /// bot in one conversation ("per bot per thread"): 7 per second, 8 per 2 seconds, 60 per 30 seconds, 1800 per hour.
    /// </summary>
    public string ConversationRateLimits { get; set; } = "7/00:00:01, 8/00:00:02, 60/00:00:30, 1800/01:00:00";

    /// <summary>
    /// Limits on messages into one tenant (Teams' Azure AD tenant), as "messages/period" pairs; the default is Teams'
    /// published limit per app per tenant, 50 requests per second. Users without a tenant (Web Chat, Direct Line) are
    /// limited per conversation only, never as one shared tenant.
    /// </summary>
    public string TenantRateLimits { get; set; } = "50/00:00:01";

    /// <summary>
    /// Room left for the network: each limit's period is counted this much longer, so that messages sent on time but
    /// delivered a little late or early still keep to the channel's limit where the channel counts them, on arrival.
    /// Default 100 ms (Teams' 50 per second per tenant then leaves at most about 45 per second).
    /// </summary>
    public TimeSpan RateLimitMargin { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>An optional least time between two sends into the same tenant, on top of the limits above. Default none.</summary>
    public TimeSpan TenantSpacing { get; set; } = TimeSpan.Zero;

    /// <summary>How many times a message is tried before the dispatcher gives up on it. Default 5.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>The first retry delay after a throttled (429) or failed (5xx) send; it doubles each time. Default 10 s.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The longest retry delay. Default 30 minutes.</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// How long an answered, stopped or ended check-in is kept (it holds the user's conversation reference)
    /// before the dispatcher deletes it. Default 30 days.
    /// </summary>
    public TimeSpan ClosedRetention { get; set; } = TimeSpan.FromDays(30);
}
