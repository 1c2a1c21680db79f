using StretchBot.Domain.RedFlags;

namespace StretchBot.Tests.Domain.RedFlags;

public class RedFlagRulesTests
{
    public static TheoryData<string> EmergencyIds => [.. RedFlagCatalog.Emergency.Select(q => q.Id)];

    public static TheoryData<string> SeeDoctorIds => [.. RedFlagCatalog.SeeDoctorSoon.Select(q => q.Id)];

    [Fact]
    public void NoYesAnswersMeansNoRedFlag()
    {
        Assert.Equal(RedFlagOutcome.None, RedFlagRules.Assess([]));
        Assert.Null(RedFlagRules.AdviceFor(RedFlagOutcome.None));
    }

    [Theory]
    [MemberData(nameof(EmergencyIds))]
    public void AnyEmergencyYesSendsTheUserToEmergencyCare(string id)
    {
        Assert.Equal(RedFlagOutcome.Emergency, RedFlagRules.Assess([id]));
    }

    [Theory]
    [MemberData(nameof(SeeDoctorIds))]
    public void AnySeeDoctorYesAsksForAnUrgentAppointment(string id)
    {
        Assert.Equal(RedFlagOutcome.SeeDoctorSoon, RedFlagRules.Assess([id]));
    }

    [Fact]
    public void EmergencyOutranksSeeDoctorWhateverTheOrder()
    {
        Assert.Equal(RedFlagOutcome.Emergency, RedFlagRules.Assess([RedFlagIds.Fever, RedFlagIds.BowelControl]));
        Assert.Equal(RedFlagOutcome.Emergency, RedFlagRules.Assess([RedFlagIds.BowelControl, RedFlagIds.Fever]));
    }

    [Fact]
    public void UnknownIdsRaiseNoRedFlag()
    {
        Assert.Equal(RedFlagOutcome.None, RedFlagRules.Assess(["made-up", ""]));
        Assert.Equal(RedFlagOutcome.SeeDoctorSoon, RedFlagRules.Assess(["made-up", RedFlagIds.WeightLoss]));
    }

    [Fact]
    public void EmergencyAdviceSaysToCallTheEmergencyNumberOrGoToAnEmergencyDepartment()
    {
        var advice = RedFlagRules.AdviceFor(RedFlagOutcome.Emergency)!;
        Assert.Contains("999", advice);
        Assert.Contains("911", advice);
        Assert.Contains("112", advice);
        Assert.Contains("emergency department", advice);
    }

    [Fact]
    public void SeeDoctorAdviceAsksForAnUrgentAppointmentAndHoldsBackStretches()
    {
        var advice = RedFlagRules.AdviceFor(RedFlagOutcome.SeeDoctorSoon)!;
        Assert.Contains("urgent appointment", advice);
        Assert.Contains("GP", advice);
        Assert.Contains("won't suggest any stretches", advice);
    }
}
