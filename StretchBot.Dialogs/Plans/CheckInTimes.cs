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
}
