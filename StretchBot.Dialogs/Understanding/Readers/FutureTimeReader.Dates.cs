namespace StretchBot.Dialogs.Understanding.Readers;

/// <summary>Dates typed as numbers, where day and month can swap ("12/2": 12 February, or 2 December?).</summary>
public sealed partial class FutureTimeReader
{
    // "12/2 7pm": both orders are dates, so ask about the nearer first (a check-in is usually days away, not months);
    // a no offers the other. "25/12" or "3/3" has one reading and is left to the recognizer.
    private static Reading<DateTimeOffset>? EitherWayRound(string text, DateTime localNow, TimeSpan timeOfDay, TimeZoneInfo zone)
    {
        var match = NumericDate().Match(text);
        if (!match.Success || !int.TryParse(match.Groups["a"].Value, out var a) || !int.TryParse(match.Groups["b"].Value, out var b) || a == b || a > 12 || b > 12)
        {
            return null;
        }

        var dates = new[] { Next(localNow, a, b, timeOfDay), Next(localNow, b, a, timeOfDay) }.Order().Select(d => ToUtc(d, zone)).ToList();
        return Reading<DateTimeOffset>.Ask(
            $"Just to check: do you mean {Describe(dates[0], zone)}?",
            Reading<DateTimeOffset>.Understood(dates[0]),
            Reading<DateTimeOffset>.Confirm(dates[1], $"Then {Describe(dates[1], zone)}?"));
    }

    // The next time this day of this month comes round, at the time given.
    private static DateTime Next(DateTime localNow, int day, int month, TimeSpan timeOfDay)
    {
        var date = new DateTime(localNow.Year, month, day, 0, 0, 0, DateTimeKind.Unspecified) + timeOfDay;
        return date > localNow ? date : date.AddYears(1);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<![\d/])(?<a>\d{1,2})/(?<b>\d{1,2})(?![\d/])")]
    private static partial System.Text.RegularExpressions.Regex NumericDate();
}
