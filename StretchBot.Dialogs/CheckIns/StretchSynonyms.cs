using StretchBot.Domain.Catalog;

namespace StretchBot.Dialogs.CheckIns;

/// <summary>Short names people use for each stretch when they type about it ("the cobra", "knee hugs").</summary>
public static class StretchSynonyms
{
    private static readonly Dictionary<string, string[]> ById = new(StringComparer.Ordinal)
    {
        [StretchIds.CatCow] = ["cat cow", "cat-cow", "catcow", "cat camel", "cat", "cow", "happy cat", "angry cat", "cat stretch", "cat and cow", "cat/cow", "cat one", "the cat one", "hands and knees one", "all fours one", "arching one"],
        [StretchIds.Cobra] = ["cobra", "the cobra", "press up", "press-up", "press ups", "pressup", "cobra pose", "prone press up", "snake", "the snake one", "lying on my front one", "back bend on the floor", "front one", "the lying on my front one", "push up one"],
        [StretchIds.KneeHugs] = ["knee hugs", "knee hug", "hugging my knees", "knees to chest", "knee to chest", "knees to my chest", "hugs", "hugging knees", "double knee to chest", "the hug one", "knee huggs", "hug one", "knees to chest one", "hugging one"],
        [StretchIds.KneeRolls] = ["knee rolls", "knee roll", "rolling my knees", "knee rock", "knee rocks", "knee drops", "knee drop", "rolls", "lower trunk rotation", "side to side knees", "twisting one", "the twisting one", "twist", "twists", "rolling one", "knee rolling"],
        [StretchIds.SeatedSciaticNerveFloss] = ["nerve floss", "nerve flossing", "flossing", "floss", "sciatic floss", "nerve glide", "nerve glides", "the floss", "nerve stretch", "sciatic nerve floss", "slump", "slump stretch", "seated floss", "nerve one", "the nerve one", "toes and chin one", "chin one"],
        [StretchIds.SeatedFlexion] = ["seated flexion", "seated bend", "bending forward in the chair", "chair bend", "seated forward bend", "forward bend", "seated stretch", "flexion", "bend forward sitting", "chair one", "the chair one", "sitting one", "chair bend one"],
        [StretchIds.McKenzieSideGlide] = ["side glide", "side glides", "wall glide", "wall glides", "mckenzie", "mckenzie side glide", "hip shift", "wall one", "the wall one", "side shift", "wall stretch", "glide", "glides"],
        [StretchIds.StandingExtension] = ["standing extension", "standing back bend", "lean back", "leaning back", "backward bend", "back bends", "standing back extension", "extension", "standing bend back", "standing one", "lean back one", "leaning back one"],
        [StretchIds.StandingSideBend] = ["side bend", "side bends", "standing side bend", "side stretch", "side stretches", "lateral bend", "side one", "bending sideways", "side bend one"],
        [StretchIds.GlutealStretch] = ["gluteal", "glute", "glute stretch", "buttock stretch", "bum stretch", "gluteal stretch", "glutes", "bum one", "buttock one", "glute one"],
        [StretchIds.PiriformisStretch] = ["piriformis", "figure four", "figure 4", "figure of four", "piriformis stretch", "pigeon", "figure four stretch", "piri", "piriformis one", "bum one", "crossed leg one", "ankle on knee"],
        [StretchIds.KneelingHipFlexorStretch] = ["hip flexor", "hip flexors", "kneeling hip flexor", "hip stretch", "lunge", "lunges", "kneeling stretch", "kneeling lunge", "hip flexor stretch", "kneeling one", "lunge one", "hip one"],
    };

    public static string[] For(string stretchId) => ById.TryGetValue(stretchId, out var synonyms) ? synonyms : [];

    /// <summary>Every stretch id with its catalog name and the short names people use for it.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> WithNames(StretchCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return StretchIds.All.ToDictionary(
            id => id,
            id => (IReadOnlyList<string>)[.. (catalog.TryGet(id, out var stretch) ? [stretch.Name] : Array.Empty<string>()), .. For(id)],
            StringComparer.Ordinal);
    }
}
