using System.Globalization;

namespace StretchBot.Dialogs.Plans;

/// <summary>Says a check-in time in the user's own time zone ("Monday 30 November at 6:00 pm").</summary>
public static class CheckInTimes
{
    public static string Describe(DateTimeOffset utc, string? capturedTimeZone)
    {
        var zone = UserTimeZone.Resolve(capturedTimeZone);
        var local = TimeZoneInfo.ConvertTime(utc, zone);
        var text = local.ToString("dddd d MMMM 'at' h:mm tt", CultureInfo.GetCultureInfo("en-GB"));
        return capturedTimeZone is null ? $"{text} (UTC)" : $"{text}, your time";
    }

    /// <summary>A short label for a button: "Tue 1 Dec, 2:00 pm".</summary>
    public static string Short(DateTimeOffset utc, string? capturedTimeZone)
    {
        var local = TimeZoneInfo.ConvertTime(utc, UserTimeZone.Resolve(capturedTimeZone));
        return local.ToString("ddd d MMM, h:mm tt", CultureInfo.GetCultureInfo("en-GB"));
    }

    /// <summary>The words that pick the default check-in button: its label, and what people type for "that one".</summary>
    public static IReadOnlyList<string> DefaultButtonWords(string label) =>
    [
        label, "same time next week", "next week same time", "same time", "next week", "default", "the default", "in a week",
        "a week", "in 1 week", "one week", "thats fine", "that is fine", "ok", "okay", "the button", "button", "that one",
        "that", "sounds good", "yes", "yep", "yeah", "sure", "fine", "perfect", "great", "that works", "works for me",
        "go with that", "the suggested time", "suggested", "the first one", "same day next week", "a week today",
        "week today", "this time next week", "1 week",
    ];

    /// <summary>The default check-in button: "Same time next week" for the usual week, else "In 2 days", "In 1 minute"...</summary>
    public static string DefaultLabel(TimeSpan interval)
    {
        if (interval == TimeSpan.FromDays(7))
        {
            return "Same time next week";
        }

        static string Plural(double n, string unit) => n == 1 ? $"In 1 {unit}" : $"In {n.ToString(CultureInfo.InvariantCulture)} {unit}s";
        return interval.TotalDays >= 1 && interval.TotalDays == Math.Floor(interval.TotalDays) ? Plural(interval.TotalDays, "day")
            : interval.TotalHours >= 1 && interval.TotalHours == Math.Floor(interval.TotalHours) ? Plural(interval.TotalHours, "hour")
            : Plural(Math.Max(1, Math.Round(interval.TotalMinutes)), "minute");
    }
}
