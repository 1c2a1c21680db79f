using StretchBot.Domain.Catalog;
using StretchBot.Domain.Recommendations;
using StretchBot.Domain.Triage;
using static StretchBot.Tests.TestSupport.TriageProfiles;

namespace StretchBot.Tests.Domain.Recommendations;

public class PlanRulesTests
{
    private static readonly StretchCatalog Catalog = StretchCatalog.LoadEmbedded();

    [Theory]
    [InlineData(StretchIds.Cobra, StretchIds.KneeHugs, true)]
    [InlineData(StretchIds.StandingExtension, StretchIds.SeatedFlexion, true)]
    [InlineData(StretchIds.Cobra, StretchIds.StandingSideBend, false)]
    [InlineData(StretchIds.KneeHugs, StretchIds.SeatedFlexion, false)]
    [InlineData(StretchIds.CatCow, StretchIds.KneeHugs, false)]
    public void ExtensionAndFlexionCountAsOpposite(string first, string second, bool opposite)
    {
        Assert.Equal(opposite, PlanRules.AreOpposite(Catalog.Get(first), Catalog.Get(second)));
        Assert.Equal(opposite, PlanRules.AreOpposite(Catalog.Get(second), Catalog.Get(first)));
    }

    [Fact]
    public void AStretchCannotJoinAPlanHoldingItsOpposite()
    {
        Assert.False(PlanRules.CanJoin(Catalog.Get(StretchIds.KneeHugs), [Catalog.Get(StretchIds.Cobra)], allowSecondLegMuscle: true));
    }

    [Fact]
    public void ASecondLegMuscleStretchJoinsOnlyWhenAllowed()
    {
        var plan = new[] { Catalog.Get(StretchIds.GlutealStretch) };
        Assert.False(PlanRules.CanJoin(Catalog.Get(StretchIds.PiriformisStretch), plan, allowSecondLegMuscle: false));
        Assert.True(PlanRules.CanJoin(Catalog.Get(StretchIds.PiriformisStretch), plan, allowSecondLegMuscle: true));
    }

    [Fact]
    public void NearIdenticalStretchesCannotShareAPlan()
    {
        Assert.True(PlanRules.AreSimilar(Catalog.Get(StretchIds.StandingExtension), Catalog.Get(StretchIds.Cobra)));
        Assert.False(PlanRules.CanJoin(Catalog.Get(StretchIds.StandingExtension), [Catalog.Get(StretchIds.Cobra)], allowSecondLegMuscle: true));
    }

    [Fact]
    public void AStretchCannotJoinAPlanTwice()
    {
        Assert.False(PlanRules.CanJoin(Catalog.Get(StretchIds.KneeRolls), [Catalog.Get(StretchIds.KneeRolls)], allowSecondLegMuscle: true));
    }

    [Theory]
    [InlineData(StretchIds.Cobra, Diagnosis.SpinalStenosis)]
    [InlineData(StretchIds.StandingExtension, Diagnosis.LowerBackArthritis)]
    [InlineData(StretchIds.KneeHugs, Diagnosis.Osteoporosis)]
    [InlineData(StretchIds.SeatedFlexion, Diagnosis.Osteoporosis)]
    public void AStretchIsNotAllowedWithADiagnosisItMustAvoid(string id, Diagnosis diagnosis)
    {
        Assert.True(PlanRules.IsAllowed(Catalog.Get(id), Consented()));
        Assert.False(PlanRules.IsAllowed(Catalog.Get(id), Consented(diagnoses: [diagnosis])));
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData(false, false)]
    [InlineData(null, false)]
    public void FloorStretchesNeedAClearYesToGettingDownAndUp(bool? floor, bool allowed)
    {
        Assert.Equal(allowed, PlanRules.IsAllowed(Catalog.Get(StretchIds.CatCow), Consented(floor: floor)));
        Assert.True(PlanRules.IsAllowed(Catalog.Get(StretchIds.StandingSideBend), Consented(floor: floor)));
    }

    [Theory]
    [InlineData(PainLocation.DownOneLeg, true)]
    [InlineData(PainLocation.BothLegs, true)]
    [InlineData(PainLocation.Buttock, false)]
    [InlineData(PainLocation.LowerBackOnly, false)]
    [InlineData(null, false)]
    public void NerveFlossingIsOnlyForSymptomsThatReachALeg(PainLocation? location, bool allowed)
        => Assert.Equal(allowed, PlanRules.IsAllowed(Catalog.Get(StretchIds.SeatedSciaticNerveFloss), Consented(location: location)));

    [Theory]
    [InlineData(8, null, true)]
    [InlineData(10, null, true)]
    [InlineData(7, null, false)]
    [InlineData(null, true, true)]
    [InlineData(3, null, false)]
    public void SeverePainOrAClearedWarningSignAllowsOnlyGentleStretchesOffTheFloor(int? pain, bool? cleared, bool gentleOnly)
    {
        var answers = Consented();
        answers.PainNow = pain;
        answers.ClinicianClearedRedFlags = cleared;
        Assert.Equal(gentleOnly, PlanRules.GentleOnly(answers));
        Assert.False(PlanRules.IsGentle(Catalog.Get(StretchIds.CatCow)));
        Assert.False(PlanRules.IsGentle(Catalog.Get(StretchIds.Cobra)));
        Assert.True(PlanRules.IsGentle(Catalog.Get(StretchIds.StandingSideBend)));
    }

    [Theory]
    [InlineData(WorseWith.BendingForwardOrSitting, MovementDirection.Flexion)]
    [InlineData(WorseWith.LeaningBackStandingOrWalking, MovementDirection.Extension)]
    [InlineData(WorseWith.Both, MovementDirection.Flexion)]
    [InlineData(WorseWith.Both, MovementDirection.Extension)]
    public void NothingMovesTheBackTheWayTheUserSaidMakesItWorse(WorseWith worse, MovementDirection direction)
    {
        var answers = Consented(worse: worse);
        Assert.All(Catalog.Stretches.Where(s => s.Direction == direction), s => Assert.False(PlanRules.IsAllowed(s, answers), s.Id));
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData(7, false)]
    [InlineData(8, true)]
    [InlineData(10, true)]
    public void PainOfEightOrMoreIsSevere(int? pain, bool severe)
    {
        Assert.Equal(severe, PlanRules.IsSevere(pain));
    }
}
