using StretchBot.Domain.Catalog;
using StretchBot.Domain.Recommendations;
using StretchBot.Domain.RedFlags;

namespace StretchBot.Domain.Swaps;

/// <summary>
/// The check-in rule: keep what helped or made no difference; replace what made things worse with the best
/// remaining stretch (never one found worse before, nor a near-identical twin of one; only a gentle one when pain is
/// severe); offer a swap for a stretch rated "same" twice in a row; advise a clinician when pain rose by a change that
/// matters since the start or the last check-in, when severe pain has not improved over two check-ins, when leg
/// symptoms spread, when 2 or more stretches were worse, or on any red flag (then no plan).
/// Thread-safe; register as a singleton.
/// </summary>
public sealed class SwapRule
{
    /// <summary>This many stretches rated worse at one check-in means the user should see a clinician.</summary>
    public const int WorseStretchesForClinician = 2;

    public const string PainRoseAdvice =
        "Your pain is clearly higher than when you started. Please see a doctor or physiotherapist about it soon.";

    public const string PainRoseSinceLastAdvice =
        "Your pain is clearly higher than at your last check-in. Please see a doctor or physiotherapist about it soon.";

    public const string PainSevereNotImprovingAdvice =
        "Your pain is still severe and has not improved over the last two check-ins. Please see a doctor or physiotherapist about it soon.";

    public const string NoGentleSwapAdvice =
        "With pain this bad I would only swap in a gentle stretch, and there is none left that suits you, so I haven't added another. " +
        "Please ask a doctor or physiotherapist what to try next.";

    public const string SeveralWorseAdvice =
        "More than one stretch made things worse. Please see a doctor or physiotherapist before carrying on, and stop any stretch that hurts.";

    public const string SymptomsSpreadAdvice =
        "You said your leg symptoms have spread further or changed (further down the leg, or new numbness, tingling or weakness). " +
        "Please stop any stretch that brings this on and see a doctor or physiotherapist soon. If it reaches both legs, or you " +
        "notice numbness around your bottom or changes in your bladder or bowels, call your emergency number.";

    public const string CloserToBackNews =
        "You said your leg symptoms have moved back towards your back. That is usually a good sign, so keep going gently.";

    public const string NothingLeftAdvice =
        "I have no other stretch left that suits you, so please ask a doctor or physiotherapist what to try next.";

    private readonly StretchRecommender _recommender;

    public SwapRule(StretchRecommender recommender)
    {
        ArgumentNullException.ThrowIfNull(recommender);
        _recommender = recommender;
    }

    /// <summary>Applies the rule to one check-in.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A pain score outside 0-10.</exception>
    public SwapResult Apply(CheckInInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(input.Answers);
        ArgumentNullException.ThrowIfNull(input.CurrentPlan);
        ArgumentNullException.ThrowIfNull(input.Feedback);
        ArgumentNullException.ThrowIfNull(input.PreviousFeedback);
        ArgumentNullException.ThrowIfNull(input.RedFlagYesIds);
        ArgumentNullException.ThrowIfNull(input.FoundWorseBefore);
        ArgumentOutOfRangeException.ThrowIfLessThan(input.PainAtStart, 0, nameof(input.PainAtStart));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(input.PainAtStart, 10, nameof(input.PainAtStart));
        ArgumentOutOfRangeException.ThrowIfLessThan(input.PainNow, 0, nameof(input.PainNow));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(input.PainNow, 10, nameof(input.PainNow));

        // Rank replacements with today's pain, so severe pain favours the gentler stretches.
        var answers = input.Answers.Clone();
        answers.PainNow = input.PainNow;
        var catalog = _recommender.Catalog;
        var plan = input.CurrentPlan.Where(id => catalog.TryGet(id, out _)).Distinct(StringComparer.Ordinal).ToList();
        var worse = plan.Where(id => FeedbackFor(input.Feedback, id) == Feedback.Worse).ToList();
        var foundWorse = input.FoundWorseBefore.Concat(worse).Distinct(StringComparer.Ordinal).ToList();
        var kept = plan.Except(worse, StringComparer.Ordinal).ToList();

        var reasons = new List<ClinicianAdviceReason>();
        var advice = new List<string>();
        AddPainAdvice(input, reasons, advice);

        if (worse.Count >= WorseStretchesForClinician)
        {
            reasons.Add(ClinicianAdviceReason.SeveralWorse);
            advice.Add(SeveralWorseAdvice);
        }

        if (input.Changes.Any(c => c is SymptomChange.FurtherDownLeg or SymptomChange.NewNumbnessOrTingling or SymptomChange.NewWeakness))
        {
            reasons.Add(ClinicianAdviceReason.SymptomsSpread);
            advice.Add(SymptomsSpreadAdvice);
        }
        else if (input.Changes.Contains(SymptomChange.CloserToBack))
        {
            advice.Add(CloserToBackNews);
        }

        // Symptoms now in both legs are the emergency sign itself.
        var redFlagIds = input.Changes.Contains(SymptomChange.BothLegs) ? input.RedFlagYesIds.Append(RedFlagIds.BothLegs).ToList() : input.RedFlagYesIds;
        var redFlag = RedFlagRules.Assess(redFlagIds);
        if (redFlag != RedFlagOutcome.None)
        {
            reasons.Add(ClinicianAdviceReason.RedFlag);
            advice.Add(RedFlagRules.AdviceFor(redFlag)!);
            return new SwapResult([], [], [], [], reasons, advice, redFlag, NoPlan: true, [], foundWorse);
        }

        // Never offer anything in the plan now, anything found worse (or a near-identical twin of it),
        // or anything already picked at this check-in.
        var unavailable = new HashSet<string>(plan.Concat(foundWorse), StringComparer.Ordinal);
        foreach (var id in foundWorse)
        {
            if (catalog.TryGet(id, out var worseStretch))
            {
                unavailable.UnionWith(worseStretch.SimilarTo);
            }
        }

        var newPlan = new List<string>(kept);
        var replacements = new List<Replacement>();
        var dropped = new List<string>();
        var placed = plan.ToDictionary(id => id, id => (string?)id, StringComparer.Ordinal);
        foreach (var oldId in worse)
        {
            var best = _recommender.BestReplacement(answers, newPlan, unavailable);
            if (best is null)
            {
                dropped.Add(oldId);
                placed[oldId] = null;
                if (PlanRules.GentleOnly(answers) && !reasons.Contains(ClinicianAdviceReason.NoGentleSwapLeft))
                {
                    reasons.Add(ClinicianAdviceReason.NoGentleSwapLeft);
                    advice.Add(NoGentleSwapAdvice);
                }

                continue;
            }

            var oldName = catalog.Get(oldId).Name;
            var replacement = best with { Reason = $"It replaces {oldName}, which made things worse. {best.Reason}" };
            replacements.Add(new Replacement(oldId, replacement));
            newPlan.Add(best.Stretch.Id);
            unavailable.Add(best.Stretch.Id);
            placed[oldId] = best.Stretch.Id;
        }

        var offered = new List<OfferedSwap>();
        foreach (var id in kept)
        {
            if (FeedbackFor(input.Feedback, id) != Feedback.Same || FeedbackFor(input.PreviousFeedback, id) != Feedback.Same)
            {
                continue;
            }

            var others = newPlan.Where(p => p != id);
            var alternative = _recommender.BestReplacement(answers, others, unavailable);
            if (alternative is not null)
            {
                var name = catalog.Get(id).Name;
                offered.Add(new OfferedSwap(
                    id,
                    alternative with { Reason = $"{name} has made no difference for two check-ins, so you could try this instead. {alternative.Reason}" }));
                unavailable.Add(alternative.Stretch.Id);
            }
        }

        // Replacements take the place of the stretch they replace; dropped ones leave a gap that closes.
        var ordered = plan.Select(id => placed[id]).OfType<string>().ToList();
        if (ordered.Count == 0)
        {
            reasons.Add(ClinicianAdviceReason.NothingLeft);
            advice.Add(NothingLeftAdvice);
        }

        return new SwapResult(
            kept, replacements, dropped, offered, reasons, advice, redFlag, NoPlan: ordered.Count == 0, ordered, foundWorse);
    }

    // Pain against the start, the last check-in, and (when severe) two check-ins back.
    private static void AddPainAdvice(CheckInInput input, List<ClinicianAdviceReason> reasons, List<string> advice)
    {
        foreach (var earlier in input.PainAtEarlierCheckIns)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(earlier, 0, nameof(input.PainAtEarlierCheckIns));
            ArgumentOutOfRangeException.ThrowIfGreaterThan(earlier, 10, nameof(input.PainAtEarlierCheckIns));
        }

        foreach (var signal in PainTrend.Assess(input.PainAtStart, input.PainAtEarlierCheckIns, input.PainNow))
        {
            var (reason, words) = signal switch
            {
                PainSignal.RoseSinceStart => (ClinicianAdviceReason.PainRose, PainRoseAdvice),
                PainSignal.RoseSinceLastCheckIn => (ClinicianAdviceReason.PainRoseSinceLastCheckIn, PainRoseSinceLastAdvice),
                _ => (ClinicianAdviceReason.PainSevereNotImproving, PainSevereNotImprovingAdvice),
            };
            reasons.Add(reason);
            advice.Add(words);
        }

        // One line is enough when pain rose against both the start and the last check-in.
        if (reasons.Contains(ClinicianAdviceReason.PainRose) && reasons.Contains(ClinicianAdviceReason.PainRoseSinceLastCheckIn))
        {
            advice.Remove(PainRoseSinceLastAdvice);
        }
    }

    private static Feedback FeedbackFor(IReadOnlyDictionary<string, Feedback> feedback, string id) =>
        feedback.TryGetValue(id, out var value) ? value : Feedback.DidNotTry;
}
