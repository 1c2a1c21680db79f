using StretchBot.Dialogs.Domain.RedFlags;

namespace StretchBot.Dialogs.Triage;

/// <summary>
/// Everyday words people type for each warning sign ("peeing", "both my legs"), so a typed answer that names one
/// is read as a yes for it, whatever else it says.
/// </summary>
public static class RedFlagKeywords
{
    private static readonly Dictionary<string, string[]> ById = new(StringComparer.Ordinal)
    {
        [RedFlagIds.SaddleNumbness] = ["genitals", "genital area", "inner thigh", "inner thighs", "back passage", "saddle", "numb bottom", "numb bum"],
        [RedFlagIds.BladderChange] = ["pee", "peeing", "wee", "urine", "urinating", "bladder", "leaking", "leak", "wetting myself", "incontinence", "incontinent"],
        [RedFlagIds.BowelControl] = ["bowel", "bowels", "soiling", "soiled", "poo", "pooing"],
        [RedFlagIds.BothLegs] = ["both legs", "both my legs", "both of my legs", "two legs", "either leg and the other"],
        [RedFlagIds.LegWeakness] = ["foot drag", "foot drags", "foot dragging", "dragging", "drags", "foot drop", "gives way", "giving way", "gave way", "weak leg", "leg weakness", "leg is weak", "legs are weak", "weaker"],
        [RedFlagIds.SexualFunction] = ["erection", "erections", "impotence", "sexual"],
        [RedFlagIds.SeriousInjury] = ["accident", "car crash", "crash", "bad fall", "fell from", "fall from", "collision"],
        [RedFlagIds.VeryUnwell] = ["very unwell", "shivering", "confused", "confusion", "feverish", "really ill"],
        [RedFlagIds.Fever] = ["temperature", "fever", "hot and shivery", "high temperature"],
        [RedFlagIds.WeightLoss] = ["weight", "lost weight", "losing weight"],
        [RedFlagIds.CancerHistory] = ["cancer", "tumour", "tumor", "chemo", "chemotherapy"],
        [RedFlagIds.ConstantOrNightPain] = ["at night", "night pain", "constant", "all the time", "never eases", "worse at night"],
        [RedFlagIds.InfectionRisk] = ["immune", "immunosuppressed", "inject", "injecting", "infection", "hiv"],
        [RedFlagIds.AgeAtOnset] = ["under 20", "over 50"],
        [RedFlagIds.FragileBoneInjury] = ["osteoporosis", "steroid", "steroids", "small fall", "minor fall", "lifting"],
        [RedFlagIds.UpperBackPain] = ["shoulder blades", "shoulder blade", "upper back", "between my shoulders"],
        [RedFlagIds.NotImproving] = ["not getting better", "no better", "getting worse", "steadily worse", "not improving"],
    };

    public static string[] For(string redFlagId) => ById.TryGetValue(redFlagId, out var words) ? words : [];
}
