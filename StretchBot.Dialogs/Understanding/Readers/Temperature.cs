using System.Globalization;
using System.Text.RegularExpressions;
using StretchBot.Domain.RedFlags;
using StretchBot.Dialogs.Understanding.Text;

namespace StretchBot.Dialogs.Understanding.Readers;

/// <summary>
/// A body temperature typed as a number ("38.9 this morning", "temp 101F"): 37.8 C (100 F) or more is a high
/// temperature, the see-a-doctor sign (NHS: a high temperature is 38 C or above; we take the cautious 37.8).
/// </summary>
public static partial class Temperature
{
    public const double HighCelsius = 37.8;

    /// <summary>True for a high temperature, false for a normal one, null when no temperature is given.</summary>
    public static bool? IsHigh(Utterance utterance)
    {
        var match = Reading().Match(utterance.Text.ToLowerInvariant());
        if (!match.Success || !double.TryParse(match.Groups["t"].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            return null;
        }

        var celsius = value > 90 ? (value - 32) * 5 / 9 : value;
        return celsius is < 34 or > 43 ? null : celsius >= HighCelsius;
    }

    /// <summary>Adds the fever sign when the reply gives a high temperature.</summary>
    public static void Read(Utterance utterance, ISet<string> yes)
    {
        if (IsHigh(utterance) == true)
        {
            yes.Add(RedFlagIds.Fever);
        }
    }

    [GeneratedRegex(@"(?<![\d.])(?<t>3[4-9](?:\.\d)?|4[0-3](?:\.\d)?|9\d(?:\.\d)?|10[0-9](?:\.\d)?)\s*(?:°|degrees|c\b|f\b|celsius|fahrenheit)?(?![\d])", RegexOptions.CultureInvariant)]
    private static partial Regex Reading();
}
