using StretchBot.Domain.Catalog;
using StretchBot.Domain.Recommendations;
using StretchBot.Domain.RedFlags;
using StretchBot.Domain.Swaps;
using StretchBot.Domain.Triage;
using static StretchBot.Tests.TestSupport.TriageProfiles;

namespace StretchBot.Tests.Domain.Swaps;

public class SwapRuleTests
{
    private static readonly StretchRecommender Recommender = new();
    private static readonly SwapRule Rule = new(Recommender);

    // A disc bulge, worse bending forward, pain down one leg: the plan is cobra, nerve floss and side glide.
    private static TriageAnswers DiscUser() => Consented(
        worse: WorseWith.BendingForwardOrSitting,
        location: PainLocation.DownOneLeg,
        diagnoses: [Diagnosis.DiscBulgeOrProlapse]);

    private static readonly string[] DiscPlan = [StretchIds.Cobra, StretchIds.SeatedSciaticNerveFloss, StretchIds.McKenzieSideGlide];

    private static CheckInInput CheckIn(
        Dictionary<string, Feedback> feedback,
        int start = 6,
        int now = 5,
        TriageAnswers? answers = null,
        string[]? plan = null,
        string[]? foundWorseBefore = null,
        Dictionary<string, Feedback>? previous = null,
        string[]? redFlags = null,
        int[]? earlier = null) => new()
        {
            PainAtEarlierCheckIns = earlier ?? [],
            Answers = answers ?? DiscUser(),
            CurrentPlan = plan ?? DiscPlan,
            Feedback = feedback,
            PainAtStart = start,
            PainNow = now,
            FoundWorseBefore = foundWorseBefore ?? [],
            PreviousFeedback = previous ?? [],
            RedFlagYesIds = redFlags ?? [],
        };

    [Fact]
    public void TheDiscUsersPlanIsTheOneTheseTestsAssume()
    {
        Assert.Equal(DiscPlan, Recommender.Recommend(DiscUser()).Stretches.Select(s => s.Stretch.Id));
    }

    [Fact]
    public void BetterSameAndNotTriedAreAllKept()
    {
        var result = Rule.Apply(CheckIn(new()
        {
            [StretchIds.Cobra] = Feedback.Better,
            [StretchIds.SeatedSciaticNerveFloss] = Feedback.Same,
            [StretchIds.McKenzieSideGlide] = Feedback.DidNotTry,
        }));

        Assert.Equal(DiscPlan, result.Kept);
        Assert.Equal(DiscPlan, result.NewPlan);
        Assert.Empty(result.Replacements);
        Assert.Empty(result.OfferedSwaps);
        Assert.False(result.ShouldSeeClinician);
        Assert.False(result.NoPlan);
    }

    [Fact]
    public void AStretchWithNoFeedbackCountsAsNotTriedAndIsKept()
    {
        var result = Rule.Apply(CheckIn(new() { [StretchIds.Cobra] = Feedback.Better }));
        Assert.Equal(DiscPlan, result.NewPlan);
    }

    [Fact]
    public void AWorseStretchIsReplacedInItsPlaceByTheBestRemainingOne()
    {
        var result = Rule.Apply(CheckIn(new()
        {
            [StretchIds.Cobra] = Feedback.Worse,
            [StretchIds.SeatedSciaticNerveFloss] = Feedback.Better,
            [StretchIds.McKenzieSideGlide] = Feedback.Same,
        }));

        var replacement = Assert.Single(result.Replacements);
        Assert.Equal(StretchIds.Cobra, replacement.OldId);
        var expected = Recommender.BestReplacement(DiscUser(), [StretchIds.SeatedSciaticNerveFloss, StretchIds.McKenzieSideGlide], [StretchIds.Cobra, StretchIds.StandingExtension, .. DiscPlan]);
        Assert.Equal(expected!.Stretch.Id, replacement.New.Stretch.Id);
        Assert.Equal([replacement.New.Stretch.Id, StretchIds.SeatedSciaticNerveFloss, StretchIds.McKenzieSideGlide], result.NewPlan);
        Assert.StartsWith("It replaces Cobra, which made things worse.", replacement.New.Reason);
        Assert.Equal([StretchIds.SeatedSciaticNerveFloss, StretchIds.McKenzieSideGlide], result.Kept);
        Assert.Equal([StretchIds.Cobra], result.FoundWorse);
        Assert.False(result.ShouldSeeClinician);
    }

    [Fact]
    public void AWorseStretchIsNotSwappedForItsNearIdenticalTwin()
    {
        var result = Rule.Apply(CheckIn(new() { [StretchIds.Cobra] = Feedback.Worse }));
        Assert.DoesNotContain(StretchIds.StandingExtension, result.NewPlan);
    }

    [Fact]
    public void AStretchFoundWorseBeforeIsNeverBroughtBack()
    {
        var first = Rule.Apply(CheckIn(new() { [StretchIds.Cobra] = Feedback.Worse }));
        var firstNew = first.Replacements.Single().New.Stretch.Id;

        var second = Rule.Apply(CheckIn(new() { [StretchIds.Cobra] = Feedback.Worse }, foundWorseBefore: [firstNew]));

        var replacement = Assert.Single(second.Replacements);
        Assert.NotEqual(firstNew, replacement.New.Stretch.Id);
        Assert.Contains(firstNew, second.FoundWorse);
        Assert.Contains(StretchIds.Cobra, second.FoundWorse);
    }

    [Fact]
    public void AReplacementStillObeysTheAvoidIfRules()
    {
        var stenosis = Consented(worse: WorseWith.LeaningBackStandingOrWalking, diagnoses: [Diagnosis.SpinalStenosis, Diagnosis.Osteoporosis], floor: false);
        var plan = Recommender.Recommend(stenosis).Stretches.Select(s => s.Stretch.Id).ToArray();

        var result = Rule.Apply(CheckIn(plan.ToDictionary(id => id, _ => Feedback.Worse), answers: stenosis, plan: plan));

        Assert.All(result.Replacements, r => Assert.True(PlanRules.IsAllowed(r.New.Stretch, stenosis), r.New.Stretch.Id));
        Assert.DoesNotContain(result.Replacements, r => r.New.Stretch.Direction is MovementDirection.Extension or MovementDirection.Flexion);
    }

    [Fact]
    public void AReplacementNeverPullsAgainstTheStretchesKept()
    {
        // Disc and facet joint: cobra is kept; seated flexion would fit next but bends the other way.
        var answers = Consented(diagnoses: [Diagnosis.DiscBulgeOrProlapse, Diagnosis.FacetJointProblem]);
        var plan = new[] { StretchIds.SeatedSciaticNerveFloss, StretchIds.Cobra, StretchIds.McKenzieSideGlide };

        var result = Rule.Apply(CheckIn(
            new() { [StretchIds.SeatedSciaticNerveFloss] = Feedback.Worse },
            answers: answers,
            plan: plan,
            foundWorseBefore: [StretchIds.CatCow, StretchIds.StandingSideBend]));

        Assert.Contains(StretchIds.Cobra, result.NewPlan);
        Assert.DoesNotContain(StretchIds.SeatedFlexion, result.NewPlan);
    }

    [Fact]
    public void TwoWorseStretchesAreBothReplacedAndTheUserIsAdvisedToSeeAClinician()
    {
        var result = Rule.Apply(CheckIn(new()
        {
            [StretchIds.Cobra] = Feedback.Worse,
            [StretchIds.SeatedSciaticNerveFloss] = Feedback.Worse,
            [StretchIds.McKenzieSideGlide] = Feedback.Better,
        }));

        Assert.Equal(2, result.Replacements.Count);
        Assert.Contains(ClinicianAdviceReason.SeveralWorse, result.AdviseClinician);
        Assert.Contains(SwapRule.SeveralWorseAdvice, result.AdviceLines);
        Assert.Equal(3, result.NewPlan.Count);
        Assert.Equal(result.NewPlan.Count, result.NewPlan.Distinct().Count());
    }

    [Fact]
    public void EverythingWorseReplacesWhatItCanNeverRepeatsAndAdvisesAClinician()
    {
        var result = Rule.Apply(CheckIn(DiscPlan.ToDictionary(id => id, _ => Feedback.Worse), now: 7));

        Assert.Empty(result.Kept);
        Assert.Contains(ClinicianAdviceReason.SeveralWorse, result.AdviseClinician);
        Assert.Equal(DiscPlan.Order(), result.FoundWorse.Order());
        Assert.DoesNotContain(result.NewPlan, DiscPlan.Contains);
        Assert.Equal(DiscPlan.Length, result.Replacements.Count + result.Dropped.Count);
        Assert.All(result.Replacements, r => Assert.True(PlanRules.IsAllowed(r.New.Stretch, DiscUser())));
    }

    [Fact]
    public void EverythingWorseWithNothingLeftEndsThePlanAndSendsTheUserToAClinician()
    {
        var everythingElse = StretchIds.All.Except(DiscPlan).ToArray();

        var result = Rule.Apply(CheckIn(DiscPlan.ToDictionary(id => id, _ => Feedback.Worse), foundWorseBefore: everythingElse));

        Assert.True(result.NoPlan);
        Assert.Empty(result.NewPlan);
        Assert.Empty(result.Replacements);
        Assert.Equal(DiscPlan, result.Dropped);
        Assert.Contains(ClinicianAdviceReason.NothingLeft, result.AdviseClinician);
        Assert.Contains(SwapRule.NothingLeftAdvice, result.AdviceLines);
        Assert.Equal(StretchIds.All.Order(), result.FoundWorse.Order());
    }

    [Fact]
    public void AOneStretchPlanThatGotWorseIsReplacedWithoutClinicianAdvice()
    {
        var result = Rule.Apply(CheckIn(new() { [StretchIds.Cobra] = Feedback.Worse }, plan: [StretchIds.Cobra]));
        Assert.Single(result.Replacements);
        Assert.False(result.ShouldSeeClinician);
        Assert.False(result.NoPlan);
    }

    [Fact]
    public void SameTwoCheckInsInARowOffersASwapButKeepsThePlan()
    {
        var result = Rule.Apply(CheckIn(
            new() { [StretchIds.McKenzieSideGlide] = Feedback.Same, [StretchIds.Cobra] = Feedback.Better },
            previous: new() { [StretchIds.McKenzieSideGlide] = Feedback.Same, [StretchIds.Cobra] = Feedback.Same }));

        var offer = Assert.Single(result.OfferedSwaps);
        Assert.Equal(StretchIds.McKenzieSideGlide, offer.CurrentId);
        Assert.DoesNotContain(offer.Alternative.Stretch.Id, DiscPlan);
        Assert.NotEqual(StretchIds.StandingExtension, offer.Alternative.Stretch.Id);
        Assert.Contains("no difference for two check-ins", offer.Alternative.Reason);
        Assert.Equal(DiscPlan, result.NewPlan);
    }

    [Fact]
    public void SameOnlyOnceOffersNoSwap()
    {
        var result = Rule.Apply(CheckIn(
            new() { [StretchIds.McKenzieSideGlide] = Feedback.Same },
            previous: new() { [StretchIds.McKenzieSideGlide] = Feedback.Better }));
        Assert.Empty(result.OfferedSwaps);
    }

    [Fact]
    public void AnOfferedSwapIsNeverTheStretchJustBroughtInAsAReplacement()
    {
        var result = Rule.Apply(CheckIn(
            new() { [StretchIds.Cobra] = Feedback.Worse, [StretchIds.McKenzieSideGlide] = Feedback.Same },
            previous: new() { [StretchIds.McKenzieSideGlide] = Feedback.Same }));

        var replacement = Assert.Single(result.Replacements);
        Assert.All(result.OfferedSwaps, o => Assert.NotEqual(replacement.New.Stretch.Id, o.Alternative.Stretch.Id));
    }

    [Theory]
    [InlineData(4, 6, true)]
    [InlineData(4, 9, true)]
    [InlineData(4, 5, false)]
    [InlineData(3, 4, true)]
    [InlineData(0, 1, false)]
    [InlineData(6, 2, false)]
    public void PainRisingByTwoPointsOrThirtyPercentSinceTheStartMeansSeeAClinician(int start, int now, bool advise)
    {
        var result = Rule.Apply(CheckIn(new() { [StretchIds.Cobra] = Feedback.Better }, start: start, now: now));
        Assert.Equal(advise, result.AdviseClinician.Contains(ClinicianAdviceReason.PainRose));
        Assert.Equal(advise, result.AdviceLines.Contains(SwapRule.PainRoseAdvice));
        Assert.False(result.NoPlan);
    }

    [Fact]
    public void PainRisingSinceTheLastCheckInIsFlaggedEvenWhenItIsStillBelowTheStart()
    {
        var result = Rule.Apply(CheckIn(new() { [StretchIds.Cobra] = Feedback.Better }, start: 7, now: 6, earlier: [3]));
        Assert.Contains(ClinicianAdviceReason.PainRoseSinceLastCheckIn, result.AdviseClinician);
        Assert.DoesNotContain(ClinicianAdviceReason.PainRose, result.AdviseClinician);
        Assert.Contains(SwapRule.PainRoseSinceLastAdvice, result.AdviceLines);
    }

    [Fact]
    public void ARiseAgainstBothTheStartAndTheLastCheckInIsSaidOnce()
    {
        var result = Rule.Apply(CheckIn(new() { [StretchIds.Cobra] = Feedback.Better }, start: 3, now: 7, earlier: [4]));
        Assert.Contains(ClinicianAdviceReason.PainRose, result.AdviseClinician);
        Assert.Contains(ClinicianAdviceReason.PainRoseSinceLastCheckIn, result.AdviseClinician);
        Assert.Single(result.AdviceLines, line => line.Contains("clearly higher", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(9, new[] { 9 }, 9, true)]
    [InlineData(10, new[] { 9 }, 9, true)]
    [InlineData(9, new[] { 9 }, 7, false)]
    [InlineData(9, new int[0], 9, false)]
    [InlineData(6, new[] { 9, 8 }, 8, true)]
    [InlineData(6, new[] { 10, 8 }, 8, false)]
    public void SeverePainThatHasNotImprovedOverTwoCheckInsIsFlagged(int start, int[] earlier, int now, bool flagged)
    {
        var result = Rule.Apply(CheckIn(new() { [StretchIds.Cobra] = Feedback.Same }, start: start, now: now, earlier: earlier));
        Assert.Equal(flagged, result.AdviseClinician.Contains(ClinicianAdviceReason.PainSevereNotImproving));
    }

    [Fact]
    public void WithSeverePainAWorseStretchIsSwappedOnlyForAGentleOneOffTheFloor()
    {
        var answers = Consented(worse: WorseWith.NeitherOrNotSure, location: PainLocation.LowerBackOnly, floor: true);
        var plan = new[] { StretchIds.StandingSideBend, StretchIds.KneeRolls };
        var result = Rule.Apply(CheckIn(new() { [StretchIds.KneeRolls] = Feedback.Worse }, start: 8, now: 9, answers: answers, plan: plan));
        var replacement = Assert.Single(result.Replacements).New.Stretch;
        Assert.True(replacement.Gentle && !replacement.NeedsFloor, replacement.Id);
    }

    [Fact]
    public void WithSeverePainAndNoGentleSwapLeftTheBotSaysSoAndAdvisesAClinician()
    {
        var answers = Consented(worse: WorseWith.NeitherOrNotSure, location: PainLocation.LowerBackOnly, floor: true);
        var gentleOnes = Recommender.Catalog.Stretches.Where(PlanRules.IsGentle).Select(s => s.Id).ToArray();
        var plan = new[] { StretchIds.StandingSideBend };
        var result = Rule.Apply(CheckIn(new() { [StretchIds.StandingSideBend] = Feedback.Worse }, start: 8, now: 9, answers: answers, plan: plan, foundWorseBefore: gentleOnes));
        Assert.Empty(result.Replacements);
        Assert.Contains(ClinicianAdviceReason.NoGentleSwapLeft, result.AdviseClinician);
        Assert.Contains(SwapRule.NoGentleSwapAdvice, result.AdviceLines);
    }

    [Theory]
    [InlineData(RedFlagIds.LegWeakness, RedFlagOutcome.Emergency)]
    [InlineData(RedFlagIds.WeightLoss, RedFlagOutcome.SeeDoctorSoon)]
    public void ARedFlagAtACheckInEndsThePlan(string redFlag, RedFlagOutcome outcome)
    {
        var result = Rule.Apply(CheckIn(new() { [StretchIds.Cobra] = Feedback.Better }, redFlags: [redFlag]));

        Assert.True(result.NoPlan);
        Assert.Equal(outcome, result.RedFlag);
        Assert.Empty(result.NewPlan);
        Assert.Empty(result.Replacements);
        Assert.Empty(result.OfferedSwaps);
        Assert.Contains(ClinicianAdviceReason.RedFlag, result.AdviseClinician);
        Assert.Contains(RedFlagRules.AdviceFor(outcome)!, result.AdviceLines);
    }

    [Fact]
    public void TamperedIdsInThePlanOrFeedbackAreIgnored()
    {
        var result = Rule.Apply(CheckIn(
            new() { ["not-a-stretch"] = Feedback.Worse, [StretchIds.Cobra] = Feedback.Better },
            plan: [StretchIds.Cobra, "not-a-stretch", StretchIds.Cobra]));

        Assert.Equal([StretchIds.Cobra], result.NewPlan);
        Assert.Empty(result.Replacements);
        Assert.Empty(result.FoundWorse);
    }

    [Theory]
    [InlineData(-1, 5)]
    [InlineData(11, 5)]
    [InlineData(5, -1)]
    [InlineData(5, 11)]
    public void PainOutsideZeroToTenIsRejected(int start, int now)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Rule.Apply(CheckIn(new(), start: start, now: now)));
    }
}
