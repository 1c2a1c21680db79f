using StretchBot.Dialogs.Domain.Catalog;

namespace StretchBot.Dialogs.CheckIns;

/// <summary>Short names people use for each stretch when they type about it ("the cobra", "knee hugs").</summary>
public static class StretchSynonyms
{
    private static readonly Dictionary<string, string[]> ById = new(StringComparer.Ordinal)
    {
        [StretchIds.CatCow] = ["cat cow", "cat-cow", "cat", "happy cat", "angry cat"],
        [StretchIds.Cobra] = ["cobra", "the cobra", "press up", "press-up"],
        [StretchIds.KneeHugs] = ["knee hugs", "knee hug", "hugging my knees", "knees to chest"],
        [StretchIds.KneeRolls] = ["knee rolls", "knee roll", "rolling my knees"],
        [StretchIds.SeatedSciaticNerveFloss] = ["nerve floss", "nerve flossing", "flossing", "sciatic floss", "nerve glide"],
        [StretchIds.SeatedFlexion] = ["seated flexion", "seated bend", "bending forward in the chair"],
        [StretchIds.McKenzieSideGlide] = ["side glide", "wall glide", "mckenzie", "hip shift"],
        [StretchIds.StandingExtension] = ["standing extension", "standing back bend", "lean back", "backward bend"],
        [StretchIds.StandingSideBend] = ["side bend", "standing side bend", "side stretch"],
        [StretchIds.GlutealStretch] = ["gluteal", "glute", "glute stretch", "buttock stretch"],
        [StretchIds.PiriformisStretch] = ["piriformis", "figure four", "figure 4"],
        [StretchIds.KneelingHipFlexorStretch] = ["hip flexor", "kneeling hip flexor", "hip stretch", "lunge"],
    };

    public static string[] For(string stretchId) => ById.TryGetValue(stretchId, out var synonyms) ? synonyms : [];
}
