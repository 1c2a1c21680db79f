using static StretchBot.Tests.TestSupport.CheckInSimulation;

namespace StretchBot.Tests.Domain.Swaps;

/// <summary>
/// Months of weekly check-ins for a few thousand users (see <see cref="CheckInSimulation"/>): the swap rule, fed what the
/// check-in dialog carries from week to week, never breaks the rules issue 12 sets, whatever the feedback and the pain do.
/// </summary>
public class CheckInSimulationTests
{
    /// <summary>Users simulated; each is a seeded random set of triage answers, and most of them get a plan.</summary>
    public const int Users = 3000;

    private const int Seed = 12_000;

    // Run once for the whole class; each test reads the problems of its own rule.
    private static readonly Lazy<CheckInSimulation> Simulation = new(() => Run(Users, Seed));

    [Fact]
    public void NothingFoundWorseEverComesBackInAReplacementOrAnOfferedSwap() => AssertHolds(Rule.FoundWorseCameBack);

    [Fact]
    public void SeverePainNeverGetsAFloorStretchOrOneNotMarkedGentle() => AssertHolds(Rule.NotGentleWithSeverePain);

    [Fact]
    public void WhenNoGentleSwapIsLeftTheCheckInSaysSoInsteadOfOfferingAnother() => AssertHolds(Rule.NoGentleSwapLeftNotSaid);

    [Fact]
    public void EveryRiseThatMattersAgainstTheStartOrTheLastCheckInIsFlagged() => AssertHolds(Rule.PainRiseNotFlagged);

    [Fact]
    public void SeverePainThatHasNotImprovedOverTwoCheckInsIsFlagged() => AssertHolds(Rule.SevereNotImprovingNotFlagged);

    [Fact]
    public void PlansStayOneToThreeStretchesThatTheAnswersAllowWeekAfterWeek() => AssertHolds(Rule.UnsafePlan);

    [Fact]
    public void TheSimulationReachesEverySituationTheRulesAreAbout()
    {
        var run = Simulation.Value;
        Assert.Equal(Users, run.Count("users"));
        Assert.InRange(run.Count("plans"), Users / 2, Users);
        Assert.True(run.Count("check-ins") >= run.Count("plans") * 5, $"{run.Count("check-ins")} check-ins");
        string[] situations =
        [
            "replacements", "replacements with severe pain or a cleared sign", "offered swaps", "offered swaps with severe pain or a cleared sign",
            "offered swaps taken", "no gentle swap left", "plans that ran out", "rises since the start", "no rise since the start",
            "rises since the last check-in", "no rise since the last check-in", "severe and not improving", "not severe-and-stuck",
        ];
        Assert.All(situations, what => Assert.True(run.Count(what) >= 20, $"{what}: {run.Count(what)}"));
    }

    private static void AssertHolds(Rule rule)
    {
        var problems = Simulation.Value.Problems.Where(p => p.Rule == rule).Select(p => p.Message).ToList();
        Assert.True(problems.Count == 0, $"{problems.Count} problems, the first:{Environment.NewLine}{string.Join(Environment.NewLine, problems.Take(10))}");
    }
}
