namespace StretchBot.Domain.Catalog;

/// <summary>The fixed stretch ids every part of StretchBot uses.</summary>
public static class StretchIds
{
    public const string CatCow = "cat-cow";
    public const string Cobra = "cobra";
    public const string KneeHugs = "knee-hugs";
    public const string KneeRolls = "knee-rolls";
    public const string SeatedSciaticNerveFloss = "seated-sciatic-nerve-floss";
    public const string SeatedFlexion = "seated-flexion";
    public const string McKenzieSideGlide = "mckenzie-side-glide";
    public const string StandingExtension = "standing-extension";
    public const string StandingSideBend = "standing-side-bend";
    public const string GlutealStretch = "gluteal-stretch";
    public const string PiriformisStretch = "piriformis-stretch";
    public const string KneelingHipFlexorStretch = "kneeling-hip-flexor-stretch";

    /// <summary>All twelve ids, in catalog order.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        CatCow, Cobra, KneeHugs, KneeRolls, SeatedSciaticNerveFloss, SeatedFlexion,
        McKenzieSideGlide, StandingExtension, StandingSideBend, GlutealStretch, PiriformisStretch,
        KneelingHipFlexorStretch,
    ];
}
