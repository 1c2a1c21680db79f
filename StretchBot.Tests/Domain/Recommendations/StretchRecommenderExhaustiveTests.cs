using StretchBot.Domain.Catalog;
using StretchBot.Domain.Recommendations;
using StretchBot.Domain.RedFlags;
using StretchBot.Domain.Triage;

namespace StretchBot.Tests.Domain.Recommendations;

/// <summary>
/// Runs the recommender over every combination of triage answers and checks the safety rules on each plan.
/// </summary>
/// <remarks>
/// Covering set: the full product of what to avoid, where (with pain down both legs new or worse, long-standing, or
/// not yet asked), every subset of the seven diagnoses (plus "none or don't know" and unanswered), the floor, sitting
/// and running questions (each yes / no / unanswered), three pain classes: unanswered, 7 (the highest moderate score)
/// and 8 (the lowest severe score) - the recommender only distinguishes pain below 8 from pain of 8 or more, and the
/// pain threshold itself is tested in PlanRulesTests - and whether a clinician has cleared a warning sign. Age band,
/// duration and what eases the pain, which only add a bonus or a line of advice, are cycled through the combinations.
/// 5 x 8 x 130 x 3 x 3 x 3 x 3 x 2 = 842,400 combinations. The rules checked here are written from
/// docs/clinical-rules.md, independently of the recommender's code.
/// </remarks>
public class StretchRecommenderExhaustiveTests
{
    private static readonly StretchCatalog Catalog = StretchCatalog.LoadEmbedded();
    private static readonly StretchRecommender Recommender = new(Catalog);

    private static readonly Diagnosis[] RealDiagnoses = Enum.GetValues<Diagnosis>().Where(d => d != Diagnosis.NoneOrDontKnow).ToArray();

    [Fact]
    public void NoPlanForAnyCombinationOfAnswersBreaksASafetyRule()
    {
        var failures = new List<string>();
        var count = 0;
        foreach (var answers in AllAnswers())
        {
            count++;
            var plan = Recommender.Recommend(answers);
            foreach (var problem in Problems(answers, plan))
            {
                if (failures.Count < 20)
                {
                    failures.Add($"{Describe(answers)} -> [{string.Join(", ", plan.Stretches.Select(s => s.Stretch.Id))}]: {problem}");
                }
            }

            var again = Recommender.Recommend(answers.Clone());
            if (!again.Stretches.Select(s => (s.Stretch.Id, s.Reason)).SequenceEqual(plan.Stretches.Select(s => (s.Stretch.Id, s.Reason)))
                || !again.Advice.SequenceEqual(plan.Advice) || again.Status != plan.Status)
            {
                failures.Add($"{Describe(answers)}: not deterministic");
            }
        }

        Assert.Equal(5 * 8 * 130 * 3 * 3 * 3 * 3 * 2, count);
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public void EveryRedFlagYesStopsThePlanWhateverTheOtherAnswers()
    {
        var failures = new List<string>();
        var index = 0;
        foreach (var answers in AllAnswers())
        {
            // Every 37th combination: a spread across all answers, times every red-flag question.
            if (index++ % 37 != 0)
            {
                continue;
            }

            foreach (var question in RedFlagCatalog.All)
            {
                var flagged = answers.Clone();
                flagged.RedFlagAnswers[question.Id] = true;
                var plan = Recommender.Recommend(flagged);
                // Pain in both legs that is new or worse is itself an emergency sign, so it outranks a see-a-doctor flag;
                // a see-a-doctor flag a clinician has cleared allows a plan, a gentle one.
                var emergency = question.Tier == RedFlagTier.Emergency || (answers.Location == PainLocation.BothLegs && answers.BothLegsNewOrWorse != false);
                if (!emergency && answers.ClinicianClearedRedFlags == true)
                {
                    if (plan.Status == RecommendationStatus.Plan && !plan.IsGentlePlan)
                    {
                        failures.Add($"{question.Id} cleared + {Describe(answers)} -> a plan that is not gentle");
                    }

                    continue;
                }

                var expected = emergency ? RecommendationStatus.Emergency : RecommendationStatus.SeeDoctorSoon;
                if (plan.Status != expected || plan.Stretches.Count != 0 || string.IsNullOrWhiteSpace(plan.NoPlanReason))
                {
                    failures.Add($"{question.Id} + {Describe(answers)} -> {plan.Status} with {plan.Stretches.Count} stretches");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures.Take(20)));
    }

    private static IEnumerable<string> Problems(TriageAnswers answers, Recommendation plan)
    {
        var stretches = plan.Stretches.Select(s => s.Stretch).ToList();
        var severe = answers.PainNow >= 8;
        var gentleOnly = severe || answers.ClinicianClearedRedFlags == true;
        var bothLegsEmergency = answers.Location == PainLocation.BothLegs && answers.BothLegsNewOrWorse != false;

        if (plan.Status != RecommendationStatus.Plan)
        {
            if (stretches.Count != 0)
            {
                yield return "stretches without a plan";
            }

            if (string.IsNullOrWhiteSpace(plan.NoPlanReason))
            {
                yield return "no plan and no reason";
            }

            // The only reasons a consented user without red flags gets no plan are pain in both legs and new pain
            // at an age under 20 or over 50 (a red flag the answers imply), not yet cleared by a clinician.
            var impliedFlag = StretchRecommender.ImpliedRedFlags(answers).Count > 0 && answers.ClinicianClearedRedFlags != true;
            if (impliedFlag && plan.Status is not (RecommendationStatus.SeeDoctorSoon or RecommendationStatus.Emergency))
            {
                yield return $"no plan ({plan.Status}) although the answers imply a see-a-doctor red flag";
            }

            if (!bothLegsEmergency && !impliedFlag)
            {
                yield return $"no plan ({plan.Status}) although the standing side bend suits everyone";
            }

            yield break;
        }

        if (bothLegsEmergency)
        {
            yield return "a plan despite new or worsening pain in both legs";
        }

        if (stretches.Count < 1 || stretches.Count > (severe ? 2 : 3))
        {
            yield return $"{stretches.Count} stretches";
        }

        if (plan.IsGentlePlan != gentleOnly)
        {
            yield return "gentle-plan flag does not match the pain and the clearance";
        }

        if (gentleOnly && stretches.Any(s => !s.Gentle || s.NeedsFloor))
        {
            yield return "a strenuous or floor stretch in a gentle plan";
        }

        foreach (var problem in DiagnosisProblems(answers, plan))
        {
            yield return problem;
        }

        if (stretches.Select(s => s.Id).Distinct().Count() != stretches.Count)
        {
            yield return "a stretch twice";
        }

        foreach (var stretch in stretches)
        {
            var avoided = stretch.AvoidIf.Where(d => answers.Diagnoses?.Contains(d) == true).ToList();
            if (avoided.Count > 0)
            {
                yield return $"{stretch.Id} breaks avoid-if {string.Join(",", avoided)}";
            }

            if (stretch.NeedsFloor && answers.CanGetToFloor != true)
            {
                yield return $"{stretch.Id} needs the floor";
            }

            if (answers.WorseWith is WorseWith.BendingForwardOrSitting or WorseWith.Both && stretch.Direction == MovementDirection.Flexion)
            {
                yield return $"{stretch.Id} bends forward although that makes it worse";
            }

            if (answers.WorseWith is WorseWith.LeaningBackStandingOrWalking or WorseWith.Both && stretch.Direction == MovementDirection.Extension)
            {
                yield return $"{stretch.Id} bends backward although that makes it worse";
            }

            var reason = plan.Stretches.Single(s => s.Stretch == stretch).Reason;
            if (stretch.CautionIf.Any(d => answers.Diagnoses?.Contains(d) == true)
                && !reason.Contains("hip replacement") && !reason.Contains("disc problem") && !reason.Contains("facet joint"))
            {
                yield return $"{stretch.Id} has a caution for this user but the reason does not say so";
            }

            if (stretch.Id == StretchIds.SeatedSciaticNerveFloss && answers.Location is not (PainLocation.DownOneLeg or PainLocation.BothLegs))
            {
                yield return "nerve flossing without leg symptoms";
            }

            if (stretch.Id == StretchIds.CatCow && answers.WorseWith == WorseWith.Both && !reason.Contains("keep the movement small"))
            {
                yield return "cat-cow when both directions hurt, without a caution";
            }
        }

        if (stretches.Any(s => s.Direction == MovementDirection.Extension) && stretches.Any(s => s.Direction == MovementDirection.Flexion))
        {
            yield return "extension and flexion in one plan";
        }

        // The nerve floss is always allowed, so a second leg-muscle stretch is never the only thing left.
        if (stretches.Count(s => s.IsLegMuscleStretch) > 1)
        {
            yield return "more than one leg-muscle stretch";
        }

        if (stretches.Any(s => s.Id == StretchIds.Cobra) && stretches.Any(s => s.Id == StretchIds.StandingExtension))
        {
            yield return "cobra and standing extension together";
        }

        if (plan.Stretches.Any(s => string.IsNullOrWhiteSpace(s.Reason)))
        {
            yield return "a stretch without a reason";
        }

        if (plan.Rules.Count == 0)
        {
            yield return "a plan without the general rules";
        }
    }

    // Osteoporosis: nothing that bends the lower back forward under load (knee hugs, seated flexion, and the buttock
    // stretches, which pull the same way); a hip replacement: no buttock stretch, and knee hugs only with a caution;
    // a facet joint problem: extension only with a caution.
    private static IEnumerable<string> DiagnosisProblems(TriageAnswers answers, Recommendation plan)
    {
        string[] flexionLoaded = [StretchIds.KneeHugs, StretchIds.SeatedFlexion, StretchIds.GlutealStretch, StretchIds.PiriformisStretch];
        string[] buttock = [StretchIds.GlutealStretch, StretchIds.PiriformisStretch];
        foreach (var picked in plan.Stretches)
        {
            var id = picked.Stretch.Id;
            if (answers.HasDiagnosis(Diagnosis.Osteoporosis) && flexionLoaded.Contains(id))
            {
                yield return $"{id} loads the spine in flexion despite osteoporosis";
            }

            if (answers.HasDiagnosis(Diagnosis.HipReplacement) && buttock.Contains(id))
            {
                yield return $"{id} after a hip replacement";
            }

            if (answers.HasDiagnosis(Diagnosis.HipReplacement) && id == StretchIds.KneeHugs && !picked.Reason.Contains("hip replacement"))
            {
                yield return "knee hugs after a hip replacement without a caution";
            }

            if (answers.HasDiagnosis(Diagnosis.FacetJointProblem) && picked.Stretch.Direction == MovementDirection.Extension && !picked.Reason.Contains("facet joint"))
            {
                yield return $"{id} leans back with a facet joint problem, without a caution";
            }
        }
    }

    private static IEnumerable<TriageAnswers> AllAnswers()
    {
        var ages = new AgeBand?[] { null, AgeBand.Under20, AgeBand.From20To50, AgeBand.From51To65, AgeBand.Over65 };
        var durations = new PainDuration?[] { null, PainDuration.UnderSixWeeks, PainDuration.SixToTwelveWeeks, PainDuration.OverTwelveWeeks };
        var eased = new EasedBy?[] { null, EasedBy.BendingForwardOrSitting, EasedBy.LeaningBackStandingOrWalking, EasedBy.NeitherOrNotSure };
        var locations = WithUnanswered(Enum.GetValues<PainLocation>()).Where(l => l != PainLocation.BothLegs).Select(l => (l, (bool?)null))
            .Concat(YesNoUnanswered.Select(newOrWorse => ((PainLocation?)PainLocation.BothLegs, newOrWorse))).ToList();
        var index = 0;
        foreach (var worse in WithUnanswered(Enum.GetValues<WorseWith>()))
        foreach (var (location, bothLegsNewOrWorse) in locations)
        foreach (var diagnoses in DiagnosisAnswers())
        foreach (var floor in YesNoUnanswered)
        foreach (var sits in YesNoUnanswered)
        foreach (var runs in YesNoUnanswered)
        foreach (var pain in new int?[] { null, 7, 8 })
        foreach (var cleared in new bool?[] { null, true })
        {
            yield return new TriageAnswers
            {
                ConsentConfirmed = true,
                WorseWith = worse,
                EasedBy = eased[index / 20 % eased.Length],
                Location = location,
                BothLegsNewOrWorse = bothLegsNewOrWorse,
                ClinicianClearedRedFlags = cleared,
                Diagnoses = diagnoses,
                CanGetToFloor = floor,
                SitsForLongPeriods = sits,
                Runs = runs,
                PainNow = pain,
                AgeBand = ages[index % ages.Length],
                Duration = durations[index % durations.Length],
            };
            index++;
        }
    }

    private static readonly bool?[] YesNoUnanswered = [null, true, false];

    private static IEnumerable<T?> WithUnanswered<T>(IEnumerable<T> values)
        where T : struct => values.Select(v => (T?)v).Prepend(null);

    private static IEnumerable<List<Diagnosis>?> DiagnosisAnswers()
    {
        yield return null;
        yield return [Diagnosis.NoneOrDontKnow];
        for (var mask = 0; mask < 1 << RealDiagnoses.Length; mask++)
        {
            yield return RealDiagnoses.Where((_, bit) => (mask & (1 << bit)) != 0).ToList();
        }
    }

    private static string Describe(TriageAnswers a) =>
        $"worse={a.WorseWith} eased={a.EasedBy} where={a.Location}/{a.BothLegsNewOrWorse} cleared={a.ClinicianClearedRedFlags} dx=[{(a.Diagnoses is null ? "?" : string.Join(",", a.Diagnoses))}] floor={a.CanGetToFloor} sits={a.SitsForLongPeriods} runs={a.Runs} pain={a.PainNow} age={a.AgeBand}";
}
