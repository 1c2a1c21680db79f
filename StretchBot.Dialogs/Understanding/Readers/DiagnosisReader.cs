using StretchBot.Domain;
using StretchBot.Domain.Triage;

namespace StretchBot.Dialogs.Understanding.Readers;

/// <summary>
/// "Has a doctor or physio told you what is causing it?" Every diagnosis named is taken, except those denied
/// ("not a disc, they think it's arthritis" is arthritis only). A hedged osteoporosis or hip replacement is kept
/// (both rule out stretches, so keeping them is the safe side); other hedged ones are confirmed.
/// </summary>
public sealed class DiagnosisReader
{
    private static readonly OptionWords<Diagnosis> Words = new OptionWords<Diagnosis>()
        .Add(Diagnosis.DiscBulgeOrProlapse,
            "disc", "disk", "discs", "disks", "slipped disc", "slipped disk", "bulging disc", "bulging disk", "bulge",
            "bulges", "bulging", "prolapse", "prolapsed", "prolapsed disc", "herniated", "herniation", "herniated disc",
            "herniated disk", "disc bulge", "disc problem", "disc issue", "protrusion", "protruding disc",
            "degenerative disc", "degenerative disc disease", "ddd", "disc degeneration", "l4 l5", "l5 s1", "l4", "l5",
            "slipped", "disc prolapse", "ruptured disc", "extrusion")
        .Add(Diagnosis.SpinalStenosis,
            "stenosis", "spinal stenosis", "narrowing", "narrowed", "narrow spinal canal", "canal narrowing",
            "spinal narrowing", "claudication", "lumbar stenosis", "foraminal stenosis", "stenosed")
        .Add(Diagnosis.FacetJointProblem,
            "facet", "facets", "facet joint", "facet joints", "facet arthropathy", "facet syndrome", "facet joint problem",
            "facet pain", "zygapophyseal")
        .Add(Diagnosis.LowerBackArthritis,
            "arthritis", "osteoarthritis", "spondylosis", "wear and tear", "degeneration", "degenerative", "arthritic",
            "oa", "spinal arthritis", "arthritis in my back", "arthritis in the lower back", "worn", "worn out", "crumbling")
        .Add(Diagnosis.PiriformisSyndrome,
            "piriformis", "piriformis syndrome", "deep buttock syndrome", "piriformis muscle", "pirformis", "piriformus")
        .Add(Diagnosis.Osteoporosis,
            "osteoporosis", "osteopenia", "brittle bones", "thin bones", "weak bones", "low bone density",
            "bone density", "bone thinning", "thinning bones", "porous bones", "osteoperosis", "osteoporisis")
        .Add(Diagnosis.HipReplacement,
            "hip replacement", "new hip", "replaced hip", "hip replaced", "artificial hip", "thr", "total hip",
            "hip replacements", "both hips replaced", "hip op", "hip operation", "hip resurfacing", "metal hip",
            "titanium hip", "replacement hip", "hip done", "hips done", "hips replaced", "both hips", "new hips",
            "had my hip done", "had my hips done")
        .Add(Diagnosis.NoneOrDontKnow,
            "none", "none of these", "none of those", "none of them", "nothing", "no diagnosis", "dont know",
            "do not know", "not sure", "no idea", "idk", "dunno", "unknown", "they didnt say", "never been told",
            "not been told", "nobody told me", "no one told me", "noone told me", "they dont know", "muscular",
            "muscle strain", "pulled muscle", "strained muscle", "muscle", "mechanical", "just back pain",
            "non specific", "nonspecific", "sprain", "strain", "not diagnosed", "no", "nope", "nah", "havent seen anyone",
            "havent been", "havent asked", "not told", "no clue", "not yet", "they said its muscular", "just a strain",
            "no explanation", "they couldnt find", "nothing on the scan", "nothing found", "clear scan", "scan was clear",
            "nothing showed up", "sciatica", "lumbago", "back spasm", "spasm", "tight muscles", "posture", "bad posture",
            "waiting", "waiting for results", "waiting for mri", "mri", "scan", "tests", "referral", "not been diagnosed",
            "how would i know", "how should i know", "pelvis", "pelvis is out", "out of alignment", "misaligned",
            "subluxation", "new knee", "knee replacement", "knee replaced", "trapped nerve", "pinched nerve",
            "arthritis in my {knees|knee|hands|hand|fingers|neck|shoulder|shoulders|feet|foot|ankle|ankles|wrists|wrist|hips|hip}",
            "{knee|hand|finger|neck|shoulder} arthritis", "nothing for my back", "nothing about my back", "nothing specific",
            "nobodys said", "nobody has said", "no ones said", "no one has said", "not been told anything", "scoliosis",
            "{oa|arthritis|osteoarthritis|wear and tear} in my {hips|hip|knees|knee|hands|neck}", "xray", "x ray",
            "never heard back", "heard back", "havent heard", "no results", "still waiting");

    private static readonly Diagnosis[] KeptWhenHedged = [Diagnosis.Osteoporosis, Diagnosis.HipReplacement];

    public static OptionWords<Diagnosis> Vocabulary => Words;

    public Reading<IReadOnlyList<Diagnosis>> Read(string? text)
    {
        var utterance = Words.Parse(text);
        if (YesNo.IsQuestionBack(utterance))
        {
            return Reading<IReadOnlyList<Diagnosis>>.NotUnderstood();
        }

        if (Text.Positions.Read(utterance, 8) is { } picked)
        {
            return Reading<IReadOnlyList<Diagnosis>>.Understood(Tidy(picked.Select(p => (Diagnosis)(p - 1))));
        }

        var mentions = Words.Find(utterance);
        var said = Tidy(mentions.Said);
        if (said.Count == 0)
        {
            return Reading<IReadOnlyList<Diagnosis>>.NotUnderstood();
        }

        var doubtful = said.Where(d => d != Diagnosis.NoneOrDontKnow && !KeptWhenHedged.Contains(d) && mentions.AnyUnsure(d)).ToList();
        if (doubtful.Count == 0)
        {
            return Reading<IReadOnlyList<Diagnosis>>.Understood(said);
        }

        var names = string.Join(" and ", said.Select(d => DomainLabels.Label(d).ToLowerInvariant()));
        return Reading<IReadOnlyList<Diagnosis>>.Ask(
            $"Just to check: has a doctor or physio told you it's {names}?",
            Reading<IReadOnlyList<Diagnosis>>.Understood(said),
            said.Count > doubtful.Count
                ? Reading<IReadOnlyList<Diagnosis>>.Understood(Tidy(said.Except(doubtful)))
                : Reading<IReadOnlyList<Diagnosis>>.Understood([Diagnosis.NoneOrDontKnow]));
    }

    // "None" next to a real diagnosis is a slip: keep what they did tell us, in the options' order.
    private static List<Diagnosis> Tidy(IEnumerable<Diagnosis> diagnoses)
    {
        var list = diagnoses.Distinct().Order().ToList();
        if (list.Count > 1)
        {
            list.Remove(Diagnosis.NoneOrDontKnow);
        }

        return list;
    }
}
