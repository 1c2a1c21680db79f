using System.Text.RegularExpressions;
using Microsoft.Recognizers.Text;

namespace StretchBot.Dialogs.Engine.Recognition;

/// <summary>
/// Typed numbers and scores ("7", "seven", "about 7/10", "seven out of ten") through Microsoft.Recognizers.Text.Number.
/// </summary>
public static partial class NumberRecognition
{
    /// <summary>
    /// Any single number: "7", "seven", "7.5", "about seven". A fraction keeps its value ("7/10" is 0.7).
    /// Text holding two different numbers ("5 or 6") is not one number: false.
    /// </summary>
    public static bool TryRecognizeNumber(string? text, string? culture, out double value)
    {
        value = 0;
        if (!RecognizerModels.IsUsable(text))
        {
            return false;
        }

        var values = new List<double>();
        foreach (var result in RecognizerModels.ParseNumbers(text!))
        {
            if (RecognizerModels.TryGetValue(result, out var number))
            {
                values.Add(number);
            }
        }

        if (values.Count == 0 || values.Distinct().Count() != 1)
        {
            return false;
        }

        value = values[0];
        return true;
    }

    /// <summary>
    /// A whole-number score on a <paramref name="min"/>..<paramref name="max"/> scale: "7", "seven", "about 7",
    /// "7/10", "7 out of 10", "seven out of ten" (the recognizer reads these as 0.7; a denominator equal to
    /// <paramref name="max"/> makes the numerator the score), "a 7", "it's about a 6 today", "7 on a scale of 0 to 10".
    /// False when out of range ("12", "-1"), not whole ("6.5"), a fraction of another scale ("3/5"), or when the text
    /// holds two different scores ("between 5 and 7"): the caller re-prompts.
    /// </summary>
    public static bool TryRecognizeScore(string? text, string? culture, int min, int max, out int score)
    {
        score = 0;
        if (!RecognizerModels.IsUsable(text) || min > max)
        {
            return false;
        }

        var candidates = new List<Candidate>();
        foreach (var result in RecognizerModels.ParseNumbers(text!).OrderBy(r => r.Start))
        {
            if (!TryReadCandidate(result, max, out var candidate))
            {
                return false;
            }

            candidates.Add(candidate);
        }

        var scores = WithoutScaleWords(text!, candidates, min, max);
        if (scores.Count == 0 || scores.Select(c => c.Value).Distinct().Count() != 1)
        {
            return false;
        }

        var value = scores[0].Value;
        if (value != Math.Floor(value) || value < min || value > max)
        {
            return false;
        }

        score = (int)value;
        return true;
    }

    // A number the user said, with where it sits in the text. A fraction "n/max" becomes n.
    private static bool TryReadCandidate(ModelResult result, int max, out Candidate candidate)
    {
        candidate = default;
        if (!RecognizerModels.TryGetValue(result, out var value))
        {
            return false;
        }

        if (RecognizerModels.GetString(result, "subtype") == "fraction")
        {
            // "7/10", "7 out of 10", "seven over ten": only a fraction of our own scale is a score.
            var parts = FractionParts().Match(result.Text ?? string.Empty);
            if (!parts.Success
                || !TryReadWholeNumber(parts.Groups["numerator"].Value, out var numerator)
                || !TryReadWholeNumber(parts.Groups["denominator"].Value, out var denominator)
                || denominator != max)
            {
                return false;
            }

            value = numerator;
        }

        candidate = new Candidate(value, result.Start, result.End);
        return true;
    }

    private static bool TryReadWholeNumber(string text, out double value)
    {
        value = 0;
        var results = RecognizerModels.ParseNumbers(text);
        return results.Count == 1
            && RecognizerModels.GetString(results[0], "subtype") != "fraction"
            && RecognizerModels.TryGetValue(results[0], out value);
    }

    // Drops the numbers that describe the scale rather than answer it: the "10" of "6 / 10", "7 of 10",
    // "six outta ten", and the "0 to 10" of "on a scale of 0 to 10".
    private static List<Candidate> WithoutScaleWords(string text, List<Candidate> candidates, int min, int max)
    {
        var kept = new List<Candidate>();
        for (var i = 0; i < candidates.Count; i++)
        {
            var current = candidates[i];
            var before = i == 0 ? text[..current.Start] : Between(text, candidates[i - 1], current);

            if (i + 1 < candidates.Count
                && current.Value == min
                && candidates[i + 1].Value == max
                && RangeConnector().IsMatch(Between(text, current, candidates[i + 1]))
                && ScaleLeadIn().IsMatch(before))
            {
                i++; // skip both ends of "scale of 0 to 10"
                continue;
            }

            if (i > 0 && current.Value == max && DenominatorConnector().IsMatch(before))
            {
                continue;
            }

            kept.Add(current);
        }

        return kept;
    }

    private static string Between(string text, Candidate left, Candidate right) =>
        right.Start > left.End + 1 ? text[(left.End + 1)..right.Start] : string.Empty;

    [GeneratedRegex(@"^\s*(?<numerator>.+?)\s*(?:/|\bout\s+of\b|\bover\b)\s*(?<denominator>.+?)\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FractionParts();

    [GeneratedRegex(@"^\s*(?:/|out\s+of|outta|of|over|on\s+a\s+scale\s+of|out\s+of\s+a\s+possible)\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DenominatorConnector();

    [GeneratedRegex(@"^\s*(?:to|-|through|and)\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RangeConnector();

    [GeneratedRegex(@"scale\s+(?:of|from)?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ScaleLeadIn();

    private readonly record struct Candidate(double Value, int Start, int End);
}
