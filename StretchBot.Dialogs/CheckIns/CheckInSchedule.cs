namespace StretchBot.Dialogs.CheckIns;

/// <summary>
/// The timing rules of the weekly check-in: when it is due, when the single reminder follows, how failed sends
/// are retried. Pure rules with no Bot Framework or storage types, so they test without a clock or a channel.
/// </summary>
public sealed class CheckInSchedule
{
    private readonly CheckInOptions _options;

    public CheckInSchedule(CheckInOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Interval <= TimeSpan.Zero)
        {
            throw new ArgumentException("CheckIn:Interval must be positive.", nameof(options));
        }

        if (options.ReminderAfter <= TimeSpan.Zero)
        {
            throw new ArgumentException("CheckIn:ReminderAfter must be positive.", nameof(options));
        }

        if (options.MaxAttempts < 1)
        {
            throw new ArgumentException("CheckIn:MaxAttempts must be at least 1.", nameof(options));
        }

        _options = options;
    }

    public CheckInOptions Options => _options;

    /// <summary>When the check-in after a plan (or after an answered check-in) is due: one interval later.</summary>
    public DateTimeOffset DefaultDue(DateTimeOffset planGivenUtc) => planGivenUtc.ToUniversalTime() + _options.Interval;

    /// <summary>
    /// The check-in one interval after <paramref name="fromUtc"/>, moved to the time of day the user chose in
    /// their own time zone (for example "in a week, at 9:00"). A local time that does not exist that day (clocks
    /// going forward) moves later to the first one that does; a local time that happens twice takes the first.
    /// An interval shorter than a day (a demo) ignores the time of day.
    /// </summary>
    public DateTimeOffset DueAt(DateTimeOffset fromUtc, TimeZoneInfo userTimeZone, TimeOnly localTimeOfDay)
    {
        ArgumentNullException.ThrowIfNull(userTimeZone);
        var due = DefaultDue(fromUtc);
        if (_options.Interval < TimeSpan.FromDays(1))
        {
            return due;
        }

        var localDay = TimeZoneInfo.ConvertTime(due, userTimeZone).Date;
        var local = DateTime.SpecifyKind(localDay + localTimeOfDay.ToTimeSpan(), DateTimeKind.Unspecified);
        while (userTimeZone.IsInvalidTime(local))
        {
            local = local.AddMinutes(15);
        }

        var offset = userTimeZone.IsAmbiguousTime(local)
            ? userTimeZone.GetAmbiguousTimeOffsets(local).Max()
            : userTimeZone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }

    /// <summary>When the single reminder follows a check-in that is still unanswered.</summary>
    public DateTimeOffset ReminderDue(DateTimeOffset checkInSentUtc) => checkInSentUtc.ToUniversalTime() + _options.ReminderAfter;

    /// <summary>Whether a send that failed on its <paramref name="attempt"/>-th try (1-based) may be tried again.</summary>
    public bool MayRetry(int attempt) => attempt < _options.MaxAttempts;

    /// <summary>
    /// How long to wait before the next try: exponential from <see cref="CheckInOptions.RetryBaseDelay"/>, capped
    /// at <see cref="CheckInOptions.RetryMaxDelay"/>, with jitter so that many instances do not retry in step;
    /// never sooner than the channel's Retry-After.
    /// </summary>
    /// <param name="attempt">The 1-based try that failed.</param>
    /// <param name="jitter">A random sample in [0, 1): the delay is scaled into [50%, 100%) of its exponential value.</param>
    /// <param name="retryAfter">The channel's Retry-After, if it sent one.</param>
    public TimeSpan RetryDelay(int attempt, double jitter, TimeSpan? retryAfter)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempt, 1);
        jitter = Math.Clamp(jitter, 0d, 1d);
        var exponent = Math.Min(attempt - 1, 30);
        var exponential = _options.RetryBaseDelay.TotalMilliseconds * Math.Pow(2, exponent);
        var capped = Math.Min(exponential, _options.RetryMaxDelay.TotalMilliseconds);
        var delay = TimeSpan.FromMilliseconds(capped * (0.5 + (jitter / 2)));
        if (retryAfter is { } asked && asked > delay)
        {
            delay = asked < _options.RetryMaxDelay ? asked : _options.RetryMaxDelay;
        }

        return delay;
    }

    /// <summary>
    /// What to do after a failed send, from the HTTP status the channel answered (null when there was none, for
    /// example a network failure).
    /// </summary>
    public static SendFailureAction ActionFor(int? httpStatus) => httpStatus switch
    {
        null => SendFailureAction.Retry,
        403 or 404 or 410 => SendFailureAction.EndSchedule,
        401 or 408 or 429 => SendFailureAction.Retry,
        >= 500 => SendFailureAction.Retry,
        >= 400 => SendFailureAction.GiveUp,
        _ => SendFailureAction.Retry,
    };
}
