using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Recognizers.Text;

namespace StretchBot.Dialogs.Engine.Recognition;

/// <summary>
/// Typed future times ("next Monday at 6pm", "tomorrow 8am", "in a week", "6pm") through
/// Microsoft.Recognizers.Text.DateTime, resolved against the USER's wall clock and converted to UTC through the
/// user's time zone (so a date on the far side of a daylight-saving change gets that day's offset).
/// </summary>
public static partial class DateTimeRecognition
{
    private const string DateTimeType = "datetime";
    private const string DateType = "date";
    private const string TimeType = "time";
    private const string TimeRangeType = "timerange";
    private const string DateTimeRangeType = "datetimerange";
    private const string DateRangeType = "daterange";
    private const string DurationType = "duration";

    /// <summary>
    /// The instant (UTC, offset zero) the text names, if it is in the future; otherwise null.
    /// <list type="bullet">
    /// <item>A date and time is taken as said ("next Monday at 6pm", "25 December at 9" - the earliest future reading).</item>
    /// <item>A date without a time gets the user's current time of day ("tomorrow", "in a week", "next Monday").</item>
    /// <item>A time without a date is today if still ahead, else tomorrow ("6pm").</item>
    /// <item>A weekday or day of the year already past ("Monday" said on a Monday evening) is its next occurrence.</item>
    /// <item>A duration counts from now ("a week", "2 hours"); a part of a day starts it ("tomorrow morning" is 8am).</item>
    /// </list>
    /// Two different times in the text ("Monday or Tuesday"), a repeating time ("every Monday"), a time in the past
    /// ("yesterday", "today at 1pm" said at 2pm) or nothing recognisable: null.
    /// </summary>
    public static DateTimeOffset? RecognizeFuture(string? text, DateTimeOffset utcNow, TimeZoneInfo userZone, string? culture)
    {
        if (!RecognizerModels.IsUsable(text) || userZone is null)
        {
            return null;
        }

        try
        {
            var clock = new UserClock(utcNow.ToUniversalTime(), userZone);
            var results = Parse(text!, clock, culture);
            if (results is [{ TypeName: "datetimeV2.time" }] && ShortWeekendDay().IsMatch(text!))
            {
                // The recognizer reads "sat"/"sun" as words, not days: "sat 10am" would silently become today/tomorrow.
                results = Parse(ShortWeekendDay().Replace(text!, m => m.Value.ToLowerInvariant() == "sat" ? "saturday" : "sunday"), clock, culture);
            }

            var readings = results.Count switch
            {
                1 => ReadingsOf(results[0], clock),
                2 => CombinedDateAndTime(results[0], results[1], clock) ?? CombinedDateAndTime(results[1], results[0], clock),
                _ => null,
            };

            return readings is null ? null : EarliestFuture(readings, clock);
        }
        catch (Exception)
        {
            // Unexpected resolution shapes or time zone edge cases are "no match": the caller re-prompts.
            return null;
        }
    }

    /// <summary>
    /// The user's time zone from the activity: <paramref name="localTimezone"/> (an IANA id such as
    /// "Europe/London", or a Windows id the system knows), else a fixed-offset zone made from
    /// <paramref name="localTimestamp"/>'s offset (no daylight-saving knowledge), else UTC.
    /// </summary>
    public static TimeZoneInfo ResolveUserZone(string? localTimezone, DateTimeOffset? localTimestamp)
    {
        if (!string.IsNullOrWhiteSpace(localTimezone) && localTimezone.Length <= 100)
        {
            try
            {
                if (TimeZoneInfo.TryFindSystemTimeZoneById(localTimezone.Trim(), out var zone))
                {
                    return zone;
                }
            }
            catch (Exception)
            {
                // A malformed id falls through to the timestamp's offset.
            }
        }

        if (localTimestamp is { } timestamp && timestamp.Offset != TimeSpan.Zero)
        {
            var offset = timestamp.Offset;
            var sign = offset < TimeSpan.Zero ? "-" : "+";
            var name = string.Create(CultureInfo.InvariantCulture, $"UTC{sign}{offset.Duration():hh\\:mm}");
            return TimeZoneInfo.CreateCustomTimeZone(name, offset, name, name);
        }

        return TimeZoneInfo.Utc;
    }

    private static List<ModelResult> Parse(string text, UserClock clock, string? culture) =>
        RecognizerModels.ParseDateTimes(text, clock.LocalNow, culture)
            .Where(r => r.TypeName is not null && r.TypeName.StartsWith("datetimeV2.", StringComparison.Ordinal))
            .ToList();

    // Every instant one recognised phrase may mean; null when the phrase is not a single future moment.
    private static List<TimeReading>? ReadingsOf(ModelResult result, UserClock clock)
    {
        var readings = new List<TimeReading>();
        foreach (var value in ValuesOf(result))
        {
            value.TryGetValue("type", out var type);
            value.TryGetValue("timex", out var timex);
            var period = RepeatPeriodOf(timex);
            switch (type)
            {
                case DateTimeType when TryParseDateTime(Get(value, "value"), out var local):
                    readings.Add(TimeReading.AtLocal(local, period));
                    break;
                case DateType when TryParseDate(Get(value, "value"), out var date):
                    readings.Add(TimeReading.AtLocal(date + clock.TimeOfDay, period));
                    break;
                case TimeType or TimeRangeType when TryParseTime(Get(value, "value") ?? Get(value, "start"), out var time):
                    readings.Add(TimeReading.AtLocal(clock.LocalNow.Date + time, RepeatPeriod.Daily));
                    break;
                case DateTimeRangeType when TryParseDateTime(Get(value, "start"), out var start):
                    readings.Add(TimeReading.AtLocal(start, period));
                    break;
                case DateRangeType when TryParseDate(Get(value, "start"), out var first)
                                       && TryParseDate(Get(value, "end"), out var end):
                    readings.Add(TimeReading.AtLocal(DayInRange(timex, first, end, clock) + clock.TimeOfDay, null));
                    break;
                case DurationType when double.TryParse(Get(value, "value"), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
                                      && seconds > 0:
                    readings.Add(AfterDuration(TimeSpan.FromSeconds(seconds), clock));
                    break;
                default:
                    return null; // "every Monday" (a set), or a shape we do not understand
            }
        }

        return readings.Count > 0 ? readings : null;
    }

    // "Monday please, around 6pm": the recognizer returns a date and a time separately.
    private static List<TimeReading>? CombinedDateAndTime(ModelResult dateResult, ModelResult timeResult, UserClock clock)
    {
        if (dateResult.TypeName != "datetimeV2.date" || timeResult.TypeName != "datetimeV2.time")
        {
            return null;
        }

        var times = ValuesOf(timeResult)
            .Select(v => TryParseTime(Get(v, "value") ?? Get(v, "start"), out var t) ? t : (TimeSpan?)null)
            .ToList();
        if (times.Count == 0 || times.Any(t => t is null))
        {
            return null;
        }

        var readings = new List<TimeReading>();
        foreach (var value in ValuesOf(dateResult))
        {
            if (!TryParseDate(Get(value, "value"), out var date))
            {
                return null;
            }

            var period = RepeatPeriodOf(Get(value, "timex"));
            readings.AddRange(times.Select(t => TimeReading.AtLocal(date + t!.Value, period)));
        }

        return readings.Count > 0 ? readings : null;
    }

    private static DateTimeOffset? EarliestFuture(List<TimeReading> readings, UserClock clock)
    {
        var future = readings.SelectMany(r => clock.ToInstants(r)).Where(i => i > clock.UtcNow).ToList();
        if (future.Count == 0)
        {
            // "Monday" said on Monday evening, "6pm" at 8pm: the next occurrence.
            future = readings
                .Where(r => r.RepeatPeriod is not null)
                .SelectMany(r => clock.ToInstants(r.Next()))
                .Where(i => i > clock.UtcNow)
                .ToList();
        }

        return future.Count == 0 ? null : new DateTimeOffset(future.Min().UtcDateTime, TimeSpan.Zero);
    }

    private static TimeReading AfterDuration(TimeSpan duration, UserClock clock)
    {
        // Whole days move the wall clock ("in a week" keeps the time of day across a DST change); shorter ones
        // count real time.
        return duration.Ticks % TimeSpan.TicksPerDay == 0
            ? TimeReading.AtLocal(clock.LocalNow + duration, null)
            : TimeReading.AtInstant(clock.UtcNow + duration);
    }

    // "next week" / "same time next week" is a week from today; other ranges start on their first day.
    private static DateTime DayInRange(string? timex, DateTime first, DateTime end, UserClock clock)
    {
        var weekLater = clock.LocalNow.Date.AddDays(7);
        if (timex is not null && WeekTimex().IsMatch(timex) && weekLater >= first && weekLater < end)
        {
            return weekLater;
        }

        return first;
    }

    // A weekday ("Friday", timex XXXX-WXX-5) comes round weekly, a day of the year ("25 December") yearly.
    private static RepeatPeriod? RepeatPeriodOf(string? timex)
    {
        if (timex is null || !timex.StartsWith("XXXX", StringComparison.Ordinal))
        {
            return null;
        }

        return timex.StartsWith("XXXX-WXX", StringComparison.Ordinal) ? RepeatPeriod.Weekly : RepeatPeriod.Yearly;
    }

    private static IEnumerable<IDictionary<string, string>> ValuesOf(ModelResult result) =>
        result.Resolution is not null && result.Resolution.TryGetValue("values", out var raw) && raw is System.Collections.IEnumerable list
            ? list.OfType<IDictionary<string, string>>()
            : [];

    private static string? Get(IDictionary<string, string> value, string key) =>
        value.TryGetValue(key, out var text) ? text : null;

    private static bool TryParseDateTime(string? text, out DateTime value) =>
        DateTime.TryParseExact(text, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out value);

    private static bool TryParseDate(string? text, out DateTime value) =>
        DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out value);

    private static bool TryParseTime(string? text, out TimeSpan value) =>
        TimeSpan.TryParseExact(text, @"hh\:mm\:ss", CultureInfo.InvariantCulture, out value);

    [GeneratedRegex(@"\b(?:sat|sun)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ShortWeekendDay();

    [GeneratedRegex(@"^\d{4}-W\d{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex WeekTimex();
}
