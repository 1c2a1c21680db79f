namespace StretchBot.Domain.RedFlags;

/// <summary>The stable ids of the red-flag questions.</summary>
public static class RedFlagIds
{
    // Emergency now.
    public const string SaddleNumbness = "saddle-numbness";
    public const string BladderChange = "bladder-change";
    public const string BowelControl = "bowel-control";
    public const string BothLegs = "both-legs";
    public const string LegWeakness = "leg-weakness";
    public const string SexualFunction = "sexual-function";
    public const string SeriousInjury = "serious-injury";
    public const string VeryUnwell = "very-unwell";
    public const string ChestPain = "chest-pain";

    // See a doctor soon.
    public const string Fever = "fever";
    public const string WeightLoss = "weight-loss";
    public const string CancerHistory = "cancer-history";
    public const string ConstantOrNightPain = "constant-or-night-pain";
    public const string InfectionRisk = "infection-risk";
    public const string AgeAtOnset = "age-at-onset";
    public const string FragileBoneInjury = "fragile-bone-injury";
    public const string UpperBackPain = "upper-back-pain";
    public const string NotImproving = "not-improving";
    public const string LumpOrChangedShape = "lump-or-changed-shape";
    public const string WorseCoughingOrSneezing = "worse-coughing-or-sneezing";
    public const string RecentSpinalProcedure = "recent-spinal-procedure";
}
