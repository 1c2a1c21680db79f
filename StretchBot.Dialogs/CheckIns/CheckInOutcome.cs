using StretchBot.Domain.Swaps;
using StretchBot.Dialogs.State;

namespace StretchBot.Dialogs.CheckIns;

/// <summary>
/// What a check-in's answers do to the user's plan: the swap rule run on the plan's own answers (plus any warning
/// sign or clearance reported now), the pain history kept, what was found worse remembered, and the plan's stretches
/// updated. No turn is needed: tests run it on a profile alone.
/// </summary>
public sealed class CheckInOutcome
{
    private readonly SwapRule _swapRule;

    public CheckInOutcome(SwapRule swapRule)
    {
        _swapRule = swapRule ?? throw new ArgumentNullException(nameof(swapRule));
    }

    /// <summary>Applies <paramref name="answers"/> to <paramref name="profile"/>'s current plan and returns the rule's result.</summary>
    public SwapResult Apply(UserProfile profile, CheckInAnswers answers)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(answers);
        var plan = profile.CurrentPlan ?? throw new InvalidOperationException("A check-in needs a plan.");
        foreach (var id in answers.RedFlagsYes)
        {
            profile.Answers.RedFlagAnswers[id] = true;
        }

        // Swaps follow the answers this plan was made from (a later, unfinished "start over" has emptied
        // profile.Answers), plus whatever was reported now.
        var planAnswers = (plan.Answers ?? profile.Answers).Clone();
        foreach (var id in answers.RedFlagsYes)
        {
            planAnswers.RedFlagAnswers[id] = true;
        }

        if (answers.ClinicianCleared)
        {
            planAnswers.ClinicianClearedRedFlags = true;
        }

        var painNow = answers.Pain ?? plan.PainAtStart;
        var result = _swapRule.Apply(new CheckInInput
        {
            Answers = planAnswers,
            CurrentPlan = plan.StretchIds.ToList(),
            Feedback = answers.Feedback,
            PainAtStart = plan.PainAtStart,
            PainNow = painNow,
            PainAtEarlierCheckIns = plan.PainAtCheckIns,
            RedFlagYesIds = answers.ClinicianCleared ? answers.RedFlagsYes.Where(IsEmergency).ToList() : answers.RedFlagsYes,
            FoundWorseBefore = profile.FoundWorse,
            PreviousFeedback = profile.LastFeedback,
            Changes = answers.Changes,
        });

        profile.FoundWorse = result.FoundWorse.ToList();
        profile.LastFeedback = new Dictionary<string, Feedback>(answers.Feedback);
        profile.Answers.PainNow = answers.Pain ?? profile.Answers.PainNow;
        if (answers.ClinicianCleared)
        {
            plan.Answers = planAnswers;
        }

        plan.RecordCheckInPain(painNow);
        UpdateStretches(plan, result);
        return result;
    }

    /// <summary>Takes an offered swap: the alternative joins the plan in the place of the stretch it replaces.</summary>
    public static void TakeOffer(StretchPlan plan, OfferedSwap offer)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(offer);
        var index = plan.Stretches.FindIndex(s => s.StretchId == offer.CurrentId);
        if (index < 0 || plan.Stretches.Any(s => s.StretchId == offer.Alternative.Stretch.Id))
        {
            return;
        }

        plan.Stretches[index] = new PlannedStretch { StretchId = offer.Alternative.Stretch.Id, Reason = offer.Alternative.Reason };
    }

    private static bool IsEmergency(string id)
        => Domain.RedFlags.RedFlagCatalog.TryGet(id, out var question) && question.Tier == Domain.RedFlags.RedFlagTier.Emergency;

    private static void UpdateStretches(StretchPlan plan, SwapResult result)
    {
        if (result.NoPlan)
        {
            return;
        }

        var reasons = plan.Stretches.ToDictionary(s => s.StretchId, s => s.Reason);
        foreach (var replacement in result.Replacements)
        {
            reasons[replacement.New.Stretch.Id] = replacement.New.Reason;
        }

        plan.Stretches = result.NewPlan.Select(id => new PlannedStretch { StretchId = id, Reason = reasons.GetValueOrDefault(id, string.Empty) }).ToList();
    }
}
