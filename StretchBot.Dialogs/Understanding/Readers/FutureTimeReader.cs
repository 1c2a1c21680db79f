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
        if (Special(prepared, now, zone, culture, buttons) is { } special)
        {
            return special;
        }

        // "same time" names the button, unless another day is given: "in two weeks, same time".
        if (ButtonNamed(prepared, buttons) is { } button && !HasClockTime(Utterance.Parse(prepared))
            && (DateTimeRecognition.RecognizeFuture(prepared, now, zone, culture) is not { } other || other.Date == button.Date))
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
        if (BareTime(prepared) is { } bare && PartOfDay(utterance) is null)
        {
            // "at 6", "at 2:30": people mean the afternoon or evening for 1 to 7 o'clock; confirm the time either way.
            var clock = bare.Hour <= 7 ? bare.Hour + 12 : bare.Hour;
            var atHour = ToUtc(local.Date.AddHours(clock).AddMinutes(bare.Minute), zone);
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
        lower = Ish().Replace(lower, "$1");                       // "10ish"
        lower = DotTime().Replace(lower, "$1:$2");                // "9.30am"
        lower = TwentyFourHour().Replace(lower, "$1:$2");         // "1800"
        lower = HalfPast().Replace(lower, "at $1:30");             // "half 6" (British: half past six)
        lower = lower.Replace("a week tomorrow", "in 8 days", StringComparison.Ordinal).Replace("week tomorrow", "in 8 days", StringComparison.Ordinal);
        lower = Short().Replace(lower, m => m.Value switch
        {
            "wk" => "week", "tmrw" or "tmr" or "tmoz" or "tomoz" or "2moro" or "2morrow" => "tomorrow", "mon" => "monday",
            "tue" or "tues" => "tuesday", "wed" or "weds" => "wednesday", "thu" or "thur" or "thurs" => "thursday",
            "fri" => "friday", "sat" => "saturday", "sun" => "sunday", "eve" => "evening", "arvo" => "afternoon",
            _ => m.Value,
        });
        return PartThenHour().Replace(lower, "$1 at $2");          // "Saturday morning 10", "Sat 10ish"
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
        if (said.Count == 0 && buttons.Count == 1 && YesNo.Read(text) is { IsYes: true, Plain: true, IsClear: true })
        {
            return buttons[0].Instant; // "👍", "yup", "aye": yes to the one time offered
        }

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

    // "at 6", "6 o'clock", "at 2:30" without am or pm: hours and minutes.
    private static (int Hour, int Minute)? BareTime(string text)
    {
        var match = BareHourPattern().Match(text);
        if (!match.Success || !int.TryParse(match.Groups["h"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var hour) || hour is < 1 or > 11)
        {
            return null;
        }

        var minute = match.Groups["m"].Success ? int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture) : 0;
        return (hour, minute);
    }

    private static int? BareHour(string text) => BareTime(text)?.Hour;

    // Readings the recognizer does not give: "the 3rd at 7pm", "a week on Friday", a time alone ("7pm", which
    // means the suggested day at that time), "the weekend".
    private static Reading<DateTimeOffset>? Special(string text, DateTimeOffset now, TimeZoneInfo zone, string? culture, IReadOnlyList<Button>? buttons)
    {
        var localNow = TimeZoneInfo.ConvertTime(now, zone).DateTime;
        var clock = ClockOnly().Match(text);
        var time = clock.Success ? DateTimeRecognition.RecognizeFuture(clock.Value, now, zone, culture) : null;
        var bare = BareTime(text);
        var timeOfDay = time is { } t ? TimeZoneInfo.ConvertTime(t, zone).TimeOfDay
            : bare is { } b ? new TimeSpan(b.Hour <= 7 ? b.Hour + 12 : b.Hour, b.Minute, 0)
            : new TimeSpan(localNow.Hour, localNow.Minute, 0);

        if (EitherWayRound(text, localNow, timeOfDay, zone) is { } eitherWay)
        {
            return eitherWay;
        }

        var dayOfMonth = OrdinalDay().Match(text);
        if (dayOfMonth.Success && !MonthName().IsMatch(text) && int.TryParse(dayOfMonth.Groups["d"].Value, out var day) && day is >= 1 and <= 31)
        {
            var date = Enumerable.Range(0, 62).Select(i => localNow.Date.AddDays(i)).FirstOrDefault(d => d.Day == day && d + timeOfDay > localNow);
            if (date == default)
            {
                return null;
            }

            var at = ToUtc(date + timeOfDay, zone);
            return bare is null ? Reading<DateTimeOffset>.Understood(at) : Reading<DateTimeOffset>.Confirm(at, $"Shall I check in on {Describe(at, zone)}?");
        }

        var weekOn = WeekOnDay().Match(text);
        if (weekOn.Success)
        {
            var weekday = Array.IndexOf(Weekdays, weekOn.Groups["day"].Value);
            var ahead = ((weekday - (int)localNow.DayOfWeek) + 7) % 7;
            var at = ToUtc(localNow.Date.AddDays((ahead == 0 ? 7 : ahead) + 7) + new TimeSpan(localNow.Hour, localNow.Minute, 0), zone);
            return Reading<DateTimeOffset>.Confirm(at, $"Shall I check in on {Describe(at, zone)}?");
        }

        if (text.Contains("weekend", StringComparison.Ordinal) && !clock.Success)
        {
            var saturday = Enumerable.Range(1, 7).Select(i => localNow.Date.AddDays(i)).First(d => d.DayOfWeek == DayOfWeek.Saturday);
            var at = ToUtc(saturday + new TimeSpan(localNow.Hour, localNow.Minute, 0), zone);
            return Reading<DateTimeOffset>.Confirm(at, $"Shall I check in on {Describe(at, zone)}?");
        }

        if (time is not null && buttons is { Count: > 0 } && OnlyATime().IsMatch(text.Trim()))
        {
            var suggested = TimeZoneInfo.ConvertTime(buttons[0].Instant, zone).Date;
            var at = ToUtc(suggested + timeOfDay, zone);
            return Reading<DateTimeOffset>.Confirm(at, $"Shall I check in on {Describe(at, zone)}?");
        }

        return null;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\bhalf\s+(\d{1,2})\b")]
    private static partial System.Text.RegularExpressions.Regex HalfPast();

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:the\s+)?(?<d>\d{1,2})(?:st|nd|rd|th)\b")]
    private static partial System.Text.RegularExpressions.Regex OrdinalDay();

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b")]
    private static partial System.Text.RegularExpressions.Regex MonthName();

    [System.Text.RegularExpressions.GeneratedRegex(@"\ba week (?:on|from)\s+(?<day>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b")]
    private static partial System.Text.RegularExpressions.Regex WeekOnDay();

    [System.Text.RegularExpressions.GeneratedRegex(@"^(?:at\s+|around\s+|about\s+)?\d{1,2}(?::\d{2})?\s*(?:am|pm)$")]
    private static partial System.Text.RegularExpressions.Regex OnlyATime();

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(\d{1,2})ish\b")]
    private static partial System.Text.RegularExpressions.Regex Ish();

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(\d{1,2})\.(\d{2})(?=\s*(?:am|pm|$|\s))")]
    private static partial System.Text.RegularExpressions.Regex DotTime();

    [System.Text.RegularExpressions.GeneratedRegex(@"\b([01]\d|2[0-3])([0-5]\d)\b(?!\s*(?:days|weeks))")]
    private static partial System.Text.RegularExpressions.Regex TwentyFourHour();

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(wk|tmrw|tmr|tmoz|tomoz|2moro|2morrow|mon|tue|tues|wed|weds|thu|thur|thurs|fri|sat|sun|eve|arvo)\b")]
    private static partial System.Text.RegularExpressions.Regex Short();

    [System.Text.RegularExpressions.GeneratedRegex(@"\d{1,2}(?::\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)|\d{1,2}:\d{2}|noon|midday")]
    private static partial System.Text.RegularExpressions.Regex ClockOnly();

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(morning|afternoon|evening|night|lunchtime|monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow)\s+(1[0-2]|[1-9])\b(?!\s*(?:st|nd|rd|th|:|am|pm|\.|/|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))")]
    private static partial System.Text.RegularExpressions.Regex PartThenHour();

    [System.Text.RegularExpressions.GeneratedRegex(@"(?:\bat\s+|\baround\s+|\babout\s+)(?<h>\d{1,2})(?::(?<m>[0-5]\d))?(?:\s*(?:o\s*clock|oclock))?(?!\s*(?::|am\b|pm\b|a\.m|p\.m|\d|(?:th|st|nd|rd)\b|\s*(?:days|weeks|hours|mins|minutes)))\b")]
    private static partial System.Text.RegularExpressions.Regex BareHourPattern();

    private static string Describe(DateTimeOffset utc, TimeZoneInfo zone)
        => TimeZoneInfo.ConvertTime(utc, zone).ToString("dddd d MMMM 'at' h:mm tt", CultureInfo.GetCultureInfo("en-GB"));

    private static DateTimeOffset ToUtc(DateTime local, TimeZoneInfo zone)
        => new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();

    private static bool HasClockTime(Utterance utterance)
        => utterance.Words.Where((w, i) => i + 1 >= utterance.Count || utterance[i + 1].Form is not ("days" or "day" or "weeks" or "week"))
                .Any(w => w.Form.Any(char.IsDigit) || w.Form is "oclock" or "noon" or "midday" or "half" or "quarter")
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
