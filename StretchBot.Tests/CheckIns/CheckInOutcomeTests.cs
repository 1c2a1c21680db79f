using StretchBot.Dialogs.CheckIns;
using StretchBot.Dialogs.State;
using StretchBot.Domain.Catalog;
using StretchBot.Domain.Recommendations;
using StretchBot.Domain.RedFlags;
using StretchBot.Domain.Swaps;
using StretchBot.Domain.Triage;
using static StretchBot.Tests.TestSupport.TriageProfiles;

namespace StretchBot.Tests.CheckIns;

/// <summary>What a check-in's answers do to a profile, without a turn.</summary>
public class CheckInOutcomeTests
{
    private static readonly CheckInOutcome Outcome = new(new SwapRule(new StretchRecommender()));

    [Fact]
    public void AWorseStretchIsReplacedRememberedAndThePainKeptForTheNextCheckIn()
    {
        var profile = ProfileWithPlan([StretchIds.StandingSideBend, StretchIds.KneeRolls], painAtStart: 5);

        var result = Outcome.Apply(profile, new CheckInAnswers { Pain = 4, Feedback = { [StretchIds.KneeRolls] = Feedback.Worse } });

        var replacement = Assert.Single(result.Replacements).New.Stretch.Id;
        Assert.Equal([StretchIds.StandingSideBend, replacement], profile.CurrentPlan!.StretchIds);
        Assert.Contains(StretchIds.KneeRolls, profile.FoundWorse);
        Assert.Equal([4], profile.CurrentPlan.PainAtCheckIns);
        Assert.Equal(4, profile.Answers.PainNow);
    }

    [Fact]
    public void OnlyTheLastTwoCheckInsPainIsKept()
    {
        var profile = ProfileWithPlan([StretchIds.StandingSideBend], painAtStart: 6);
        foreach (var pain in new[] { 5, 4, 3 })
        {
            Outcome.Apply(profile, new CheckInAnswers { Pain = pain, Feedback = { [StretchIds.StandingSideBend] = Feedback.Better } });
        }

        Assert.Equal([4, 3], profile.CurrentPlan!.PainAtCheckIns);
    }

    [Fact]
    public void AClearedSeeADoctorSignKeepsThePlanAndMakesItsSwapsGentle()
    {
        var profile = ProfileWithPlan([StretchIds.StandingSideBend, StretchIds.KneeRolls], painAtStart: 4);
        var answers = new CheckInAnswers { Pain = 4, RedFlagsYes = [RedFlagIds.Fever], RedFlagsAnswered = true, ClinicianCleared = true, Feedback = { [StretchIds.KneeRolls] = Feedback.Worse } };

        var result = Outcome.Apply(profile, answers);

        Assert.False(result.NoPlan);
        Assert.Equal(RedFlagOutcome.None, result.RedFlag);
        Assert.True(profile.CurrentPlan!.Answers!.ClinicianClearedRedFlags);
        Assert.All(result.Replacements, r => Assert.True(r.New.Stretch.Gentle && !r.New.Stretch.NeedsFloor));
        Assert.True(profile.Answers.RedFlagAnswers[RedFlagIds.Fever]);
    }

    [Fact]
    public void TakingAnOfferPutsTheAlternativeInThePlaceOfTheStretchItReplaces()
    {
        var plan = ProfileWithPlan([StretchIds.StandingSideBend, StretchIds.KneeRolls], painAtStart: 4).CurrentPlan!;
        var alternative = new StretchRecommender().BestReplacement(Consented(), [StretchIds.StandingSideBend], [StretchIds.KneeRolls])!;

        CheckInOutcome.TakeOffer(plan, new OfferedSwap(StretchIds.KneeRolls, alternative));

        Assert.Equal([StretchIds.StandingSideBend, alternative.Stretch.Id], plan.StretchIds);
    }

    private static UserProfile ProfileWithPlan(string[] stretches, int painAtStart)
    {
        var answers = Consented(worse: WorseWith.NeitherOrNotSure, floor: true);
        return new UserProfile
        {
            Answers = answers,
            CurrentPlan = new StretchPlan
            {
                PainAtStart = painAtStart,
                Stretches = stretches.Select(id => new PlannedStretch { StretchId = id, Reason = "test" }).ToList(),
                Answers = answers.Clone(),
            },
        };
    }
}
