using System.Globalization;
using StretchBot.Domain.Swaps;

namespace StretchBot.Dialogs.Progress;

/// <summary>
/// The pain trend in words: one plain sentence that reads it with the clinical rules' own test of a change that matters
/// (<see cref="PainTrend"/>: 2 points or 30 %), and the text alternative of the picture, which states every score.
/// </summary>
public static class PainTrendText
{
    /// <summary>What a change that matters is, in words, from the rule's own numbers ("2 points or 30 %").</summary>
    public static string RealChange { get; } =
        $"{PainTrend.MinimalImportantPoints} points or {(PainTrend.MinimalImportantFraction * 100).ToString("0", CultureInfo.InvariantCulture)} %";

    /// <summary>One sentence on how pain has moved from the first score to the latest.</summary>
    public static string Interpret(IReadOnlyList<PainPoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (points.Count == 0)
        {
            return "No pain scores yet: your first plan records one, and each check-in adds another.";
        }

        var first = points[0].Pain;
        var last = points[^1].Pain;
        if (points.Count == 1)
        {
            return $"One score so far ({last} out of 10). Each check-in adds one, so you can see how it moves.";
        }

        var change = Math.Abs(last - first);
        var fromTo = $"since you started (from {first} to {last} out of 10)";
        if (change == 0)
        {
            return $"The same as when you started: {last} out of 10.";
        }

        if (last < first)
        {
            return PainTrend.FellMeaningfully(first, last)
                ? $"Down {Points(change)} {fromTo}: that is a real change."
                : $"Down {Points(change)} {fromTo}: a small change so far, less than the {RealChange} that count as a real one.";
        }

        return PainTrend.RoseMeaningfully(first, last)
            ? $"Up {Points(change)} {fromTo}: that is a real change for the worse, worth talking over with your doctor or physiotherapist."
            : $"Up {Points(change)} {fromTo}: a small change, less than the {RealChange} that count as a real one.";
    }

    /// <summary>The picture's text alternative: every score with its date, oldest first.</summary>
    public static string Describe(IReadOnlyList<PainPoint> points, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (points.Count == 0)
        {
            return "Pain trend: no scores yet.";
        }

        var scores = string.Join(", ", points.Select(p => $"{p.Pain} on {ShortDate(p.At, zone)}"));
        return points.Count == 1
            ? $"Pain trend, out of 10: one score so far, {scores}."
            : $"Pain trend, out of 10, oldest first: {scores}.";
    }

    /// <summary>"24 Nov" in the user's zone.</summary>
    public static string ShortDate(DateTimeOffset at, TimeZoneInfo zone)
        => TimeZoneInfo.ConvertTime(at, zone).ToString("d MMM", CultureInfo.InvariantCulture);

    /// <summary>"24 Nov 2026" in the user's zone.</summary>
    public static string LongDate(DateTimeOffset at, TimeZoneInfo zone)
        => TimeZoneInfo.ConvertTime(at, zone).ToString("d MMM yyyy", CultureInfo.InvariantCulture);

    private static string Points(int change) => change == 1 ? "1 point" : $"{change} points";
}
