using System.Globalization;
using System.Text.RegularExpressions;
using StretchBot.Domain.RedFlags;
using StretchBot.Dialogs.Understanding.Text;

namespace StretchBot.Dialogs.Understanding.Readers;

/// <summary>
/// An age said on a safety card ("I'm 58 and this came on out of nowhere", "yes, 67"): new back pain under 20 or
/// over 50 is a see-a-doctor sign (NICE NG59). With a word that the pain is new it is a yes; without, it is asked.
/// </summary>
public static partial class AgeAtOnset
{
    private static readonly string[] NewWords =
    [
        "new", "first", "never had", "out of nowhere", "came on", "just started", "started", "recently", "weeks ago",
        "days ago", "last week", "this week", "suddenly", "sudden", "only had it", "only just",
    ];

    /// <summary>
    /// Adds age-at-onset to <paramref name="yes"/> or <paramref name="ask"/> when the reply gives such an age, and
    /// returns false when the age given rules it out (20 to 50, or pain that has gone on for years).
    /// </summary>
    public static bool? Read(Utterance utterance, ISet<string> yes, ISet<string> ask)
    {
        var text = utterance.Normalized;
        var match = Age().Match(text);
        if (!match.Success)
        {
            return null;
        }

        var digits = match.Groups["a"].Success ? match.Groups["a"].Value : match.Groups["b"].Success ? match.Groups["b"].Value : match.Groups["c"].Value;
        if (!int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var age) || age is < 5 or > 115)
        {
            return null;
        }

        if (age is >= 20 and <= 50 || LongStanding().IsMatch(text))
        {
            return false;
        }

        var isNew = NewWords.Any(w => $" {text} ".Contains($" {w} ", StringComparison.Ordinal));
        (isNew ? yes : ask).Add(RedFlagIds.AgeAtOnset);
        return true;
    }

    /// <summary>The reply says the pain is not new ("had it before, years ago", "on and off since my 20s").</summary>
    public static bool IsLongStanding(Utterance utterance) => LongStanding().IsMatch(utterance.Normalized);

    [GeneratedRegex(@"\b(?:for (?:\d+|many|several|a few) years|for years|on and off for|since (?:the )?(?:19|20)\d\d|since (?:the|my) \d0s|since the (?:eighties|nineties)|since my (?:teens|twenties|thirties|forties)|since i was (?:a )?(?:kid|child|teenager|teen|young|\d+)|for decades|years ago|had it before|bad back for)\b", RegexOptions.CultureInvariant)]
    private static partial Regex LongStanding();

    [GeneratedRegex(@"\b(?:im|i am|aged|age|i m)\s+(?<a>\d{1,3})\b|\b(?<b>\d{1,3})\s*(?:years old|year old|yrs old|yo|y o|years of age)\b|^(?:yes|yeah|yep|ja|si)\s+(?<c>\d{2,3})$", RegexOptions.CultureInvariant)]
    private static partial Regex Age();
}
