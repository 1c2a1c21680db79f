using StretchBot.Dialogs.Engine.Prompts;

namespace StretchBot.Dialogs.Plans;

/// <summary>The 0-10 pain scale's options, asked at the triage and at every check-in.</summary>
public static class PainScale
{
    public static List<Choice> Choices() => Enumerable.Range(0, 11)
        .Select(i => new Choice(i.ToString(System.Globalization.CultureInfo.InvariantCulture), i switch
        {
            0 => "0 - no pain",
            10 => "10 - worst imaginable",
            _ => i.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }))
        .ToList();
}
