namespace StretchBot.Dialogs.Engine.Recognition;

/// <summary>
/// One meaning of a recognised time: either a wall-clock time in the user's zone (most phrases) or an exact instant
/// ("in 2 hours"). <see cref="RepeatPeriod"/> says how to reach its next occurrence when this one has passed.
/// </summary>
internal readonly record struct TimeReading(DateTime? Local, DateTimeOffset? Instant, RepeatPeriod? RepeatPeriod)
{
    internal static TimeReading AtLocal(DateTime local, RepeatPeriod? repeatPeriod) =>
        new(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), null, repeatPeriod);

    internal static TimeReading AtInstant(DateTimeOffset instant) => new(null, instant, null);

    /// <summary>The same wall-clock time one period later.</summary>
    internal TimeReading Next() => Local is not { } local
        ? this
        : this with
        {
            Local = RepeatPeriod switch
            {
                Recognition.RepeatPeriod.Daily => local.AddDays(1),
                Recognition.RepeatPeriod.Weekly => local.AddDays(7),
                Recognition.RepeatPeriod.Yearly => local.AddYears(1),
                _ => local,
            },
        };
}
