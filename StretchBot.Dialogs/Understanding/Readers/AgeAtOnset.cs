using System.Globalization;
using System.Text.RegularExpressions;
using StretchBot.Dialogs.Domain.RedFlags;
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

    /// <summary>Adds age-at-onset to <paramref name="yes"/> or <paramref name="ask"/> when the reply gives such an age.</summary>
    public static void Read(Utterance utterance, ISet<string> yes, ISet<string> ask)
    {
        var text = utterance.Normalized;
        var match = Age().Match(text);
        if (!match.Success)
        {
            return;
        }

        var digits = match.Groups["a"].Success ? match.Groups["a"].Value : match.Groups["b"].Success ? match.Groups["b"].Value : match.Groups["c"].Value;
        if (!int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var age) || age is >= 20 and <= 50 or < 5 or > 115)
        {
            return;
        }

        var isNew = NewWords.Any(w => $" {text} ".Contains($" {w} ", StringComparison.Ordinal));
        (isNew ? yes : ask).Add(RedFlagIds.AgeAtOnset);
    }

    [GeneratedRegex(@"\b(?:im|i am|aged|age|i m)\s+(?<a>\d{1,3})\b|\b(?<b>\d{1,3})\s*(?:years old|year old|yrs old|yo|y o|years of age)\b|^(?:yes|yeah|yep|ja|si)\s+(?<c>\d{2,3})$", RegexOptions.CultureInvariant)]
    private static partial Regex Age();
}
