using System.Collections.Frozen;
using System.Globalization;
using StretchBot.Dialogs.Engine.Recognition;
using StretchBot.Dialogs.Understanding.Text;

namespace StretchBot.Dialogs.Understanding.Readers;

/// <summary>
/// A pain score from 0 to 10: "7", "seven", "7/10", "about 7", "7ish". Two scores ("between 6 and 7", "8 or 9", "7,
/// 9 at night") take the higher and say so; a half ("7.5") is rounded up and said; words ("really bad", "agony",
/// "mild") are confirmed as a number; above the scale ("11") is confirmed as 10. Numbers that are not scores
/// ("2 weeks", "since 2019", the "10" of "out of 10") are left out.
/// </summary>
public sealed partial class PainReader
{
    private static readonly FrozenSet<string> Units = FrozenSet.ToFrozenSet(
    [
        "day", "days", "week", "weeks", "wk", "wks", "month", "months", "year", "years", "yr", "yrs", "hour", "hours", "hr",
        "hrs", "min", "mins", "minute", "minutes", "am", "pm", "kg", "kgs", "kilos", "lb", "lbs", "pounds", "stone", "times",
        "degrees", "c", "f", "percent", "pills", "tablets", "mg", "km", "miles", "k", "st", "nd", "rd", "th", "oclock",
        "kids", "children", "babies", "times", "x", "sessions", "reps", "people",
    ]);

    private static readonly OptionWords<int> Words = new OptionWords<int>()
        .Add(0, "no pain", "none", "zero", "nil", "pain free", "painfree", "nothing", "not at all", "no pain at all", "doesnt hurt", "gone")
        .AddVague(2, "barely", "hardly", "very mild", "slight", "slightly", "a tiny bit", "niggle", "niggly")
        .AddVague(3, "mild", "a little", "a bit", "not bad", "bit sore", "a bit sore", "uncomfortable", "achy", "aching", "dull ache", "low")
        .AddVague(5, "moderate", "medium", "middling", "so so", "average", "manageable", "okay ish", "in the middle", "halfway")
        .AddVague(8, "bad", "quite bad", "pretty bad", "really bad", "very bad", "severe", "awful", "terrible", "horrendous", "horrible", "really sore", "very sore", "high", "intense")
        .AddVague(9, "agony", "agonising", "agonizing", "excruciating", "unbearable", "killing me", "crippling", "crippled", "in tears", "screaming")
        .AddVague(10, "worst ever", "worst pain", "worst imaginable", "off the scale", "off the charts", "the worst", "worst pain ever", "maximum", "max");

    public static OptionWords<int> Vocabulary => Words;

    public Reading<int> Read(string? text)
    {
        var utterance = Words.Parse(text);
        if (utterance.IsEmpty || YesNo.IsQuestionBack(utterance))
        {
            return Reading<int>.NotUnderstood();
        }

        var scores = Scores(utterance.Text, out var forStates);
        if (scores.Count > 0)
        {
            return FromScores(scores);
        }

        if (forStates.Distinct().Count() > 1)
        {
            var higher = (int)Math.Ceiling(forStates.Max()); // "3 sitting, 8 when I move": which is now? Check the higher.
            return Reading<int>.Confirm(higher, $"Would you say about {higher} out of 10, the higher of the two?");
        }

        var said = Words.Find(utterance).Said;
        if (said.Count == 0)
        {
            return Reading<int>.NotUnderstood();
        }

        var worst = said.Max();
        var mentions = Words.Find(utterance);
        return mentions.AnyUnsure(worst)
            ? Reading<int>.Confirm(worst, $"Would you say about {worst} out of 10?")
            : Reading<int>.Understood(worst);
    }

    private static Reading<int> FromScores(List<double> scores)
    {
        if (scores is [< 0 and var converted])
        {
            var onOurs = (int)Math.Round(-converted, MidpointRounding.AwayFromZero);
            return Reading<int>.Confirm(onOurs, $"On a scale of 0 to 10, would that be about {onOurs}?");
        }

        var inRange = scores.Where(s => s is >= 0 and <= 10).ToList();
        if (inRange.Count == 0)
        {
            return scores.Any(s => s is > 10 and <= 20)
                ? Reading<int>.Confirm(10, "That's above the top of the scale. Shall I put 10, the worst you can imagine?")
                : Reading<int>.NotUnderstood();
        }

        var highest = inRange.Max();
        var score = (int)Math.Ceiling(highest);
        if (inRange.Distinct().Count() > 1)
        {
            return Reading<int>.Understood(score, $"I've noted {score}, the higher of the scores you gave.");
        }

        return highest == Math.Floor(highest)
            ? Reading<int>.Understood(score)
            : Reading<int>.Understood(score, $"I've rounded that up to {score}.");
    }

    // Every number in the reply that reads as a score: not a duration, a year or the scale's own "10"; scores said
    // for a state ("8 when I move") go to <paramref name="forStates"/> instead.
    private static List<double> Scores(string original, out List<double> forStates)
    {
        var scores = new List<double>();
        forStates = [];
        var text = PrepareForNumbers(original);
        var results = RecognizerModels.ParseNumbers(text).OrderBy(r => r.Start).ToList();
        var previousEnd = 0;
        foreach (var result in results)
        {
            if (!RecognizerModels.TryGetValue(result, out var value))
            {
                continue;
            }

            var after = text[(result.End + 1)..].TrimStart();
            var before = text[..result.Start].TrimEnd();
            var sinceLastNumber = text[Math.Min(previousEnd, result.Start)..result.Start].TrimEnd();
            previousEnd = result.End + 1;
            var isFraction = RecognizerModels.GetString(result, "subtype") == "fraction";
            if (!isFraction && value is >= 0 and <= 10 && IsCurrent(sinceLastNumber, after) && !FollowedByUnit(after) && !RangeFollows().IsMatch(after) && !LaterNow().IsMatch(after))
            {
                return [value]; // "it was 9 this morning, now about 5", "2 yesterday but 7 today", "pain 3"
            }

            if (isFraction)
            {
                // "7/10" is 7; "3/5" is another scale (confirmed as 6); "5/6" is two scores, the higher taken.
                if (OtherScale(result.Text) is { } converted)
                {
                    return [-converted];
                }

                value = FractionNumerator(result.Text) ?? SmallPair(result.Text) ?? -1;
            }
            else if (IsConditional(sinceLastNumber, after))
            {
                if (value is >= 0 and <= 10)
                {
                    forStates.Add(value);
                }

                continue; // "7 but 9 when I bend": 7 is the pain now
            }
            else if (FollowedByUnit(after) || IsScaleDenominator(before, value) || IsScaleEnd(before, after, value) || value >= 1000)
            {
                continue;
            }

            if (value >= 0)
            {
                scores.Add(value);
            }
        }

        return scores;
    }

    // Number words as people mistype them or say them in another language ("sevn", "fve", "tres", "sechs").
    private static readonly Dictionary<string, string> NumberWords = new(StringComparer.Ordinal)
    {
        ["zero"] = "0", ["one"] = "1", ["two"] = "2", ["three"] = "3", ["four"] = "4", ["five"] = "5", ["six"] = "6",
        ["seven"] = "7", ["eight"] = "8", ["nine"] = "9", ["ten"] = "10",
        ["cero"] = "0", ["uno"] = "1", ["dos"] = "2", ["tres"] = "3", ["cuatro"] = "4", ["cinco"] = "5", ["seis"] = "6",
        ["siete"] = "7", ["ocho"] = "8", ["nueve"] = "9", ["diez"] = "10", ["deux"] = "2", ["trois"] = "3", ["quatre"] = "4",
        ["cinq"] = "5", ["sept"] = "7", ["huit"] = "8", ["neuf"] = "9", ["dix"] = "10", ["eins"] = "1", ["zwei"] = "2",
        ["drei"] = "3", ["vier"] = "4", ["fünf"] = "5", ["funf"] = "5", ["sechs"] = "6", ["sieben"] = "7", ["acht"] = "8",
        ["neun"] = "9", ["zehn"] = "10",
    };

    // "7ish" is "7", "out of ten" is "out of 10", "1O" is "10", a mistyped or foreign number word is its digits.
    private static string PrepareForNumbers(string original)
    {
        var text = IshSuffix().Replace(original.ToLowerInvariant(), "$1 ").Replace("out of ten", "out of 10", StringComparison.Ordinal);
        text = Arrow().Replace(text, ", now ");                   // "5 -> 3": the score now is the last one
        text = PronounOne().Replace(text, "$1 thing");            // "the hugging one" is not a score of 1
        text = LetterO().Replace(text, "$10");
        return WordToken().Replace(text, m => NumberWords.TryGetValue(m.Value, out var digits) ? digits : NearNumberWord(m.Value) ?? m.Value);
    }

    // A mistyped number word ("sevn", "fve", "twoo"): one edit away, the same first letter, and not a word already
    // ("none" is not "nine", "gone" is not "one").
    private static string? NearNumberWord(string word)
    {
        if (word.Length < 3 || Text.EnglishWords.All.Contains(word))
        {
            return null;
        }

        var near = NumberWords.Keys.Take(11).Where(n => n[0] == word[0] && Math.Abs(n.Length - word.Length) <= 1 && Text.Vocabulary.EditDistance(word, n, 1) <= 1).ToList();
        return near.Count == 1 ? NumberWords[near[0]] : null;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\s*(?:→|->|=>|⇒)\s*", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex Arrow();

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(the|this|that|which|each|every|other|any|last|first|second|third|wall|chair|seated|kneeling|lying|standing|sitting|\w+ing)\s+one\b", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex PronounOne();

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<=\d)o\b", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex LetterO();

    [System.Text.RegularExpressions.GeneratedRegex(@"\p{L}+", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex WordToken();

    // A score said to be the current one: "now 5", "now about 5", "down to 3", "currently 4", "at the moment 6".
    private static bool IsCurrent(string before, string after)
        => CurrentBefore().IsMatch(before) || after.StartsWith("now", StringComparison.Ordinal) || after.StartsWith("right now", StringComparison.Ordinal)
            || after.StartsWith("at the moment", StringComparison.Ordinal) || after.StartsWith("today", StringComparison.Ordinal)
            || after.StartsWith("currently", StringComparison.Ordinal);

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:now|currently|at the moment|right now|today|down to|pain|pains|pain is|pain's|pain at|its|it's|this is|it is|this one is|presently|score)(?:\s+(?:about|around|roughly|at|a|an|maybe|is|now|=|:|of))*\s*$", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex CurrentBefore();

    private static bool FollowedByUnit(string after)
    {
        var next = after.Split(' ', 2)[0];
        return Units.Contains(next);
    }

    // "x out of 10", "x of 10", "x over 10", "x outta 10": the 10 describes the scale.
    private static bool IsScaleDenominator(string before, double value)
        => value == 10 && (before.EndsWith('/') || before.EndsWith(" out of", StringComparison.Ordinal) || before.EndsWith(" of", StringComparison.Ordinal)
            || before.EndsWith(" over", StringComparison.Ordinal) || before.EndsWith(" outta", StringComparison.Ordinal)
            || before.EndsWith(" scale", StringComparison.Ordinal));

    [System.Text.RegularExpressions.GeneratedRegex(@"^[,\s]*(?:now|but now|and now|today)\b", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex LaterNow();

    [System.Text.RegularExpressions.GeneratedRegex(@"^(?:or|to|-|and|/|maybe)\s*\d", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex RangeFollows();

    // A score said for a condition, not for now: "9 when I bend", "9 without painkillers", "my leg is like 7".
    private static bool IsConditional(string before, string after)
        => ConditionAfter().IsMatch(after) || ConditionBefore().IsMatch(before);

    [System.Text.RegularExpressions.GeneratedRegex(@"^(?:when|if|at night|at worst|at its worst|without|on bad days|on a bad day|in my leg|first thing|after|sometimes|yesterday|this morning|last week|last night|before|earlier|at first|in the morning|usually|sitting|sat|standing|stood|lying|resting|at rest|moving|walking|bending|in bed)\b", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex ConditionAfter();

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:leg|legs|foot|worst|without|when i bend|at night|bad days|was|were|from|used to be)\b[^.;]{0,20}$", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex ConditionBefore();

    // "3/5", "2 out of 5": a score on a scale of 5, as a score out of 10.
    private static double? OtherScale(string? text)
    {
        var parts = FractionParts().Match(text ?? string.Empty);
        return parts.Success && WholeNumber(parts.Groups["denominator"].Value) == 5 && WholeNumber(parts.Groups["numerator"].Value) is { } n && n is >= 0 and <= 5
            ? n * 2
            : null;
    }

    private static double? SmallPair(string? text)
    {
        var parts = (text ?? string.Empty).Split('/', StringSplitOptions.TrimEntries);
        return parts.Length == 2 && double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var a) && double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var b) && a <= 10 && b <= 10 && b != 10
            ? Math.Max(a, b)
            : null;
    }

    // "on a scale of 0 to 10", "10 being the worst", "0 = no pain"
    private static bool IsScaleEnd(string before, string after, double value)
        => (value == 0 && after.StartsWith("to 10", StringComparison.Ordinal) && before.EndsWith("of", StringComparison.Ordinal))
            || (value == 10 && before.EndsWith("0 to", StringComparison.Ordinal))
            || (value is 0 or 1 or 10 && ScaleLabel().IsMatch(after));

    [System.Text.RegularExpressions.GeneratedRegex(@"^(?:being|=|is|as|meaning)\s+(?:the\s+)?(?:worst|highest|max|maximum|most|top|no pain|none|nothing|pain free|lowest|least|unbearable)\b", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex ScaleLabel();

    // "7/10" and "seven out of ten" are read as 0.7 by the recognizer: the numerator is the score when the
    // denominator is 10 (a fraction of another scale, "3/5", is not a score).
    private static double? FractionNumerator(string? text)
    {
        var parts = FractionParts().Match(text ?? string.Empty);
        return parts.Success && WholeNumber(parts.Groups["denominator"].Value) == 10 ? WholeNumber(parts.Groups["numerator"].Value) : null;
    }

    private static double? WholeNumber(string text)
    {
        var results = RecognizerModels.ParseNumbers(text);
        return results.Count == 1 && RecognizerModels.GetString(results[0], "subtype") != "fraction" && RecognizerModels.TryGetValue(results[0], out var value) ? value : null;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^\s*(?<numerator>.+?)\s*(?:/|\bout\s+of\b|\bover\b|\bof\b|\boutta\b)\s*(?<denominator>.+?)\s*$", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex FractionParts();

    [System.Text.RegularExpressions.GeneratedRegex(@"(\d)ish\b", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex IshSuffix();
}
