namespace StretchBot.Domain.RedFlags;

/// <summary>Turns red-flag answers into an outcome and the advice to give.</summary>
public static class RedFlagRules
{
    /// <summary>What to tell someone with an emergency red flag.</summary>
    public const string EmergencyAdvice =
        "Please call your emergency number now (for example 999 in the UK, 911 in the US or 112 in Europe), " +
        "or go straight to an emergency department. These symptoms need checking by a doctor today. " +
        "Please don't do any stretches in the meantime.";

    /// <summary>What to tell someone with a see-a-doctor-soon red flag.</summary>
    public const string SeeDoctorSoonAdvice =
        "Please book an urgent appointment with your GP or doctor, today if you can, and tell them about this. " +
        "I won't suggest any stretches until a doctor or physio has checked you and said gentle exercise is fine. " +
        "If things get worse quickly, call your emergency number or go to an emergency department.";

    /// <summary>
    /// The most urgent tier among the questions answered yes. Ids that are not red-flag questions
    /// (for example from tampered card data) are ignored; check them with <see cref="RedFlagCatalog.IsKnown"/>.
    /// </summary>
    public static RedFlagOutcome Assess(IEnumerable<string> yesIds)
    {
        ArgumentNullException.ThrowIfNull(yesIds);
        var outcome = RedFlagOutcome.None;
        foreach (var id in yesIds)
        {
            if (!RedFlagCatalog.TryGet(id, out var question))
            {
                continue;
            }

            if (question.Tier == RedFlagTier.Emergency)
            {
                return RedFlagOutcome.Emergency;
            }

            outcome = RedFlagOutcome.SeeDoctorSoon;
        }

        return outcome;
    }

    /// <summary>The advice for an outcome, or null for <see cref="RedFlagOutcome.None"/>.</summary>
    public static string? AdviceFor(RedFlagOutcome outcome) => outcome switch
    {
        RedFlagOutcome.Emergency => EmergencyAdvice,
        RedFlagOutcome.SeeDoctorSoon => SeeDoctorSoonAdvice,
        _ => null,
    };
}
