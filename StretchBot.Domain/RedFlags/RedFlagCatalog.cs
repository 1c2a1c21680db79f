using System.Diagnostics.CodeAnalysis;

namespace StretchBot.Domain.RedFlags;

/// <summary>
/// The red-flag questions, based on NHS and NICE guidance on low back pain and sciatica (not on the article; each
/// is listed with its source in docs/clinical-rules.md). Emergency questions come first; ask them before anything else.
/// </summary>
public static class RedFlagCatalog
{
    private static readonly RedFlagQuestion[] Questions =
    [
        new(RedFlagIds.SaddleNumbness, RedFlagTier.Emergency,
            "Do you have new numbness, tingling or a changed feeling around your genitals, your bottom or buttocks (the part you would sit on a saddle with) or your inner thighs, for example when you wipe after the toilet?",
            "new numbness or changed feeling around your genitals, bottom or inner thighs"),
        new(RedFlagIds.BladderChange, RedFlagTier.Emergency,
            "Have you newly had trouble peeing, leaking urine, or not being able to feel when your bladder is full?",
            "new trouble peeing, leaking, or not feeling a full bladder"),
        new(RedFlagIds.BowelControl, RedFlagTier.Emergency,
            "Have you newly lost control of your bowels (soiling yourself without meaning to)?",
            "new loss of bowel control"),
        new(RedFlagIds.BothLegs, RedFlagTier.Emergency,
            "Do you have pain, numbness or weakness in both legs that is new or getting worse (in about the last two weeks)?",
            "new or worsening pain, numbness or weakness in both legs"),
        new(RedFlagIds.LegWeakness, RedFlagTier.Emergency,
            "Is either leg badly weak or getting weaker, for example your foot drags or your leg gives way?",
            "leg weakness that is severe or getting worse"),
        new(RedFlagIds.SexualFunction, RedFlagTier.Emergency,
            "Have you newly lost feeling in your genitals, or lost the ability to get an erection?",
            "new loss of feeling in your genitals or of erections"),
        new(RedFlagIds.SeriousInjury, RedFlagTier.Emergency,
            "Did the pain start after a serious accident or a bad fall, such as a car crash or a fall from a height?",
            "pain that began after a serious accident or fall"),
        new(RedFlagIds.VeryUnwell, RedFlagTier.Emergency,
            "Do you feel very unwell, with a fever, shivering or confusion?",
            "feeling very unwell with fever, shivering or confusion"),
        new(RedFlagIds.ChestPain, RedFlagTier.Emergency,
            "Do you have chest pain as well?",
            "chest pain"),

        new(RedFlagIds.Fever, RedFlagTier.SeeDoctorSoon,
            "Do you have a high temperature, or feel hot and shivery?",
            "a high temperature"),
        new(RedFlagIds.WeightLoss, RedFlagTier.SeeDoctorSoon,
            "Have you lost weight without trying to?",
            "weight loss without trying"),
        new(RedFlagIds.CancerHistory, RedFlagTier.SeeDoctorSoon,
            "Have you ever had cancer?",
            "a history of cancer",
            AskedAtCheckIn: false),
        new(RedFlagIds.ConstantOrNightPain, RedFlagTier.SeeDoctorSoon,
            "Is the pain there all the time, or worse at night, and not eased by resting or changing position?",
            "constant pain, or pain worse at night that rest does not ease"),
        new(RedFlagIds.InfectionRisk, RedFlagTier.SeeDoctorSoon,
            "Do you have a weakened immune system (for example from medicines or an illness), do you inject drugs, or have you recently had a bacterial infection?",
            "a weakened immune system, injecting drugs, or a recent bacterial infection"),
        new(RedFlagIds.AgeAtOnset, RedFlagTier.SeeDoctorSoon,
            "Is this back pain new, and are you under 20 or over 50?",
            "new back pain while under 20 or over 50",
            AskedAtCheckIn: false),
        new(RedFlagIds.FragileBoneInjury, RedFlagTier.SeeDoctorSoon,
            "Do you have fragile bones (osteoporosis) or take steroid medicine long-term, and did the pain start after a small fall or lift, or is it severe and in the middle of your back?",
            "severe pain or pain after a small fall or lift, with fragile bones or long-term steroids"),
        new(RedFlagIds.UpperBackPain, RedFlagTier.SeeDoctorSoon,
            "Is the pain mainly high up, between your shoulder blades, rather than in your lower back?",
            "pain mainly between your shoulder blades"),
        new(RedFlagIds.NotImproving, RedFlagTier.SeeDoctorSoon,
            "Has the pain been going on for 4 to 6 weeks or more without getting better, or has it been getting steadily worse?",
            "pain that is no better, or steadily worse, after 4 to 6 weeks",
            AskedAtCheckIn: false),
        new(RedFlagIds.RecentSpinalProcedure, RedFlagTier.SeeDoctorSoon,
            "Have you recently had an operation or an injection in your back, or do you have a wound near your spine?",
            "a recent back operation or injection, or a wound near your spine"),
        new(RedFlagIds.LumpOrChangedShape, RedFlagTier.SeeDoctorSoon,
            "Is there a lump or swelling on your back, or has the shape of your back changed?",
            "a lump or swelling on your back, or a change in its shape"),
        new(RedFlagIds.WorseCoughingOrSneezing, RedFlagTier.SeeDoctorSoon,
            "Is the pain made worse when you cough, sneeze or go for a poo?",
            "pain made worse by coughing, sneezing or going for a poo"),
    ];

    private static readonly Dictionary<string, RedFlagQuestion> ById = Questions.ToDictionary(q => q.Id, StringComparer.Ordinal);

    /// <summary>Every question: emergency ones first, then see-a-doctor ones.</summary>
    public static IReadOnlyList<RedFlagQuestion> All { get; } = Array.AsReadOnly(Questions);

    /// <summary>The questions whose yes means emergency care now.</summary>
    public static IReadOnlyList<RedFlagQuestion> Emergency { get; } =
        Questions.Where(q => q.Tier == RedFlagTier.Emergency).ToList().AsReadOnly();

    /// <summary>The questions whose yes means an urgent doctor's appointment.</summary>
    public static IReadOnlyList<RedFlagQuestion> SeeDoctorSoon { get; } =
        Questions.Where(q => q.Tier == RedFlagTier.SeeDoctorSoon).ToList().AsReadOnly();

    /// <summary>The questions a check-in asks: every sign that can start between check-ins, emergency ones first.</summary>
    public static IReadOnlyList<RedFlagQuestion> AtCheckIn { get; } =
        Questions.Where(q => q.AskedAtCheckIn).ToList().AsReadOnly();

    /// <summary>True when the id is one of the questions (use it to reject tampered card data).</summary>
    public static bool IsKnown(string? id) => id is not null && ById.ContainsKey(id);

    /// <summary>Looks a question up by id.</summary>
    public static bool TryGet(string? id, [NotNullWhen(true)] out RedFlagQuestion? question)
    {
        question = null;
        return id is not null && ById.TryGetValue(id, out question);
    }

    /// <summary>The question with this id.</summary>
    /// <exception cref="KeyNotFoundException">No such question.</exception>
    public static RedFlagQuestion Get(string id) =>
        ById.TryGetValue(id, out var question) ? question : throw new KeyNotFoundException($"No red-flag question with id '{id}'.");
}
