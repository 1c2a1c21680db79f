using System.Globalization;
using System.Text.RegularExpressions;
using StretchBot.Domain.RedFlags;
using StretchBot.Dialogs.Understanding.Text;

namespace StretchBot.Dialogs.Understanding.Readers;

/// <summary>
/// How long pain has gone on without getting better, when a reply gives both ("it's been 7 weeks, no better", "2
/// weeks, no better"). The sign is pain no better after 4 to 6 weeks (NICE NG59): a vague "no better" or "the same"
/// with 6 weeks or more is a yes, with under 4 weeks it is not the sign, and in between it is asked about.
/// </summary>
public static partial class NotImproving
{
    private const double YesFromWeeks = 6;
    private const double NoUnderWeeks = 4;

    private static readonly Dictionary<string, double> Counts = new(StringComparer.Ordinal)
    {
        ["a"] = 1, ["an"] = 1, ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6,
        ["seven"] = 7, ["eight"] = 8, ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["few"] = 3,
        ["several"] = 3, ["couple"] = 2, ["couple of"] = 2, ["many"] = 6,
    };

    /// <summary>
    /// Settles a vague not-improving mention in <paramref name="ask"/> by the longest time the reply gives: moves it
    /// to <paramref name="yes"/> from 6 weeks, drops it under 4. Returns false when the time given rules the sign out.
    /// </summary>
    public static bool? Read(Utterance utterance, ISet<string> yes, ISet<string> ask)
    {
        if (!ask.Contains(RedFlagIds.NotImproving) || yes.Contains(RedFlagIds.NotImproving) || LongestWeeks(utterance) is not { } weeks)
        {
            return null;
        }

        if (weeks >= YesFromWeeks)
        {
            ask.Remove(RedFlagIds.NotImproving);
            yes.Add(RedFlagIds.NotImproving);
            return true;
        }

        if (weeks < NoUnderWeeks)
        {
            ask.Remove(RedFlagIds.NotImproving);
            return false;
        }

        return null;
    }

    /// <summary>The longest span of time the reply gives, in weeks ("7 weeks", "a fortnight", "a few months"); not an age ("60 years old").</summary>
    public static double? LongestWeeks(Utterance utterance)
    {
        double? longest = null;
        foreach (Match match in Span().Matches(utterance.Normalized))
        {
            var count = match.Groups["n"].Value;
            var n = double.TryParse(count, NumberStyles.Float, CultureInfo.InvariantCulture, out var digits) ? digits : Counts[count];
            var weeks = match.Groups["u"].Value switch
            {
                var u when u.StartsWith('d') => n / 7,
                var u when u.StartsWith('f') => n * 2,
                var u when u.StartsWith('m') => n * 4.3,
                var u when u.StartsWith('y') => n * 52,
                _ => n,
            };
            longest = Math.Max(longest ?? 0, weeks);
        }

        return longest;
    }

    [GeneratedRegex(@"(?<!\b(?:im|i am|aged|age)\s)\b(?<n>\d+(?:\.\d+)?|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|few|several|couple of|couple|many)\s+(?<u>days?|weeks?|wks?|fortnights?|months?|mths?|years?|yrs?)\b(?!\s+old\b)", RegexOptions.CultureInvariant)]
    private static partial Regex Span();
}
