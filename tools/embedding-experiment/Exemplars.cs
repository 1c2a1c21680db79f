namespace EmbeddingExperiment;

/// <summary>
/// Short paraphrases per option (at most 6), written from the question and button wording in corpus-spec.md,
/// not taken from any corpus. The first exemplar of each option is its button text.
/// </summary>
public static class Exemplars
{
    public sealed record Option(string Value, string[] Phrases);

    public static readonly IReadOnlyDictionary<string, Option[]> ByQuestion = new Dictionary<string, Option[]>
    {
        ["location"] =
        [
            new("LowerBackOnly", ["Lower back only", "just my lower back", "only in the small of my back", "it stays in my lower back", "low back, nowhere else", "across the bottom of my back"]),
            new("OneSide", ["One side of my back", "on the left side of my back", "on the right side of my back", "only one side", "to one side of my spine", "just the left side"]),
            new("Buttock", ["Into my buttock", "it goes into my bum", "in my buttock", "spreads into my backside", "into my glute", "down into one buttock"]),
            new("DownOneLeg", ["Down one leg", "it runs down my leg", "down the back of my left leg", "shoots down my right leg to my foot", "pain going down one leg", "sciatica down one leg"]),
            new("BothLegs", ["Down both legs", "into both of my legs", "both legs", "down the backs of both legs", "it goes down both legs", "in my legs on both sides"]),
        ],
        ["worse-with"] =
        [
            new("BendingForwardOrSitting", ["Bending forward or sitting", "bending over makes it worse", "sitting for a long time", "when I sit down", "bending down to pick things up", "sitting at my desk"]),
            new("LeaningBackStandingOrWalking", ["Leaning back, standing or walking", "standing for a long time", "walking makes it worse", "arching my back backwards", "when I stand up", "going for a walk"]),
            new("Both", ["Both of those", "bending and standing both make it worse", "sitting and walking", "all of them", "both sitting and standing", "both"]),
            new("NeitherOrNotSure", ["Neither, or not sure", "neither", "I don't know", "nothing in particular", "none of those", "hard to say"]),
        ],
        ["duration"] =
        [
            new("UnderSixWeeks", ["Less than 6 weeks", "a few days", "since last week", "a couple of weeks", "it started recently", "about a month"]),
            new("SixToTwelveWeeks", ["6 to 12 weeks", "about two months", "a couple of months", "around eight weeks", "between six and twelve weeks", "two months or so"]),
            new("OverTwelveWeeks", ["More than 12 weeks", "for years", "a long time", "over three months", "for ages", "since I was young"]),
        ],
        ["diagnoses"] =
        [
            new("DiscBulgeOrProlapse", ["Disc bulge or prolapse", "a slipped disc", "herniated disc", "bulging disc", "prolapsed disc", "a disc problem"]),
            new("SpinalStenosis", ["Spinal stenosis", "narrowing of the spinal canal", "stenosis", "my spinal canal is too narrow", "narrowing pressing on the nerves", "lumbar stenosis"]),
            new("FacetJointProblem", ["Facet joint problem", "facet joints", "facet joint arthropathy", "the small joints in my spine", "facet syndrome", "a problem with the joints between the vertebrae"]),
            new("LowerBackArthritis", ["Arthritis in the lower back", "arthritis", "osteoarthritis in my spine", "wear and tear in my back", "degenerative changes in my spine", "spondylosis"]),
            new("PiriformisSyndrome", ["Piriformis syndrome", "piriformis", "a tight muscle in my bum pressing on the sciatic nerve", "piriformis muscle", "deep buttock muscle trapping the nerve", "piriformis problem"]),
            new("Osteoporosis", ["Osteoporosis", "thin bones", "brittle bones", "low bone density", "weak bones", "bone thinning"]),
            new("HipReplacement", ["Hip replacement", "I had a new hip", "artificial hip", "hip replacement surgery", "my hip was replaced", "a metal hip"]),
            new("NoneOrDontKnow", ["None of these, or I don't know", "I don't know", "nobody told me", "they didn't say", "not diagnosed", "I haven't seen anyone about it"]),
        ],
        ["sitting"] =
        [
            new("yes", ["Yes", "I sit at a desk all day", "I drive for hours", "I work at a computer", "I'm sitting most of the day", "office job"]),
            new("no", ["No", "I'm on my feet all day", "I don't sit much", "I stand at work", "I'm always moving around", "I hardly ever sit"]),
        ],
        ["running"] =
        [
            new("yes", ["Yes", "I run", "I go jogging", "I do park runs", "I run a few times a week", "I jog most mornings"]),
            new("no", ["No", "I don't run", "I never run", "I only walk", "I don't do any sport", "not a runner"]),
        ],
        ["age"] =
        [
            new("Under20", ["Under 20", "I'm a teenager", "I'm still at school", "seventeen", "I'm sixteen", "a teen"]),
            new("From20To50", ["20 to 50", "in my thirties", "in my forties", "in my twenties", "thirty-five", "middle-aged"]),
            new("From51To65", ["51 to 65", "in my late fifties", "early sixties", "fifty-five", "sixty", "in my fifties"]),
            new("Over65", ["Over 65", "in my seventies", "I'm a pensioner", "in my eighties", "seventy", "elderly"]),
        ],
        // One button only: there is no second option, so the margin does not apply (see Fallback).
        ["check-in-time"] =
        [
            new("2026-12-01T14:00", ["Same time next week", "a week from now", "in a week", "next week at the same time", "this time next week", "in seven days"]),
        ],
    };
}
