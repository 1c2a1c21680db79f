using System.Globalization;
using StretchBot.Domain.Triage;
using StretchBot.Dialogs.Engine.Recognition;
using StretchBot.Dialogs.Understanding.Text;

namespace StretchBot.Dialogs.Understanding.Readers;

/// <summary>
/// "How old are you?" An age in years ("47", "I'm forty-seven"), a decade ("mid forties", "early 50s"), a birth
/// year ("born in 1975") or a band's words. When the answer could fall in two bands ("early 50s", "born in
/// 1975", "retired") the bot asks the one question that settles it ("Are you 51 or older?").
/// </summary>
public sealed partial class AgeReader
{
    private static readonly (string[] Words, int From, int To)[] Decades =
    [
        (["teens", "teen", "teenager", "teenage"], 13, 19), (["twenties", "20s"], 20, 29), (["thirties", "30s"], 30, 39),
        (["forties", "40s"], 40, 49), (["fifties", "50s"], 50, 59), (["sixties", "60s"], 60, 69),
        (["seventies", "70s"], 70, 79), (["eighties", "80s"], 80, 89), (["nineties", "90s"], 90, 99),
    ];

    private static readonly OptionWords<AgeBand> Words = new OptionWords<AgeBand>()
        .Add(AgeBand.Under20, "under 20", "under twenty", "teenager", "teen", "a teen", "still at school", "at school", "sixth form", "kid", "child")
        .Add(AgeBand.From20To50, "20 to 50", "20 50", "between 20 and 50", "twenty to fifty")
        .Add(AgeBand.From51To65, "51 to 65", "51 65", "between 51 and 65")
        .Add(AgeBand.Over65, "over 65", "over sixty five", "older than 65", "pensioner", "oap", "elderly", "senior citizen", "in my eighties", "in my nineties")
        .AddVague(AgeBand.Over65, "retired", "getting on", "old age pensioner");

    private readonly TimeProvider _time;

    public AgeReader(TimeProvider time)
    {
        _time = time ?? throw new ArgumentNullException(nameof(time));
    }

    public static OptionWords<AgeBand> Vocabulary => Words;

    public Reading<AgeBand> Read(string? text)
    {
        var utterance = Words.Parse(text);
        if (utterance.IsEmpty)
        {
            return Reading<AgeBand>.NotUnderstood();
        }

        if (Positions.Read(utterance, 4) is [var only])
        {
            return Reading<AgeBand>.Understood((AgeBand)(only - 1));
        }

        var said = Words.Find(utterance);
        if (said.Said.Count == 1 && !said.AnyUnsure(said.Said[0]))
        {
            return Reading<AgeBand>.Understood(said.Said[0]); // "under 20", "over 65", "51 to 65"
        }

        var range = BornInDecade(utterance) ?? DecadeRange(utterance) ?? BirthYearRange(utterance) ?? Comparative(utterance) ?? YearsRange(utterance);
        if (range is { } years)
        {
            return ForRange(years.From, years.To);
        }

        return said.Said.Count == 1 ? AskOver65() : Reading<AgeBand>.NotUnderstood();
    }

    // An age somewhere from..to: one band is understood; two neighbouring bands are settled with one question.
    private static Reading<AgeBand> ForRange(int from, int to)
    {
        var low = BandOf(from);
        var high = BandOf(to);
        if (low == high)
        {
            return Reading<AgeBand>.Understood(low);
        }

        if (high - low > 1)
        {
            return Reading<AgeBand>.NotUnderstood();
        }

        var question = high switch
        {
            AgeBand.From20To50 => "Are you 20 or older?",
            AgeBand.From51To65 => "Are you 51 or older?",
            _ => "Are you over 65?",
        };
        return Reading<AgeBand>.Ask(question, Reading<AgeBand>.Understood(high), Reading<AgeBand>.Understood(low));
    }

    private static Reading<AgeBand> AskOver65()
        => Reading<AgeBand>.Ask("Are you over 65?", Reading<AgeBand>.Understood(AgeBand.Over65), Reading<AgeBand>.NotUnderstood());

    private static AgeBand BandOf(int age) => age switch
    {
        < 20 => AgeBand.Under20,
        <= 50 => AgeBand.From20To50,
        <= 65 => AgeBand.From51To65,
        _ => AgeBand.Over65,
    };

    // "mid forties", "early 50s", "in my sixties", "late 30s"
    private static (int From, int To)? DecadeRange(Utterance utterance)
    {
        for (var i = 0; i < utterance.Count; i++)
        {
            var decade = Decades.FirstOrDefault(d => d.Words.Contains(utterance[i].Form));
            if (decade.Words is null)
            {
                continue;
            }

            var part = i > 0 ? utterance[i - 1].Form : string.Empty;
            return part switch
            {
                "early" => (decade.From, decade.From + 3),
                "mid" or "middle" => (decade.From + 3, decade.From + 6),
                "late" => (decade.From + 6, decade.To),
                _ => (decade.From, decade.To),
            };
        }

        return null;
    }

    // "born in 1975", "1975": this year's birthday may or may not have passed.
    private (int From, int To)? BirthYearRange(Utterance utterance)
    {
        var year = _time.GetUtcNow().Year;
        foreach (var word in utterance.Words)
        {
            if (word.Form.Length == 4 && int.TryParse(word.Form, NumberStyles.None, CultureInfo.InvariantCulture, out var born) && born > year - 110 && born <= year)
            {
                return (year - born - 1, year - born);
            }
        }

        return null;
    }

    // "47", "I'm forty-seven", "fiftyone", "nearly 51", "20 next month" (19 now); two different ages ("47, nearly 48") give a range; a denied
    // number ("not 20, I'm 70") is left out.
    private static (int From, int To)? YearsRange(Utterance utterance)
    {
        var text = Compound().Replace(utterance.Normalized.Replace("fourty", "forty", StringComparison.Ordinal), "$1 $2");
        var ages = new List<int>();
        foreach (var result in RecognizerModels.ParseNumbers(text))
        {
            var before = text[..result.Start].TrimEnd();
            var after = text[(result.End + 1)..].TrimStart();
            if (!RecognizerModels.TryGetValue(result, out var value) || value < 1 || value > 120 || value != Math.Floor(value) || before.EndsWith(" not", StringComparison.Ordinal) || before == "not"
                || NotAnAge().IsMatch(after))
            {
                continue;
            }

            var nearly = before.EndsWith("nearly", StringComparison.Ordinal) || before.EndsWith("almost", StringComparison.Ordinal) || Turning().IsMatch(before) || Soon().IsMatch(after);
            ages.Add(nearly ? (int)value - 1 : (int)value);
        }

        return ages.Count == 0 ? null : (ages.Min(), ages.Max());
    }

    // "over 50", "above 60", "under 40", "65+": somewhere past the number.
    private static (int From, int To)? Comparative(Utterance utterance)
    {
        var match = Comparison().Match(utterance.Text.ToLowerInvariant());
        if (!match.Success || !int.TryParse(match.Groups["n"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            return null;
        }

        return match.Groups["under"].Success ? (Math.Max(1, n - 10), n - 1) : (n + 1, n + 20);
    }

    // "born in the 80s": ages from the decade's last year to its first.
    private (int From, int To)? BornInDecade(Utterance utterance)
    {
        if (!utterance.Words.Any(w => w.Form is "born"))
        {
            return null;
        }

        var decade = Decades.FirstOrDefault(d => utterance.Words.Any(w => d.Words.Contains(w.Form)));
        if (decade.Words is null)
        {
            return null;
        }

        var year = _time.GetUtcNow().Year;
        var century = decade.From + 1900 + (decade.From + 1900 > year ? -100 : 0);
        return (year - century - 10, year - century);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^(?:weeks?|days?|months?|kids|children|times|kg|stone|pounds|lbs|hours?|minutes?|out of)\b", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex NotAnAge();

    // An age still to come: "turning 20", "I'll be 20", "20 next month", "20 in a few weeks", "20 on my next birthday".
    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:turning|ill be|i will be|going to be|gonna be)$", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex Turning();

    [System.Text.RegularExpressions.GeneratedRegex(@"^(?:next\s+(?:week|month|birthday)|soon|in\s+(?:a|a few|\w+)\s+(?:days?|weeks?|months?)|on\s+my\s+(?:next\s+)?birthday)\b", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex Soon();

    [System.Text.RegularExpressions.GeneratedRegex(@"(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(one|two|three|four|five|six|seven|eight|nine)\b", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex Compound();

    [System.Text.RegularExpressions.GeneratedRegex(@"(?:(?<over>over|above|more than|older than)\s+(?<n>\d{1,3})|(?<under>under|below|less than|younger than)\s+(?<n>\d{1,3})|(?<n>\d{1,3})\s*\+)", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex Comparison();
}
