namespace StretchBot.Dialogs.Engine.Recognition;

/// <summary>The user's "now" on their own wall clock, and the conversion of their wall-clock times back to UTC.</summary>
internal sealed class UserClock
{
    internal UserClock(DateTimeOffset utcNow, TimeZoneInfo zone)
    {
        UtcNow = utcNow;
        Zone = zone;
        LocalNow = DateTime.SpecifyKind(TimeZoneInfo.ConvertTime(utcNow, zone).DateTime, DateTimeKind.Unspecified);
    }

    internal DateTimeOffset UtcNow { get; }

    internal TimeZoneInfo Zone { get; }

    /// <summary>The user's local date and time now (the recognizer's reference time).</summary>
    internal DateTime LocalNow { get; }

    /// <summary>The user's current time of day to the minute, given to a date typed without a time.</summary>
    internal TimeSpan TimeOfDay => new(LocalNow.Hour, LocalNow.Minute, 0);

    /// <summary>
    /// The UTC instants a reading names. A wall-clock time skipped by a spring-forward change is moved on by the
    /// gap (02:30 becomes 03:30); one repeated by a fall-back change has two instants.
    /// </summary>
    internal IEnumerable<DateTimeOffset> ToInstants(TimeReading reading)
    {
        if (reading.Instant is { } instant)
        {
            return [instant];
        }

        if (reading.Local is not { } local)
        {
            return [];
        }

        if (Zone.IsInvalidTime(local))
        {
            var offsetBefore = Zone.GetUtcOffset(local.AddDays(-1));
            return [new DateTimeOffset(local - offsetBefore, TimeSpan.Zero)];
        }

        if (Zone.IsAmbiguousTime(local))
        {
            return Zone.GetAmbiguousTimeOffsets(local).Select(offset => new DateTimeOffset(local - offset, TimeSpan.Zero));
        }

        return [new DateTimeOffset(local, Zone.GetUtcOffset(local)).ToUniversalTime()];
    }
}
