using StretchBot.Domain.Catalog;
using StretchBot.Domain.Swaps;
using StretchBot.Domain.Triage;

namespace StretchBot.Domain;

/// <summary>Plain-language labels for the domain's enum values (card buttons, card facts, summaries).</summary>
public static class DomainLabels
{
    public static string Label(StartingPosition value) => value switch
    {
        StartingPosition.OnAllFours => "On your hands and knees",
        StartingPosition.LyingFaceDown => "Lying on your front",
        StartingPosition.LyingOnBack => "Lying on your back",
        StartingPosition.SittingOnChairEdge => "Sitting on the edge of a chair or bed",
        StartingPosition.SittingOnFloor => "Sitting on the floor",
        StartingPosition.Kneeling => "Kneeling on one knee",
        StartingPosition.Standing => "Standing",
        StartingPosition.StandingSideOnToWall => "Standing side-on to a wall",
        _ => throw Unknown(value),
    };

    public static string Label(MovementDirection value) => value switch
    {
        MovementDirection.Extension => "Bending backwards",
        MovementDirection.Flexion => "Bending forwards",
        MovementDirection.SideShift => "Moving sideways",
        MovementDirection.Rotation => "Twisting gently",
        MovementDirection.NerveGlide => "Gliding the nerve",
        MovementDirection.MuscleStretch => "Stretching a hip or leg muscle",
        _ => throw Unknown(value),
    };

    public static string Label(SideGuidance value) => value switch
    {
        SideGuidance.LeastPainfulSide => "Only on the side that hurts less",
        SideGuidance.BothSides => "Both sides, one after the other",
        SideGuidance.NotApplicable => "Both sides at once",
        _ => throw Unknown(value),
    };

    public static string Label(PainDuration value) => value switch
    {
        PainDuration.UnderSixWeeks => "Less than 6 weeks",
        PainDuration.SixToTwelveWeeks => "6 to 12 weeks",
        PainDuration.OverTwelveWeeks => "More than 12 weeks",
        _ => throw Unknown(value),
    };

    public static string Label(PainLocation value) => value switch
    {
        PainLocation.LowerBackOnly => "Lower back only",
        PainLocation.OneSide => "One side of my back",
        PainLocation.Buttock => "Into my buttock",
        PainLocation.DownOneLeg => "Down one leg",
        PainLocation.BothLegs => "Down both legs",
        _ => throw Unknown(value),
    };

    public static string Label(WorseWith value) => value switch
    {
        WorseWith.BendingForwardOrSitting => "Bending forward or sitting",
        WorseWith.LeaningBackStandingOrWalking => "Leaning back, standing or walking",
        WorseWith.Both => "Both",
        WorseWith.NeitherOrNotSure => "Neither, or not sure",
        _ => throw Unknown(value),
    };

    public static string Label(Diagnosis value) => value switch
    {
        Diagnosis.DiscBulgeOrProlapse => "Disc bulge or prolapse",
        Diagnosis.SpinalStenosis => "Spinal stenosis",
        Diagnosis.FacetJointProblem => "Facet joint problem",
        Diagnosis.LowerBackArthritis => "Arthritis of the lower back",
        Diagnosis.PiriformisSyndrome => "Piriformis syndrome",
        Diagnosis.Osteoporosis => "Osteoporosis",
        Diagnosis.HipReplacement => "Hip replacement",
        Diagnosis.NoneOrDontKnow => "None, or I don't know",
        _ => throw Unknown(value),
    };

    public static string Label(AgeBand value) => value switch
    {
        AgeBand.Under20 => "Under 20",
        AgeBand.From20To50 => "20 to 50",
        AgeBand.From51To65 => "51 to 65",
        AgeBand.Over65 => "Over 65",
        _ => throw Unknown(value),
    };

    public static string Label(Feedback value) => value switch
    {
        Feedback.Better => "Better",
        Feedback.Same => "About the same",
        Feedback.Worse => "Worse",
        Feedback.DidNotTry => "Didn't try it",
        _ => throw Unknown(value),
    };

    private static ArgumentOutOfRangeException Unknown<T>(T value)
        where T : struct, Enum => new(nameof(value), value, $"No label for {typeof(T).Name} value '{value}'.");
}
