using StretchBot.Dialogs.Domain.Catalog;
using StretchBot.Dialogs.Domain.Recommendations;
using StretchBot.Dialogs.Domain.RedFlags;
using StretchBot.Dialogs.Domain.Triage;

namespace StretchBot.Tests.Domain.Recommendations;

/// <summary>
/// Runs the recommender over every combination of triage answers and checks the safety rules on each plan.
/// </summary>
/// <remarks>
/// Covering set: the full product of what to avoid, where, every subset of the seven diagnoses (plus "none or
/// don't know" and unanswered), the floor, sitting and running questions (each yes / no / unanswered) and three
/// pain classes: unanswered, 7 (the highest moderate score) and 8 (the lowest severe score) - the recommender
/// only distinguishes pain below 8 from pain of 8 or more, and the pain threshold itself is tested in
/// PlanRulesTests. Age band and duration, which only add a small bonus or a line of advice, are cycled through
/// the combinations (5 and 4 values, co-prime, so each value meets every other answer many times).
/// 5 x 6 x 130 x 3 x 3 x 3 x 3 = 315,900 combinations.
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

        Assert.Equal(5 * 6 * 130 * 3 * 3 * 3 * 3, count);
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
                // Pain in both legs is itself an emergency sign, so it outranks a see-a-doctor flag.
                var expected = question.Tier == RedFlagTier.Emergency || answers.Location == PainLocation.BothLegs
                    ? RecommendationStatus.Emergency
                    : RecommendationStatus.SeeDoctorSoon;
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

            if (answers.Location != PainLocation.BothLegs && !impliedFlag)
            {
                yield return $"no plan ({plan.Status}) although the nerve floss suits everyone";
            }

            yield break;
        }

        if (answers.Location == PainLocation.BothLegs)
        {
            yield return "a plan despite pain in both legs";
        }

        if (stretches.Count < 1 || stretches.Count > (severe ? 2 : 3))
        {
            yield return $"{stretches.Count} stretches";
        }

        if (plan.IsGentlePlan != severe)
        {
            yield return "gentle-plan flag does not match the pain";
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

            if (stretch.CautionIf.Any(d => answers.Diagnoses?.Contains(d) == true)
                && !plan.Stretches.Single(s => s.Stretch == stretch).Reason.Contains("hip replacement")
                && !plan.Stretches.Single(s => s.Stretch == stretch).Reason.Contains("disc problem"))
            {
                yield return $"{stretch.Id} has a caution for this user but the reason does not say so";
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

        if (severe && stretches.Any(s => !s.Gentle))
        {
            yield return "a strenuous stretch in a gentle plan";
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

    private static IEnumerable<TriageAnswers> AllAnswers()
    {
        var ages = new AgeBand?[] { null, AgeBand.Under20, AgeBand.From20To50, AgeBand.From51To65, AgeBand.Over65 };
        var durations = new PainDuration?[] { null, PainDuration.UnderSixWeeks, PainDuration.SixToTwelveWeeks, PainDuration.OverTwelveWeeks };
        var index = 0;
        foreach (var worse in WithUnanswered(Enum.GetValues<WorseWith>()))
        foreach (var location in WithUnanswered(Enum.GetValues<PainLocation>()))
        foreach (var diagnoses in DiagnosisAnswers())
        foreach (var floor in YesNoUnanswered)
        foreach (var sits in YesNoUnanswered)
        foreach (var runs in YesNoUnanswered)
        foreach (var pain in new int?[] { null, 7, 8 })
        {
            yield return new TriageAnswers
            {
                ConsentConfirmed = true,
                WorseWith = worse,
                Location = location,
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
        $"worse={a.WorseWith} where={a.Location} dx=[{(a.Diagnoses is null ? "?" : string.Join(",", a.Diagnoses))}] floor={a.CanGetToFloor} sits={a.SitsForLongPeriods} runs={a.Runs} pain={a.PainNow} age={a.AgeBand}";
}
