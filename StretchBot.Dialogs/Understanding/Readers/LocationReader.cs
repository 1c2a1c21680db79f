using StretchBot.Domain;
using StretchBot.Domain.Triage;

namespace StretchBot.Dialogs.Understanding.Readers;

/// <summary>
/// "Where do you feel it? Pick the one that reaches furthest." Several places named means the furthest
/// ("lower back and down my left leg" is down one leg); "both sides" of the back is the back, not both legs;
/// pain in both legs (an emergency sign) is taken only when said plainly, and asked about when vague ("my legs").
/// </summary>
public sealed class LocationReader
{
    private static readonly OptionWords<PainLocation> Words = new OptionWords<PainLocation>()
        .Add(PainLocation.LowerBackOnly,
            "lower back", "low back", "lumbar", "lower", "lumbago", "my back", "the back", "back only", "just my back",
            "only my back", "just the back", "just back", "middle", "centre", "center", "central", "across my back",
            "across the back", "across", "both sides", "both sides of my back", "either side", "each side",
            "base of my spine", "bottom of my back", "bottom of the back", "bottom of my spine", "spine", "tailbone",
            "coccyx", "belt line", "beltline", "waist", "waistband", "small of my back", "sacrum", "back", "lower spine",
            "stays in my back", "doesnt go anywhere", "doesnt spread", "does not spread", "just there", "bak", "lowerback",
            "right in the middle", "in the middle", "at the bottom", "the bottom of", "above my bum", "above my buttocks",
            "above my bottom", "just above", "above my bum crack", "low down", "down low", "lower down", "the lower part",
            "both sides equally", "on both sides", "across the bottom", "lumbar area", "lower lumbar", "l4", "l5", "s1")
        .AddVague(PainLocation.LowerBackOnly, "all over", "everywhere", "whole back", "all over my back")
        .Add(PainLocation.OneSide,
            "one side", "one side of my back", "left side", "right side", "on the left", "on the right", "left", "right",
            "left hand side", "right hand side", "lhs", "rhs", "one sided", "side", "to one side", "l side", "r side",
            "left of my spine", "right of my spine", "flank")
        .Add(PainLocation.Buttock,
            "buttock", "buttocks", "bum", "butt", "glute", "glutes", "gluteal", "backside", "bottom", "bum cheek",
            "butt cheek", "arse", "ass", "sit bone", "sitting bone", "cheek", "behind", "rear", "booty", "bum area",
            "into my buttock", "piriformis", "both buttocks", "both cheeks", "both sides of my bum", "both bum cheeks",
            "both glutes", "bum cheeks", "buttock area", "down into my bum", "into my bum")
        .AddVague(PainLocation.Buttock, "hip", "hips", "hip area", "side of my hip", "pelvis", "groin")
        .Add(PainLocation.DownOneLeg,
            "leg", "down my leg", "down one leg", "one leg", "left leg", "right leg", "thigh", "calf", "knee", "shin",
            "foot", "toes", "toe", "ankle", "hamstring", "sciatica", "sciatic", "back of my leg", "down to my foot",
            "down to my knee", "down the back of my leg", "down the leg", "into my leg", "into the leg", "heel",
            "outside of my leg", "front of my thigh", "down my left leg", "down my right leg", "one foot", "nee", "kne",
            "radicular", "radiculopathy", "nerve pain", "sciatic pain", "sciatic nerve")
        .AddVague(PainLocation.DownOneLeg, "down {2|to|too|til} my", "down to")
        .Add(PainLocation.BothLegs,
            "both legs", "both my legs", "both of my legs", "both feet", "both thighs", "both calves", "both knees",
            "two legs", "left and right leg", "left and right legs", "right and left leg", "right and left legs",
            "each leg", "either leg", "down both", "into both legs", "both sides down my legs", "both of them legs",
            "left leg and right leg", "right leg and left leg", "both my feet")
        .AddVague(PainLocation.BothLegs, "legs", "both", "my legs", "feet", "the other leg", "other leg too", "both sometimes",
            "{left|right} ... {the left|the right|the other one|the other} {too|as well|also}", "sometimes the {left|right|other} {one|leg|} too",
            "{switches|alternates|swaps|moves} {sides|between legs|from leg to leg}");

    public const string UpperBackRemark =
        "This question is about the lower back and legs. Pain mainly high up, between the shoulder blades, is one to tell a " +
        "doctor about. Where do you feel it below that: lower back only, one side, into your buttock, or down a leg?";

    private static readonly OptionWords<bool> UpperBack = new OptionWords<bool>()
        .Add(true, "upper back", "between my shoulder blades", "between the shoulder blades", "shoulder blades", "shoulder blade",
            "top of my back", "middle of my back", "mid back", "thoracic", "neck", "shoulders");

    // "go back to the beginning", "come back later": "back" after a verb of going is a direction, not a place that hurts.
    private static bool IsGoingBack(Text.Utterance utterance, OptionMention<PainLocation> mention)
        => mention.End - mention.Start == 1 && utterance[mention.Start].Form == "back" && mention.Start > 0
            && utterance[mention.Start - 1].Form is "go" or "going" or "goes" or "went" or "gone" or "come" or "coming" or "came" or "get" or "getting" or "take" or "taking" or "bring" or "step" or "head";

    /// <summary>The words a reply is matched against (for the corpus report).</summary>
    public static OptionWords<PainLocation> Vocabulary => Words;

    public Reading<PainLocation> Read(string? text)
    {
        var utterance = Words.Parse(text);
        if (Text.Positions.Read(utterance, 5) is [var only])
        {
            return Reading<PainLocation>.Understood((PainLocation)(only - 1));
        }

        var mentions = Words.Find(utterance);
        var upper = UpperBack.Find(UpperBack.Parse(text)).All.Where(m => m.Said).ToList();
        var said = mentions.All.Where(m => m.Said && !upper.Any(u => m.Start < u.End && u.Start < m.End) && !IsGoingBack(utterance, m)).Select(m => m.Value).Distinct().ToList();
        if (said.Count == 0)
        {
            return Reading<PainLocation>.NotUnderstood(upper.Count > 0 ? UpperBackRemark : null);
        }

        var furthest = said.Max();
        if (furthest == PainLocation.BothLegs && mentions.AnyUnsure(PainLocation.BothLegs))
        {
            var otherwise = said.Where(p => p != PainLocation.BothLegs).DefaultIfEmpty().Max();
            return Reading<PainLocation>.AskCarefully(
                "Just to check: is the pain, numbness or weakness in both legs?",
                safeAnswer: true,
                Reading<PainLocation>.Understood(PainLocation.BothLegs),
                said.Count > 1 ? Reading<PainLocation>.Understood(otherwise) : Reading<PainLocation>.NotUnderstood());
        }

        return mentions.AnyUnsure(furthest)
            ? Reading<PainLocation>.Confirm(furthest, $"Did you mean \"{DomainLabels.Label(furthest)}\"?")
            : Reading<PainLocation>.Understood(furthest);
    }
}
