using StretchBot.Domain;
using StretchBot.Domain.Triage;

namespace StretchBot.Dialogs.Understanding.Readers;

/// <summary>
/// "What tends to make it worse?" Bending or sitting words and leaning-back, standing or walking words each
/// point to one option; words from both groups ("sitting and walking") mean both; "nothing in particular" or
/// "not sure" mean neither.
/// </summary>
public sealed class WorseWithReader
{
    private static readonly OptionWords<WorseWith> Words = new OptionWords<WorseWith>()
        .Add(WorseWith.BendingForwardOrSitting,
            "bending forward", "bending forwards", "bending over", "bending down", "bending", "bend", "bend over",
            "bend forward", "bent", "stooping", "stoop", "leaning forward", "leaning forwards", "lean forward", "sitting",
            "sit", "sitting down", "sat", "seated", "sitting for long", "long periods sitting", "desk", "at my desk",
            "at a desk", "at the desk", "office chair", "chair", "sofa", "couch", "driving", "drive", "in the car",
            "car journeys", "car", "commute", "commuting", "picking things up", "picking up", "lifting", "lift",
            "putting my socks on", "putting on socks", "socks", "shoes", "tying my shoes", "tying shoelaces",
            "hoovering", "vacuuming", "gardening", "weeding", "slouching", "slumping", "computer", "drives", "long drives",
            "long drive", "car rides", "sofa sitting",
            "gaming", "forward", "forwards", "touching my toes", "toe touch", "sitting still", "getting out of a chair",
            "bending forward or sitting", "flexion", "forward bending", "sittng", "siting", "bendng", "travelling")
        .Add(WorseWith.LeaningBackStandingOrWalking,
            "leaning back", "lean back", "leaning backwards", "leaning backward", "bending back", "bending backwards",
            "bending backward", "arching", "arch my back", "arching back", "standing", "stand", "standing up",
            "standing still", "stood", "on my feet", "walking", "walk", "walks", "long walks", "walking far",
            "walking the dog", "hills", "uphill", "downhill", "stairs", "reaching up", "reaching overhead",
            "looking up", "queuing", "queueing", "shopping", "cooking", "ironing", "extension", "backwards",
            "backward", "upright", "leaning back standing or walking", "walkng", "standng", "lying on my front",
            "lying on my stomach", "swimming breaststroke", "washing up", "at the sink", "standing at the sink")
        .Add(WorseWith.Both,
            "both", "both of those", "both of them", "all of them", "all of those", "everything", "all of it",
            "anything", "any movement", "all movements", "every movement", "any position", "everything really",
            "both equally", "the lot", "all the above", "all of the above", "whatever i do")
        .Add(WorseWith.NeitherOrNotSure,
            "neither", "neither of them", "neither of those", "not sure", "unsure", "dont know", "do not know",
            "no idea", "nothing", "nothing in particular", "nothing really", "nothing specific", "idk", "dunno",
            "cant tell", "hard to say", "random", "no pattern", "just hurts", "it just hurts", "comes and goes",
            "no particular", "none", "none of them", "none of those", "no clue", "not really", "can t say", "cant say",
            "mornings", "morning", "first thing", "lying down", "in bed", "coughing", "sneezing", "cold weather",
            "the weather", "stress", "when im stressed", "rest", "resting", "twisting", "turning", "rolling over",
            "getting out of bed");

    // What eases the pain: "sitting is fine", "walking helps", "I have to sit on a bench". An option said with one
    // of these is not what makes it worse.
    private static readonly OptionWords<bool> Relief = new OptionWords<bool>()
        .Add(true, "fine", "ok", "okay", "good", "better", "helps", "help", "helpful", "eases", "ease", "easier", "relieves",
            "relief", "nicer", "comfortable", "comfy", "no problem", "doesnt bother", "doesnt hurt", "feels good",
            "feels better", "feels nice", "is fine", "settles", "takes the pressure off", "have to sit", "need to sit",
            "sit on a bench", "sit down for a rest", "have to stop", "need to stop", "have to lie down", "lean on",
            "leaning on", "trolley", "bench", "rest");

    public static OptionWords<WorseWith> Vocabulary => Words;

    public Reading<WorseWith> Read(string? text)
    {
        var utterance = Words.Parse(text);
        if (Text.Positions.Read(utterance, 4) is [var only])
        {
            return Reading<WorseWith>.Understood((WorseWith)(only - 1));
        }

        var mentions = Words.Find(utterance);
        var eased = Eased(utterance, mentions);
        var said = mentions.Said.Where(v => !eased.Contains(v)).ToHashSet();
        var value = Combine(said);
        if (value is null)
        {
            return Reading<WorseWith>.NotUnderstood();
        }

        var unsure = said.Where(v => v is not (WorseWith.Both or WorseWith.NeitherOrNotSure)).Any(mentions.AnyUnsure);
        return unsure
            ? Reading<WorseWith>.Confirm(value.Value, $"Did you mean \"{DomainLabels.Label(value.Value)}\"?")
            : Reading<WorseWith>.Understood(value.Value);
    }

    // Options said in a clause that says they ease the pain ("walking eases it", "sitting is fine").
    private static HashSet<WorseWith> Eased(Text.Utterance utterance, OptionMentions<WorseWith> mentions)
    {
        var reliefs = Relief.Find(Relief.Parse(utterance.Text)).All.Where(m => m.Said).ToList();
        var eased = new HashSet<WorseWith>();
        foreach (var mention in mentions.All.Where(m => m.Said && m.Value is WorseWith.BendingForwardOrSitting or WorseWith.LeaningBackStandingOrWalking))
        {
            var (from, to) = Text.Scope.ClauseAround(utterance, mention.Start, mention.End);
            if (reliefs.Any(r => r.Start >= from && r.End <= to) && !Text.Scope.IsHedged(utterance, mention.Start, mention.End))
            {
                eased.Add(mention.Value);
            }
        }

        // Only what eases was named: it is not what makes it worse, but the other group is not named either.
        return eased.Count == mentions.Said.Count(v => v is WorseWith.BendingForwardOrSitting or WorseWith.LeaningBackStandingOrWalking) ? [] : eased;
    }

    // One group -> that group; both groups (or "both") -> both; "not sure" only when nothing else was named.
    private static WorseWith? Combine(HashSet<WorseWith> said)
    {
        var forward = said.Contains(WorseWith.BendingForwardOrSitting);
        var back = said.Contains(WorseWith.LeaningBackStandingOrWalking);
        if ((forward && back) || said.Contains(WorseWith.Both))
        {
            return WorseWith.Both;
        }

        if (forward)
        {
            return WorseWith.BendingForwardOrSitting;
        }

        if (back)
        {
            return WorseWith.LeaningBackStandingOrWalking;
        }

        return said.Contains(WorseWith.NeitherOrNotSure) ? WorseWith.NeitherOrNotSure : null;
    }
}
