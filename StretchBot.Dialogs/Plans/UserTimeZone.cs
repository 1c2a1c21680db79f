using System.Globalization;
using Microsoft.Bot.Schema;
using StretchBot.Dialogs.Engine.Recognition;

namespace StretchBot.Dialogs.Plans;

/// <summary>
/// Remembers a user's time zone from an activity, so later proactive turns (which carry no local time) can
/// still state times in the user's own clock: the IANA id when the channel sends one, else the UTC offset.
/// </summary>
public static class UserTimeZone
{
    private const string OffsetPrefix = "offset:";

    public static string? Capture(Activity activity)
    {
        if (!string.IsNullOrWhiteSpace(activity.LocalTimezone))
        {
            return activity.LocalTimezone;
        }

        return activity.LocalTimestamp is { } local
            ? OffsetPrefix + ((int)local.Offset.TotalMinutes).ToString(CultureInfo.InvariantCulture)
            : null;
    }

    public static TimeZoneInfo Resolve(string? captured)
    {
        if (captured is not null && captured.StartsWith(OffsetPrefix, StringComparison.Ordinal)
            && int.TryParse(captured[OffsetPrefix.Length..], NumberStyles.Integer, CultureInfo.InvariantCulture, out var minutes))
        {
            var offset = TimeSpan.FromMinutes(minutes);
            return DateTimeRecognition.ResolveUserZone(null, new DateTimeOffset(2000, 1, 1, 0, 0, 0, offset));
        }

        return DateTimeRecognition.ResolveUserZone(captured, null);
    }
}
