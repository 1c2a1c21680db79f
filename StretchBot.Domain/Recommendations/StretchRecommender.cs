using StretchBot.Domain.Catalog;
using StretchBot.Domain.RedFlags;
using StretchBot.Domain.Triage;

namespace StretchBot.Domain.Recommendations;

/// <summary>
/// Picks 1 to 3 stretches that fit the triage answers, best fit first, never breaking <see cref="PlanRules"/>.
/// Deterministic: the same answers always give the same plan. Thread-safe; register as a singleton.
/// </summary>
public sealed class StretchRecommender
{
    /// <summary>Most stretches in a plan.</summary>
    public const int MaxStretches = 3;

    /// <summary>Most stretches in a plan when pain is severe (8-10).</summary>
    public const int MaxStretchesWhenSevere = 2;

    /// <summary>Shown when no stretch suits the answers.</summary>
    public const string NothingSuitableReason =
        "From what you've told me, none of the stretches I know would be safe and suitable for you right now. " +
        "Please ask a doctor or physiotherapist which exercises are right for you.";

    /// <summary>Shown when only gentle stretches may be picked and none suits.</summary>
    public const string NothingGentleReason =
        "With pain like yours right now I would only suggest the gentlest stretches, and none of those suits what you've told me. " +
        "Please ask a doctor or physiotherapist which exercises are right for you.";

    /// <summary>Shown when the user has not confirmed a clinician said gentle stretching is fine.</summary>
    public const string NoConsentReason =
        "I can only suggest stretches once a doctor or physiotherapist has told you gentle stretching is OK for your back. " +
        "Please check with them first.";

    private readonly StretchCatalog _catalog;

    /// <summary>A recommender over the embedded catalog.</summary>
    public StretchRecommender()
        : this(StretchCatalog.LoadEmbedded())
    {
    }

    /// <summary>A recommender over the given catalog.</summary>
    public StretchRecommender(StretchCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        _catalog = catalog;
    }

    /// <summary>The catalog the recommender picks from.</summary>
    public StretchCatalog Catalog => _catalog;

    /// <summary>
    /// The red-flag outcome of these answers, counting pain down both legs as the both-legs red flag unless the user
    /// said it is long-standing (not new or getting worse in about the last two weeks).
    /// </summary>
    public static RedFlagOutcome AssessRedFlags(TriageAnswers answers) => RedFlagRules.Assess(RedFlagSigns(answers));

    /// <summary>Every warning sign these answers give: those answered yes, new pain down both legs, and the implied ones.</summary>
    public static IReadOnlyList<string> RedFlagSigns(TriageAnswers answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var yes = answers.RedFlagYesIds().ToList();
        if (answers.Location == PainLocation.BothLegs && answers.BothLegsNewOrWorse != false)
        {
            yes.Add(RedFlagIds.BothLegs);
        }

        yes.AddRange(ImpliedRedFlags(answers));
        return yes.Distinct().ToList();
    }

    /// <summary>
    /// Red flags the symptom answers imply even when the question itself was answered no: pain for less than six
    /// weeks (new pain) at an age under 20 or over 50 is the "new back pain under 20 or over 50" flag.
    /// </summary>
    public static IReadOnlyList<string> ImpliedRedFlags(TriageAnswers answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var newPain = answers.Duration == PainDuration.UnderSixWeeks;
        var ageAtRisk = answers.AgeBand is AgeBand.Under20 or AgeBand.From51To65 or AgeBand.Over65;
        return newPain && ageAtRisk ? [RedFlagIds.AgeAtOnset] : [];
    }

    /// <summary>
    /// The plan for these answers, or no plan with the reason. Stretches in <paramref name="excludedIds"/> (those the
    /// user has found worse) and their near-identical twins are never picked.
    /// </summary>
    public Recommendation Recommend(TriageAnswers answers, IEnumerable<string>? excludedIds = null)
    {
        ArgumentNullException.ThrowIfNull(answers);
        switch (AssessRedFlags(answers))
        {
            case RedFlagOutcome.Emergency:
                return NoPlan(RecommendationStatus.Emergency, RedFlagRules.EmergencyAdvice);
            case RedFlagOutcome.SeeDoctorSoon when answers.ClinicianClearedRedFlags != true:
                return NoPlan(RecommendationStatus.SeeDoctorSoon, RedFlagRules.SeeDoctorSoonAdvice);
        }

        if (answers.ConsentConfirmed != true)
        {
            return NoPlan(RecommendationStatus.NoConsent, NoConsentReason);
        }

        var severe = PlanRules.IsSevere(answers.PainNow);
        var gentle = PlanRules.GentleOnly(answers);
        var candidates = Candidates(answers, excludedIds ?? []);
        var plan = Pick(candidates, [], severe ? MaxStretchesWhenSevere : MaxStretches);
        if (plan.Count == 0)
        {
            return NoPlan(RecommendationStatus.NothingSuitable, gentle ? NothingGentleReason : NothingSuitableReason);
        }

        return new Recommendation(
            RecommendationStatus.Plan,
            plan.Select(f => f.ToRecommended()).ToList().AsReadOnly(),
            _catalog.GeneralRules.Select(r => r.Text).ToList().AsReadOnly(),
            AdviceFor(answers).AsReadOnly(),
            gentle,
            null);
    }

    /// <summary>
    /// The best remaining stretch for this user that is not in <paramref name="planIds"/>, not in
    /// <paramref name="excludedIds"/> (e.g. stretches found worse before), allowed for the user and able to join
    /// the plan (no opposite direction, no near-duplicate, no second leg-muscle stretch unless the plan holds nothing else).
    /// Null when there is none. Unknown ids are ignored.
    /// </summary>
    public RecommendedStretch? BestReplacement(TriageAnswers answers, IEnumerable<string> planIds, IEnumerable<string> excludedIds)
    {
        ArgumentNullException.ThrowIfNull(answers);
        ArgumentNullException.ThrowIfNull(planIds);
        ArgumentNullException.ThrowIfNull(excludedIds);
        var plan = planIds.Select(id => _catalog.TryGet(id, out var s) ? s : null).OfType<Stretch>().ToList();
        var candidates = Candidates(answers, excludedIds);
        var picked = Pick(candidates, plan, plan.Count + 1);
        return picked.Count == 0 ? null : picked[0].ToRecommended();
    }

    /// <summary>
    /// Allowed stretches with a positive fit, best first (ties in catalog order), leaving out the excluded ones and
    /// their near-identical twins; with severe pain or a cleared warning sign only the gentle ones that need no floor,
    /// for plans and swaps alike (none rather than a stronger one).
    /// </summary>
    private List<StretchFit> Candidates(TriageAnswers answers, IEnumerable<string> excludedIds)
    {
        var excluded = excludedIds.Select(id => _catalog.TryGet(id, out var s) ? s : null).OfType<Stretch>().ToList();
        var gentleOnly = PlanRules.GentleOnly(answers);
        return _catalog.Stretches
            .Select((stretch, index) => (stretch, index))
            .Where(s => PlanRules.IsAllowed(s.stretch, answers))
            .Where(s => !gentleOnly || PlanRules.IsGentle(s.stretch))
            .Where(s => !excluded.Any(x => x.Id == s.stretch.Id || PlanRules.AreSimilar(x, s.stretch)))
            .Select(s => FitScorer.Score(s.stretch, s.index, answers))
            .Where(f => f.Score > 0)
            .OrderByDescending(f => f.Score)
            .ThenBy(f => f.CatalogIndex)
            .ToList();
    }

    /// <summary>
    /// Greedily adds candidates to <paramref name="existing"/> until the plan holds <paramref name="size"/>.
    /// A second leg-muscle stretch is only considered when nothing but leg-muscle stretches fits. Returns only the added ones.
    /// </summary>
    private static List<StretchFit> Pick(List<StretchFit> candidates, List<Stretch> existing, int size)
    {
        var plan = new List<Stretch>(existing);
        var added = new List<StretchFit>();
        foreach (var allowSecondLegMuscle in new[] { false, true })
        {
            if (allowSecondLegMuscle && plan.Any(s => !s.IsLegMuscleStretch))
            {
                // Something other than a leg-muscle stretch fits, so one leg-muscle stretch is enough.
                break;
            }

            foreach (var candidate in candidates)
            {
                if (plan.Count >= size)
                {
                    return added;
                }

                if (PlanRules.CanJoin(candidate.Stretch, plan, allowSecondLegMuscle))
                {
                    plan.Add(candidate.Stretch);
                    added.Add(candidate);
                }
            }
        }

        return added;
    }

    private List<string> AdviceFor(TriageAnswers answers) =>
        _catalog.Advice
            .Where(item => item.AppliesWhen.Any(trigger => Applies(trigger, answers)))
            .Select(item => item.Text)
            .ToList();

    private static bool Applies(AdviceTrigger trigger, TriageAnswers answers) => trigger switch
    {
        AdviceTrigger.Always => true,
        AdviceTrigger.SpinalStenosis => answers.HasDiagnosis(Diagnosis.SpinalStenosis),
        AdviceTrigger.WorseStandingOrWalking => answers.WorseWith is WorseWith.LeaningBackStandingOrWalking,
        AdviceTrigger.SeverePain => PlanRules.IsSevere(answers.PainNow),
        AdviceTrigger.LongLasting => answers.Duration == PainDuration.OverTwelveWeeks,
        AdviceTrigger.BothLegsLongStanding => answers.Location == PainLocation.BothLegs && answers.BothLegsNewOrWorse == false,
        _ => false,
    };

    private static Recommendation NoPlan(RecommendationStatus status, string reason) =>
        new(status, [], [], [], false, reason);
}
