using System.Globalization;
using StretchBot.Domain;
using StretchBot.Domain.Triage;
using StretchBot.Dialogs.Engine.Recognition;
using StretchBot.Dialogs.Understanding.Text;

namespace StretchBot.Dialogs.Understanding.Readers;

/// <summary>
/// "How long have you had this back pain?" Durations and dates through Microsoft.Recognizers.Text ("2 weeks",
/// "a fortnight", "about a month", "since Monday", "since 2019", "since Christmas"), counted back from the user's own
/// local now, and everyday words ("a few days", "years", "ages"). A length close to a band's edge (within a week
/// of 6 or 12 weeks, such as "3 months"), or two answers in different bands, is confirmed.
/// </summary>
public sealed partial class DurationReader
{
    private static readonly TimeSpan Six = TimeSpan.FromDays(42);
    private static readonly TimeSpan Twelve = TimeSpan.FromDays(84);
    private static readonly TimeSpan Week = TimeSpan.FromDays(7);

    private static readonly OptionWords<PainDuration> Words = new OptionWords<PainDuration>()
        .Add(PainDuration.UnderSixWeeks,
            "a few days", "few days", "days", "a couple of days", "couple of days", "a day or two", "yesterday", "today",
            "this morning", "last night", "this week", "last week", "recently", "just started", "only just", "new",
            "brand new", "a week", "a few weeks", "few weeks", "couple of weeks", "a couple of weeks", "not long",
            "not very long", "since the weekend", "over the weekend", "a short while", "less than 6 weeks",
            "under 6 weeks", "under six weeks", "less than six weeks", "weekend", "just now", "since yesterday",
            "{1st|2nd|3rd|4th|5th|first|second|third|fourth|fifth} week", "this week", "a week or two")
        .Add(PainDuration.SixToTwelveWeeks,
            "6 to 12 weeks", "six to twelve weeks", "6 12 weeks", "between 6 and 12 weeks", "a couple of months",
            "couple of months", "two months", "2 months", "a month or two", "month or two", "about two months")
        .Add(PainDuration.OverTwelveWeeks,
            "years", "for years", "ages", "for ages", "forever", "as long as i can remember", "long time", "a long time",
            "chronic", "decades", "since i was a kid", "since i was a child", "since i was a teenager", "since childhood",
            "since my teens", "since i was young", "on and off for years", "most of my life", "all my life",
            "more than 12 weeks", "over 12 weeks", "over twelve weeks", "more than twelve weeks", "over 3 months",
            "more than 3 months", "many months", "several months", "months and months", "long term", "longterm",
            "a year", "a few years", "several years", "over a year", "more than a year", "since pregnancy",
            "since my pregnancy", "since i had my baby", "since my operation", "since surgery", "more than 12",
            "over 12", "12 plus", "more than twelve", "longer than 12 weeks", "over three months", "more than three months")
        .Add(PainDuration.UnderSixWeeks, "less than 6", "under 6", "less then 6", "less than six", "under six", "not 6 weeks yet",
            "not been 6 weeks", "not six weeks yet", "less than 6 wks", "nearly 6 weeks")
        .Add(PainDuration.SixToTwelveWeeks, "6 to 12", "six to twelve", "6 12", "6 to 12 wks", "between 6 and 12",
            "more than 6 less than 12", "more than 6 but less than 12", "over 6 under 12", "between six and twelve");

    private readonly TimeProvider _time;

    public DurationReader(TimeProvider time)
    {
        _time = time ?? throw new ArgumentNullException(nameof(time));
    }

    public static OptionWords<PainDuration> Vocabulary => Words;

    /// <summary>Reads <paramref name="text"/> in <paramref name="zone"/> (the user's time zone) for dates such as "since Monday".</summary>
    public Reading<PainDuration> Read(string? text, TimeZoneInfo zone, string? culture = null)
    {
        var utterance = Words.Parse(text);
        if (utterance.IsEmpty)
        {
            return Reading<PainDuration>.NotUnderstood();
        }

        if (Positions.Read(utterance, 3) is [var only])
        {
            return Reading<PainDuration>.Understood((PainDuration)(only - 1));
        }

        var said = Words.Find(Words.Parse(Prepare(text!))).Said;
        text = Prepare(text!);
        var lengths = said.Count > 0 && ButtonWords(text!) ? [] : Lengths(Prepare(text!), zone, culture);
        var hedged = Enumerable.Range(0, utterance.Count).Any(i => Scope.IsHedged(utterance, i, i + 1));
        var bands = (lengths.Count > 0 ? lengths.Select(BandOf) : said).Distinct().ToList();
        if (bands.Count == 0)
        {
            return Reading<PainDuration>.NotUnderstood();
        }

        var band = bands.Min(); // two different answers: this episode is likely the shorter one; confirm it
        var nearEdge = lengths.Any(l => (l - Six).Duration() < Week || (l - Twelve).Duration() < Week) && !lengths.Any(IsExactEdge);
        return bands.Count > 1 || nearEdge || (hedged && lengths.Count == 0 && bands.Count == 1 && band == PainDuration.SixToTwelveWeeks)
            ? Reading<PainDuration>.Confirm(band, $"Just to check: have you had it for {DomainLabels.Label(band).ToLowerInvariant()}?")
            : Reading<PainDuration>.Understood(band);
    }

    // "<6 weeks", "12+ weeks", "10 wks", "2 yrs", "3wks": written as the recognizer reads them.
    private static string Prepare(string text)
    {
        var prepared = text.ToLowerInvariant().Replace("<", " less than ", StringComparison.Ordinal).Replace(">", " more than ", StringComparison.Ordinal)
            .Replace("less then", "less than", StringComparison.Ordinal).Replace("more then", "more than", StringComparison.Ordinal);
        prepared = PlusAfterNumber().Replace(prepared, "$1 plus ");
        prepared = JoinedUnit().Replace(prepared, "$1 $2");
        return Abbreviation().Replace(prepared, m => m.Value switch
        {
            "wk" => "week", "wks" => "weeks", "yr" => "year", "yrs" => "years", "mth" or "mnth" => "month",
            "mths" or "mnths" or "mos" => "months", "hrs" => "hours", _ => m.Value,
        });
    }

    // The answer repeats a button's own words ("more than 12", "6 to 12 weeks"): read them as the button.
    private static bool ButtonWords(string text)
    {
        var lower = text.ToLowerInvariant();
        return lower.Contains("than", StringComparison.Ordinal) || lower.Contains(" to ", StringComparison.Ordinal)
            || lower.Contains('<') || lower.Contains('>') || lower.Contains('+') || lower.Contains("over", StringComparison.Ordinal)
            || lower.Contains("under", StringComparison.Ordinal) || lower.Contains("nearly", StringComparison.Ordinal)
            || lower.Contains("not", StringComparison.Ordinal) || lower.Contains("between", StringComparison.Ordinal);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"(\d)\s*\+")]
    private static partial System.Text.RegularExpressions.Regex PlusAfterNumber();

    [System.Text.RegularExpressions.GeneratedRegex(@"(\d)(wks?|weeks?|yrs?|years?|months?|mths?|days?)\b")]
    private static partial System.Text.RegularExpressions.Regex JoinedUnit();

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(wks?|yrs?|mths?|mnths?|mos|hrs)\b")]
    private static partial System.Text.RegularExpressions.Regex Abbreviation();

    private static PainDuration BandOf(TimeSpan length)
        => length < Six ? PainDuration.UnderSixWeeks : length <= Twelve ? PainDuration.SixToTwelveWeeks : PainDuration.OverTwelveWeeks;

    // "6 weeks" and "12 weeks" are said exactly: the answer is the band's own edge, nothing to confirm.
    private static bool IsExactEdge(TimeSpan length) => length == Six || length == Twelve;

    // How long ago each recognised duration or "since" date is, from the user's local now.
    private List<TimeSpan> Lengths(string text, TimeZoneInfo zone, string? culture)
    {
        var localNow = TimeZoneInfo.ConvertTime(_time.GetUtcNow(), zone).DateTime;
        var lengths = new List<TimeSpan>();
        var results = RecognizerModels.ParseDateTimes(text, localNow, culture ?? "en-GB");
        var hasDuration = results.Any(r => r.TypeName == "datetimeV2.duration");
        foreach (var result in results.Where(r => !hasDuration || r.TypeName == "datetimeV2.duration"))
        {
            // "6 months on Friday": the duration says how long; the date is when that will be.
            var length = LengthOf(result, localNow);
            if (length is { } found && found > TimeSpan.Zero && found < TimeSpan.FromDays(365 * 100))
            {
                lengths.Add(found);
            }
        }

        lengths.AddRange(Occasions(text, localNow));
        return lengths.Distinct().ToList();
    }

    // British occasions the recognizer does not know: "since bonfire night", "since half term".
    private static IEnumerable<TimeSpan> Occasions(string text, DateTime localNow)
    {
        foreach (var (words, month, day) in new[] { ("bonfire night", 11, 5), ("guy fawkes", 11, 5), ("half term", 10, 27), ("halloween", 10, 31), ("the summer holidays", 8, 1), ("summer holidays", 8, 1), ("new year", 1, 1), ("easter", 4, 1) })
        {
            if (text.Contains(words, StringComparison.Ordinal))
            {
                var date = new DateTime(localNow.Year, month, day, 0, 0, 0, DateTimeKind.Unspecified);
                yield return localNow.Date - (date > localNow ? date.AddYears(-1) : date);
            }
        }
    }

    private static TimeSpan? LengthOf(Microsoft.Recognizers.Text.ModelResult result, DateTime localNow)
    {
        foreach (var value in Values(result))
        {
            value.TryGetValue("type", out var type);
            value.TryGetValue("timex", out var timex);
            switch (type)
            {
                case "duration" when double.TryParse(Get(value, "value"), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds):
                    return TimeSpan.FromSeconds(seconds);
                case "daterange" or "datetimerange" or "date" or "datetime":
                    var start = Season(timex, localNow) ?? PastDate(Get(value, "start") ?? Get(value, "value"), localNow);
                    if (start is not null)
                    {
                        return localNow.Date - start.Value.Date;
                    }

                    break;
            }
        }

        return null;
    }

    // A recognised date that is not in the future ("since Monday" can resolve to either Monday).
    private static DateTime? PastDate(string? text, DateTime localNow)
        => DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) && date <= localNow ? date : null;

    // "since the summer": the middle of the most recent one.
    private static DateTime? Season(string? timex, DateTime localNow)
    {
        var month = timex switch { "SP" => 4, "SU" => 7, "FA" => 10, "WI" => 1, _ => 0 };
        if (month == 0)
        {
            return null;
        }

        var middle = new DateTime(localNow.Year, month, 15, 0, 0, 0, DateTimeKind.Unspecified);
        return middle > localNow ? middle.AddYears(-1) : middle;
    }

    private static IEnumerable<IDictionary<string, string>> Values(Microsoft.Recognizers.Text.ModelResult result)
        => result.Resolution is not null && result.Resolution.TryGetValue("values", out var raw) && raw is System.Collections.IEnumerable list
            ? list.OfType<IDictionary<string, string>>()
            : [];

    private static string? Get(IDictionary<string, string> value, string key) => value.TryGetValue(key, out var text) ? text : null;
}
