using System.Globalization;
using StretchBot.Dialogs.Engine.Recognition;
using StretchBot.Dialogs.Understanding.Text;

namespace StretchBot.Dialogs.Understanding.Readers;

/// <summary>
/// A future moment for a check-in, in the user's own time zone: "next Monday at 6pm", "tomorrow 8am", "in a
/// week". A part of a day without a clock time ("Friday evening": 6 pm, "tomorrow morning": 9 am) and a "next
/// Wednesday" said early in the week (this week's or next week's?) are confirmed with the exact time.
/// </summary>
public sealed partial class FutureTimeReader
{
    private static readonly (string[] Words, int Hour)[] PartsOfDay =
    [
        (["morning", "am"], 9), (["lunchtime", "lunch", "midday", "noon"], 12), (["afternoon"], 14),
        (["teatime"], 17), (["evening", "evenings", "after work", "pm"], 18), (["night", "tonight"], 20),
        (["bedtime"], 21), (["before work"], 8),
    ];

    private static readonly string[] Weekdays = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];

    private readonly TimeProvider _time;

    public FutureTimeReader(TimeProvider time)
    {
        _time = time ?? throw new ArgumentNullException(nameof(time));
    }

    /// <summary>A button offered with the question: its instant, and the words that pick it ("same time next week").</summary>
    public sealed record Button(DateTimeOffset Instant, IReadOnlyList<string> Words);

    public Reading<DateTimeOffset> Read(string? text, TimeZoneInfo zone, string? culture, IReadOnlyList<Button>? buttons = null)
    {
        var now = _time.GetUtcNow();
        var prepared = Prepare(text);
        if (ButtonNamed(prepared, buttons) is { } button && !HasClockTime(Utterance.Parse(prepared)))
        {
            return Reading<DateTimeOffset>.Understood(button);
        }

        if (SameTimeNextWeekAt(prepared, now, zone, culture) is { } sameDayLater)
        {
            return Reading<DateTimeOffset>.Understood(sameDayLater);
        }

        var found = DateTimeRecognition.RecognizeFuture(prepared, now, zone, culture);
        if (found is not { } instant)
        {
            return Reading<DateTimeOffset>.NotUnderstood();
        }

        var utterance = Utterance.Parse(prepared);
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        if (BareHour(prepared) is { } hour12 && PartOfDay(utterance) is null)
        {
            // "at 6": people mean the evening for 1 to 7 o'clock; confirm the hour either way.
            var clock = hour12 <= 7 ? hour12 + 12 : hour12;
            var atHour = ToUtc(local.Date.AddHours(clock), zone);
            return atHour > now ? Reading<DateTimeOffset>.Confirm(atHour, $"Shall I check in on {Describe(atHour, zone)}?") : Reading<DateTimeOffset>.NotUnderstood();
        }

        if (!HasClockTime(utterance) && PartOfDay(utterance) is { } hour)
        {
            var at = ToUtc(local.Date.AddHours(hour), zone);
            if (at <= now)
            {
                return Reading<DateTimeOffset>.NotUnderstood();
            }

            return Reading<DateTimeOffset>.Confirm(at, $"Shall I check in on {Describe(at, zone)}?");
        }

        if (NextWeekdayLaterThisWeek(utterance, TimeZoneInfo.ConvertTime(now, zone).DateTime) is { } thisWeek)
        {
            var sooner = instant.AddDays(-7);
            var soonerReading = sooner > now ? Reading<DateTimeOffset>.Confirm(sooner, $"Then {Describe(sooner, zone)}?") : Reading<DateTimeOffset>.NotUnderstood();
            return Reading<DateTimeOffset>.Ask($"Just to check: do you mean {Describe(instant, zone)}, rather than this {thisWeek}?", Reading<DateTimeOffset>.Understood(instant), soonerReading);
        }

        return Reading<DateTimeOffset>.Understood(instant);
    }

    // "wk", "tmrw", "sat": as the recognizer reads them.
    private static string Prepare(string? text)
    {
        var lower = (text ?? string.Empty).ToLowerInvariant();
        return Short().Replace(lower, m => m.Value switch
        {
            "wk" => "week", "tmrw" or "tmr" or "tmoz" or "tomoz" or "2moro" or "2morrow" => "tomorrow", "mon" => "monday",
            "tue" or "tues" => "tuesday", "wed" or "weds" => "wednesday", "thu" or "thur" or "thurs" => "thursday",
            "fri" => "friday", "sat" => "saturday", "sun" => "sunday", "eve" => "evening", "arvo" => "afternoon",
            _ => m.Value,
        });
    }

    private static DateTimeOffset? ButtonNamed(string text, IReadOnlyList<Button>? buttons)
    {
        if (buttons is null || buttons.Count == 0)
        {
            return null;
        }

        var words = new OptionWords<int>();
        for (var i = 0; i < buttons.Count; i++)
        {
            words.Add(i, buttons[i].Words);
        }

        var said = words.Find(words.Parse(text)).Said;
        return said.Count == 1 ? buttons[said[0]].Instant : null;
    }

    // "same time next week but 5pm": a week from today at the time said.
    private static DateTimeOffset? SameTimeNextWeekAt(string text, DateTimeOffset now, TimeZoneInfo zone, string? culture)
    {
        if (!text.Contains("next week", StringComparison.Ordinal) || !HasClockTime(Utterance.Parse(text)))
        {
            return null;
        }

        var time = DateTimeRecognition.RecognizeFuture(ClockOnly().Match(text).Value, now, zone, culture);
        if (time is null)
        {
            return null;
        }

        var local = TimeZoneInfo.ConvertTime(time.Value, zone);
        var day = TimeZoneInfo.ConvertTime(now, zone).Date.AddDays(7);
        return ToUtc(day + local.TimeOfDay, zone);
    }

    // "at 6", "6 o'clock" without am or pm.
    private static int? BareHour(string text)
    {
        var match = BareHourPattern().Match(text);
        return match.Success && int.TryParse(match.Groups["h"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var hour) && hour is >= 1 and <= 11 ? hour : null;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(wk|tmrw|tmr|tmoz|tomoz|2moro|2morrow|mon|tue|tues|wed|weds|thu|thur|thurs|fri|sat|sun|eve|arvo)\b")]
    private static partial System.Text.RegularExpressions.Regex Short();

    [System.Text.RegularExpressions.GeneratedRegex(@"\d{1,2}(?::\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)|\d{1,2}:\d{2}|noon|midday")]
    private static partial System.Text.RegularExpressions.Regex ClockOnly();

    [System.Text.RegularExpressions.GeneratedRegex(@"(?:\bat\s+|\baround\s+|\babout\s+)(?<h>\d{1,2})(?:\s*(?:o\s*clock|oclock))?(?!\s*(?::|am|pm|a\.m|p\.m|\d|th|st|nd|rd|\s*(?:days|weeks|hours|mins|minutes)))\b")]
    private static partial System.Text.RegularExpressions.Regex BareHourPattern();

    private static string Describe(DateTimeOffset utc, TimeZoneInfo zone)
        => TimeZoneInfo.ConvertTime(utc, zone).ToString("dddd d MMMM 'at' h:mm tt", CultureInfo.GetCultureInfo("en-GB"));

    private static DateTimeOffset ToUtc(DateTime local, TimeZoneInfo zone)
        => new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();

    private static bool HasClockTime(Utterance utterance)
        => utterance.Words.Any(w => w.Form.Any(char.IsDigit) || w.Form is "oclock" or "noon" or "midday" or "half" or "quarter")
            || System.Text.RegularExpressions.Regex.IsMatch(utterance.Text, @"\d\s*(am|pm|:)", System.Text.RegularExpressions.RegexOptions.IgnoreCase);

    private static int? PartOfDay(Utterance utterance)
    {
        var normalized = " " + utterance.Normalized + " ";
        foreach (var (words, hour) in PartsOfDay)
        {
            if (words.Any(w => normalized.Contains($" {w} ", StringComparison.Ordinal)))
            {
                return hour;
            }
        }

        return null;
    }

    // "next Wednesday" said on a Tuesday: the recognizer reads next week's, but tomorrow is also "next Wednesday" to many.
    private static string? NextWeekdayLaterThisWeek(Utterance utterance, DateTime localNow)
    {
        for (var i = 0; i + 1 < utterance.Count; i++)
        {
            var day = Array.IndexOf(Weekdays, utterance[i + 1].Form);
            if (utterance[i].Form == "next" && day >= 0)
            {
                var daysAhead = ((day - (int)localNow.DayOfWeek) + 7) % 7;
                var weekdayIndex = ((int)localNow.DayOfWeek + 6) % 7; // Monday = 0
                return daysAhead > 0 && weekdayIndex + daysAhead <= 6 ? CultureInfo.GetCultureInfo("en-GB").TextInfo.ToTitleCase(Weekdays[day]) : null;
            }
        }

        return null;
    }
}
