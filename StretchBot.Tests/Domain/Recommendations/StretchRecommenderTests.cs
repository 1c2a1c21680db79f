using System.Text.Json.Nodes;
using StretchBot.Domain.Catalog;
using StretchBot.Domain.Recommendations;
using StretchBot.Domain.RedFlags;
using StretchBot.Domain.Triage;
using static StretchBot.Tests.TestSupport.TriageProfiles;

namespace StretchBot.Tests.Domain.Recommendations;

public class StretchRecommenderTests
{
    private static readonly StretchRecommender Recommender = new();

    /// <summary>For each stretch, someone the article says it suits best: it comes first, with a reason about them.</summary>
    public static TheoryData<string, TriageAnswers, string> BestFits => new()
    {
        { StretchIds.CatCow, Consented(location: PainLocation.DownOneLeg), "runs down one leg" },
        { StretchIds.Cobra, Consented(worse: WorseWith.BendingForwardOrSitting, diagnoses: [Diagnosis.DiscBulgeOrProlapse]), "You said bending forward and sitting make it worse; this one moves your back the other way, into extension." },
        { StretchIds.KneeHugs, Consented(worse: WorseWith.LeaningBackStandingOrWalking, diagnoses: [Diagnosis.SpinalStenosis], age: AgeBand.Over65, duration: PainDuration.OverTwelveWeeks), "leaning back, standing and walking make it worse" },
        { StretchIds.SeatedSciaticNerveFloss, Consented(location: PainLocation.DownOneLeg, diagnoses: [Diagnosis.DiscBulgeOrProlapse], floor: false), "slides the nerve" },
        { StretchIds.SeatedFlexion, Consented(worse: WorseWith.LeaningBackStandingOrWalking, diagnoses: [Diagnosis.FacetJointProblem]), "a facet joint problem" },
        { StretchIds.McKenzieSideGlide, Consented(location: PainLocation.OneSide, diagnoses: [Diagnosis.DiscBulgeOrProlapse]), "mostly on one side" },
        { StretchIds.StandingExtension, Consented(worse: WorseWith.BendingForwardOrSitting, diagnoses: [Diagnosis.DiscBulgeOrProlapse], floor: false), "into extension" },
        { StretchIds.StandingSideBend, Consented(worse: WorseWith.Both), "bends your back sideways" },
        { StretchIds.GlutealStretch, Consented(location: PainLocation.Buttock), "spreads into your buttock" },
        { StretchIds.PiriformisStretch, Consented(runs: true), "You run" },
        { StretchIds.KneelingHipFlexorStretch, Consented(sits: true), "You sit for long periods" },
    };

    [Theory]
    [MemberData(nameof(BestFits))]
    public void StretchComesFirstForThePeopleItSuitsBest(string id, TriageAnswers answers, string reasonWords)
    {
        var plan = Recommender.Recommend(answers);
        Assert.Equal(RecommendationStatus.Plan, plan.Status);
        Assert.Equal(id, plan.Stretches[0].Stretch.Id);
        Assert.Contains(reasonWords, plan.Stretches[0].Reason);
    }

    [Fact]
    public void KneeRollsJoinTheSideBendWhenBothDirectionsHurt()
    {
        var plan = Recommender.Recommend(Consented(worse: WorseWith.Both, floor: false));
        var rolls = Assert.Single(plan.Stretches, s => s.Stretch.Id == StretchIds.KneeRolls);
        Assert.Contains("gentle twist", rolls.Reason);
    }

    [Theory]
    [InlineData(Diagnosis.SpinalStenosis)]
    [InlineData(Diagnosis.LowerBackArthritis)]
    public void NoBackwardBendsWithStenosisOrArthritisEvenWhenBendingForwardHurts(Diagnosis diagnosis)
    {
        var plan = Recommender.Recommend(Consented(worse: WorseWith.BendingForwardOrSitting, diagnoses: [diagnosis, Diagnosis.DiscBulgeOrProlapse]));
        Assert.True(plan.HasPlan);
        Assert.DoesNotContain(plan.Stretches, s => s.Stretch.Id is StretchIds.Cobra or StretchIds.StandingExtension);
    }

    [Fact]
    public void NoForwardBendsWithOsteoporosisEvenWhenLeaningBackHurts()
    {
        var plan = Recommender.Recommend(Consented(worse: WorseWith.LeaningBackStandingOrWalking, diagnoses: [Diagnosis.Osteoporosis, Diagnosis.SpinalStenosis]));
        Assert.True(plan.HasPlan);
        Assert.DoesNotContain(plan.Stretches, s => s.Stretch.Id is StretchIds.KneeHugs or StretchIds.SeatedFlexion);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(null)]
    public void NoFloorStretchesUnlessTheUserCanGetDownAndUpSafely(bool? floor)
    {
        var plan = Recommender.Recommend(Consented(location: PainLocation.Buttock, sits: true, runs: true, floor: floor));
        Assert.True(plan.HasPlan);
        Assert.DoesNotContain(plan.Stretches, s => s.Stretch.NeedsFloor);
    }

    [Fact]
    public void AfterAHipReplacementButtockPainAloneDoesNotEarnAButtockStretch()
    {
        var plan = Recommender.Recommend(Consented(location: PainLocation.Buttock, diagnoses: [Diagnosis.HipReplacement]));
        Assert.DoesNotContain(plan.Stretches, s => s.Stretch.Id is StretchIds.GlutealStretch or StretchIds.PiriformisStretch);
    }

    [Fact]
    public void AfterAHipReplacementNoButtockStretchAndKneeHugsComeWithACaution()
    {
        var plan = Recommender.Recommend(Consented(worse: WorseWith.LeaningBackStandingOrWalking, location: PainLocation.Buttock, diagnoses: [Diagnosis.HipReplacement, Diagnosis.PiriformisSyndrome, Diagnosis.SpinalStenosis]));
        Assert.DoesNotContain(plan.Stretches, s => s.Stretch.Id is StretchIds.GlutealStretch or StretchIds.PiriformisStretch);
        var kneeHugs = Assert.Single(plan.Stretches, s => s.Stretch.Id == StretchIds.KneeHugs);
        Assert.Contains("hip replacement", kneeHugs.Reason);
        Assert.Contains("surgeon", kneeHugs.Reason);
    }

    [Fact]
    public void WithOsteoporosisNothingBendsTheLowerBackForward()
    {
        var plan = Recommender.Recommend(Consented(worse: WorseWith.LeaningBackStandingOrWalking, location: PainLocation.Buttock, diagnoses: [Diagnosis.Osteoporosis, Diagnosis.PiriformisSyndrome], runs: true, sits: true));
        Assert.NotEmpty(plan.Stretches);
        Assert.DoesNotContain(plan.Stretches, s => s.Stretch.Id is StretchIds.GlutealStretch or StretchIds.PiriformisStretch or StretchIds.KneeHugs or StretchIds.SeatedFlexion);
    }

    [Fact]
    public void LeaningBackWithAFacetJointProblemComesWithACaution()
    {
        var plan = Recommender.Recommend(Consented(worse: WorseWith.BendingForwardOrSitting, diagnoses: [Diagnosis.FacetJointProblem]));
        var extension = Assert.Single(plan.Stretches, s => s.Stretch.Direction == MovementDirection.Extension);
        Assert.Contains("facet joint", extension.Reason);
    }

    [Fact]
    public void CatCowWhenBothDirectionsHurtComesWithACaution()
    {
        var answers = Consented(worse: WorseWith.Both);
        var catCow = Recommender.BestReplacement(answers, [StretchIds.StandingSideBend, StretchIds.KneeRolls, StretchIds.McKenzieSideGlide], []);
        Assert.Equal(StretchIds.CatCow, catCow!.Stretch.Id);
        Assert.Contains("keep the movement small", catCow.Reason);
    }

    [Theory]
    [InlineData(EasedBy.LeaningBackStandingOrWalking, MovementDirection.Extension)]
    [InlineData(EasedBy.BendingForwardOrSitting, MovementDirection.Flexion)]
    public void TheDirectionThatEasesThePainComesFirst(EasedBy eased, MovementDirection direction)
    {
        var answers = Consented(worse: WorseWith.NeitherOrNotSure);
        answers.EasedBy = eased;
        Assert.Equal(direction, Recommender.Recommend(answers).Stretches[0].Stretch.Direction);
    }

    [Fact]
    public void AClearedWarningSignGivesAGentlePlanOffTheFloor()
    {
        var answers = Consented();
        answers.RedFlagAnswers[RedFlagIds.CancerHistory] = true;
        answers.ClinicianClearedRedFlags = true;
        var plan = Recommender.Recommend(answers);
        Assert.True(plan.IsGentlePlan);
        Assert.All(plan.Stretches, s => Assert.True(s.Stretch.Gentle && !s.Stretch.NeedsFloor, s.Stretch.Id));
    }

    [Fact]
    public void LongStandingPainInBothLegsGetsAPlanWithAdviceWhileNewPainIsAnEmergency()
    {
        var answers = Consented(location: PainLocation.BothLegs);
        Assert.Equal(RecommendationStatus.Emergency, Recommender.Recommend(answers).Status);
        answers.BothLegsNewOrWorse = true;
        Assert.Equal(RecommendationStatus.Emergency, Recommender.Recommend(answers).Status);

        answers.BothLegsNewOrWorse = false;
        var plan = Recommender.Recommend(answers);
        Assert.Equal(RecommendationStatus.Plan, plan.Status);
        Assert.Contains(plan.Advice, a => a.Contains("both legs has been there a while"));
    }

    [Fact]
    public void EveryPlanAdvisesStayingActiveRatherThanBedRest()
        => Assert.Contains(Recommender.Recommend(Consented()).Advice, a => a.Contains("Stay as active as you can"));

    [Fact]
    public void WorseBendingForwardPutsExtensionFirstAndLeavesOutForwardBends()
    {
        var plan = Recommender.Recommend(Consented(worse: WorseWith.BendingForwardOrSitting));
        Assert.Equal(MovementDirection.Extension, plan.Stretches[0].Stretch.Direction);
        Assert.DoesNotContain(plan.Stretches, s => s.Stretch.Direction == MovementDirection.Flexion);
    }

    [Fact]
    public void WorseLeaningBackPutsFlexionFirstAndLeavesOutBackwardBends()
    {
        var plan = Recommender.Recommend(Consented(worse: WorseWith.LeaningBackStandingOrWalking));
        Assert.Equal(MovementDirection.Flexion, plan.Stretches[0].Stretch.Direction);
        Assert.DoesNotContain(plan.Stretches, s => s.Stretch.Direction == MovementDirection.Extension);
    }

    [Fact]
    public void WorseBothWaysGivesSideAndNeutralMovementsOnly()
    {
        var plan = Recommender.Recommend(Consented(worse: WorseWith.Both, diagnoses: [Diagnosis.DiscBulgeOrProlapse]));
        Assert.Equal(MovementDirection.SideShift, plan.Stretches[0].Stretch.Direction);
        Assert.DoesNotContain(plan.Stretches, s => s.Stretch.Direction is MovementDirection.Extension or MovementDirection.Flexion);
    }

    [Fact]
    public void PainDownOneLegBringsInTheNerveGlide()
    {
        var plan = Recommender.Recommend(Consented(worse: WorseWith.BendingForwardOrSitting, location: PainLocation.DownOneLeg, floor: false));
        Assert.Contains(plan.Stretches, s => s.Stretch.Id == StretchIds.SeatedSciaticNerveFloss);
    }

    [Fact]
    public void ButtockPainSittingAndRunningGiveOnlyOneLegMuscleStretch()
    {
        var plan = Recommender.Recommend(Consented(location: PainLocation.Buttock, sits: true, runs: true, diagnoses: [Diagnosis.PiriformisSyndrome]));
        Assert.Single(plan.Stretches, s => s.Stretch.IsLegMuscleStretch);
        Assert.Equal(3, plan.Stretches.Count);
    }

    [Fact]
    public void CobraAndStandingExtensionAreNeverInTheSamePlan()
    {
        var plan = Recommender.Recommend(Consented(worse: WorseWith.BendingForwardOrSitting, diagnoses: [Diagnosis.DiscBulgeOrProlapse]));
        Assert.Single(plan.Stretches, s => s.Stretch.Id is StretchIds.Cobra or StretchIds.StandingExtension);
    }

    [Theory]
    [InlineData(8)]
    [InlineData(10)]
    public void SeverePainGetsASmallerGentlerPlanWithAdviceToRestAndSeeAClinician(int pain)
    {
        var plan = Recommender.Recommend(Consented(worse: WorseWith.LeaningBackStandingOrWalking, diagnoses: [Diagnosis.SpinalStenosis], pain: pain));
        Assert.True(plan.IsGentlePlan);
        Assert.InRange(plan.Stretches.Count, 1, StretchRecommender.MaxStretchesWhenSevere);
        Assert.All(plan.Stretches, s => Assert.True(s.Stretch.Gentle, s.Stretch.Id));
        Assert.Contains(plan.Advice, a => a.Contains("rest") && a.Contains("doctor or physiotherapist"));
    }

    [Fact]
    public void ModeratePainGetsAFullPlanWithoutTheSeverePainAdvice()
    {
        var plan = Recommender.Recommend(Consented(worse: WorseWith.LeaningBackStandingOrWalking, diagnoses: [Diagnosis.SpinalStenosis], pain: 7));
        Assert.False(plan.IsGentlePlan);
        Assert.Equal(3, plan.Stretches.Count);
        Assert.DoesNotContain(plan.Advice, a => a.Contains("severe"));
    }

    [Fact]
    public void StenosisBringsTheAdviceToBreakUpWalksAndLeanForward()
    {
        var stenosis = Recommender.Recommend(Consented(diagnoses: [Diagnosis.SpinalStenosis]));
        Assert.Contains(stenosis.Advice, a => a.Contains("bench") && a.Contains("trolley"));
        var other = Recommender.Recommend(Consented(diagnoses: [Diagnosis.FacetJointProblem]));
        Assert.DoesNotContain(other.Advice, a => a.Contains("trolley"));
        Assert.Contains(other.Advice, a => a.Contains("Walking"));
    }

    [Fact]
    public void PainOverTwelveWeeksBringsAdviceToHaveItReviewed()
    {
        var plan = Recommender.Recommend(Consented(duration: PainDuration.OverTwelveWeeks));
        Assert.Contains(plan.Advice, a => a.Contains("12 weeks"));
    }

    [Fact]
    public void APlanComesWithTheGeneralRules()
    {
        var plan = Recommender.Recommend(Consented());
        Assert.Contains(plan.Rules, r => r.Contains("pain-free"));
        Assert.Contains(plan.Rules, r => r.Contains("about a week"));
        Assert.Contains(plan.Rules, r => r.Contains("hurts less"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(false)]
    public void NothingIsRecommendedBeforeTheUserConfirmsAClinicianSaidStretchingIsFine(bool? consent)
    {
        var answers = Consented(worse: WorseWith.BendingForwardOrSitting);
        answers.ConsentConfirmed = consent;
        var plan = Recommender.Recommend(answers);
        Assert.Equal(RecommendationStatus.NoConsent, plan.Status);
        Assert.Empty(plan.Stretches);
        Assert.Contains("doctor or physiotherapist", plan.NoPlanReason);
    }

    [Fact]
    public void AnEmergencyRedFlagStopsThePlan()
    {
        var answers = Consented();
        answers.RedFlagAnswers[RedFlagIds.BladderChange] = true;
        answers.ClinicianClearedRedFlags = true;
        var plan = Recommender.Recommend(answers);
        Assert.Equal(RecommendationStatus.Emergency, plan.Status);
        Assert.Empty(plan.Stretches);
        Assert.Equal(RedFlagRules.EmergencyAdvice, plan.NoPlanReason);
    }

    [Fact]
    public void PainInBothLegsCountsAsAnEmergencyRedFlag()
    {
        var plan = Recommender.Recommend(Consented(location: PainLocation.BothLegs));
        Assert.Equal(RecommendationStatus.Emergency, plan.Status);
        Assert.Empty(plan.Stretches);
    }

    [Fact]
    public void ASeeDoctorRedFlagHoldsThePlanUntilAClinicianHasClearedIt()
    {
        var answers = Consented();
        answers.RedFlagAnswers[RedFlagIds.CancerHistory] = true;
        var held = Recommender.Recommend(answers);
        Assert.Equal(RecommendationStatus.SeeDoctorSoon, held.Status);
        Assert.Empty(held.Stretches);
        Assert.Equal(RedFlagRules.SeeDoctorSoonAdvice, held.NoPlanReason);

        answers.ClinicianClearedRedFlags = true;
        Assert.Equal(RecommendationStatus.Plan, Recommender.Recommend(answers).Status);
    }

    [Fact]
    public void RedFlagsAnsweredNoDoNotStopThePlan()
    {
        var answers = Consented();
        foreach (var question in RedFlagCatalog.All)
        {
            answers.RedFlagAnswers[question.Id] = false;
        }

        Assert.True(Recommender.Recommend(answers).HasPlan);
    }

    [Fact]
    public void WhenNothingSuitsTheUserIsToldWhyAndSentToAClinician()
    {
        var recommender = new StretchRecommender(CatalogOf(StretchIds.Cobra));

        var plan = recommender.Recommend(Consented(worse: WorseWith.BendingForwardOrSitting, diagnoses: [Diagnosis.SpinalStenosis]));

        Assert.Equal(RecommendationStatus.NothingSuitable, plan.Status);
        Assert.Empty(plan.Stretches);
        Assert.Contains("doctor or physiotherapist", plan.NoPlanReason);
    }

    [Fact]
    public void MoreThanOneLegMuscleStretchOnlyWhenNothingElseFits()
    {
        var recommender = new StretchRecommender(CatalogOf(StretchIds.GlutealStretch, StretchIds.PiriformisStretch, StretchIds.KneelingHipFlexorStretch));
        var plan = recommender.Recommend(Consented(location: PainLocation.Buttock, sits: true, runs: true));
        Assert.Equal(3, plan.Stretches.Count(s => s.Stretch.IsLegMuscleStretch));

        var withSideBend = new StretchRecommender(CatalogOf(StretchIds.GlutealStretch, StretchIds.PiriformisStretch, StretchIds.StandingSideBend));
        var mixed = withSideBend.Recommend(Consented(location: PainLocation.Buttock, sits: true, runs: true));
        Assert.Equal(1, mixed.Stretches.Count(s => s.Stretch.IsLegMuscleStretch));
        Assert.Contains(mixed.Stretches, s => s.Stretch.Id == StretchIds.StandingSideBend);
    }

    [Fact]
    public void TheSameAnswersAlwaysGiveTheSamePlan()
    {
        var first = Recommender.Recommend(Consented(worse: WorseWith.BendingForwardOrSitting, location: PainLocation.DownOneLeg, sits: true));
        var second = new StretchRecommender().Recommend(Consented(worse: WorseWith.BendingForwardOrSitting, location: PainLocation.DownOneLeg, sits: true));
        Assert.Equal(first.Stretches.Select(s => (s.Stretch.Id, s.Reason)), second.Stretches.Select(s => (s.Stretch.Id, s.Reason)));
        Assert.Equal(first.Advice, second.Advice);
    }

    [Fact]
    public void BestReplacementSkipsWhatIsInThePlanWhatWasFoundWorseAndItsTwin()
    {
        var answers = Consented(worse: WorseWith.BendingForwardOrSitting, diagnoses: [Diagnosis.DiscBulgeOrProlapse], location: PainLocation.DownOneLeg);
        var best = Recommender.BestReplacement(answers, [StretchIds.SeatedSciaticNerveFloss], [StretchIds.Cobra]);
        Assert.NotNull(best);
        // Standing extension is the cobra's near-identical twin: someone the cobra made worse is not offered it.
        Assert.Equal(StretchIds.McKenzieSideGlide, best.Stretch.Id);
    }

    [Fact]
    public void APlanNeverHoldsAStretchFoundWorseOrItsTwin()
    {
        var answers = Consented(worse: WorseWith.BendingForwardOrSitting, diagnoses: [Diagnosis.DiscBulgeOrProlapse]);
        Assert.Contains(Recommender.Recommend(answers).Stretches, s => s.Stretch.Id == StretchIds.Cobra);

        var plan = Recommender.Recommend(answers, [StretchIds.Cobra]);

        Assert.True(plan.HasPlan);
        Assert.DoesNotContain(plan.Stretches, s => s.Stretch.Id is StretchIds.Cobra or StretchIds.StandingExtension);
    }

    [Fact]
    public void NewPainUnderTwentyOrOverFiftyIsARedFlagEvenWhenTheQuestionWasAnsweredNo()
    {
        var answers = Consented(age: AgeBand.Over65);
        answers.Duration = PainDuration.UnderSixWeeks;
        answers.RedFlagAnswers[RedFlagIds.AgeAtOnset] = false;

        Assert.Equal(RecommendationStatus.SeeDoctorSoon, Recommender.Recommend(answers).Status);

        answers.ClinicianClearedRedFlags = true;
        Assert.True(Recommender.Recommend(answers).HasPlan);
    }

    [Fact]
    public void WithSeverePainASwapOffersOnlyGentleStretches()
    {
        var answers = Consented(worse: WorseWith.BendingForwardOrSitting, diagnoses: [Diagnosis.DiscBulgeOrProlapse]);
        answers.PainNow = 9;

        var best = Recommender.BestReplacement(answers, [StretchIds.SeatedSciaticNerveFloss], [StretchIds.Cobra]);

        Assert.True(best is null || best.Stretch.Gentle, $"{best?.Stretch.Id} is not gentle");
    }

    [Fact]
    public void BestReplacementNeverPullsAgainstTheRestOfThePlan()
    {
        var answers = Consented(diagnoses: [Diagnosis.DiscBulgeOrProlapse, Diagnosis.FacetJointProblem]);
        // Without the nerve floss and side glide, the next best fits are the backward bends (for the disc).
        var best = Recommender.BestReplacement(answers, [StretchIds.SeatedFlexion], [StretchIds.SeatedSciaticNerveFloss, StretchIds.McKenzieSideGlide]);
        Assert.NotNull(best);
        Assert.NotEqual(MovementDirection.Extension, best.Stretch.Direction);
    }

    [Fact]
    public void BestReplacementIsNullWhenNothingIsLeft()
    {
        var answers = Consented();
        Assert.Null(Recommender.BestReplacement(answers, [], StretchIds.All));
    }

    /// <summary>A catalog holding only the given stretches of the embedded one.</summary>
    private static StretchCatalog CatalogOf(params string[] ids)
    {
        var root = JsonNode.Parse(EmbeddedJson())!;
        var stretches = root["stretches"]!.AsArray();
        var kept = stretches.Where(s => ids.Contains((string?)s!["id"])).Select(s => s!.DeepClone()).ToList();
        stretches.Clear();
        foreach (var stretch in kept)
        {
            stretch["similarTo"] = new JsonArray(stretch["similarTo"]!.AsArray().Where(id => ids.Contains((string?)id)).Select(id => id!.DeepClone()).ToArray());
            stretches.Add(stretch);
        }

        return StretchCatalog.Parse(root.ToJsonString());
    }

    private static string EmbeddedJson()
    {
        using var stream = typeof(StretchCatalog).Assembly.GetManifestResourceStream(StretchCatalog.ResourceName)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
