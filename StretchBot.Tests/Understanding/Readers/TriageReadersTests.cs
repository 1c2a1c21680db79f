using Microsoft.Extensions.Time.Testing;
using StretchBot.Domain.Triage;
using StretchBot.Dialogs.Understanding;
using StretchBot.Dialogs.Understanding.Readers;

namespace StretchBot.Tests.Understanding.Readers;

/// <summary>The triage questions' readers, each alone, on the examples people type.</summary>
public class TriageReadersTests
{
    // Tuesday 24 November 2026, 14:00 in London.
    private static readonly FakeTimeProvider Time = new(new DateTimeOffset(2026, 11, 24, 14, 0, 0, TimeSpan.Zero));
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    [Theory]
    [InlineData("2 weeks", PainDuration.UnderSixWeeks)]
    [InlineData("a fortnight", PainDuration.UnderSixWeeks)]
    [InlineData("about a month", PainDuration.UnderSixWeeks)]
    [InlineData("since Monday", PainDuration.UnderSixWeeks)]
    [InlineData("since bonfire night", PainDuration.UnderSixWeeks)]
    [InlineData("5 weeks", PainDuration.UnderSixWeeks)]
    [InlineData("6 weeks", PainDuration.SixToTwelveWeeks)]
    [InlineData("a couple of months", PainDuration.SixToTwelveWeeks)]
    [InlineData("10 wks", PainDuration.SixToTwelveWeeks)]
    [InlineData("a year", PainDuration.OverTwelveWeeks)]
    [InlineData("since 2019", PainDuration.OverTwelveWeeks)]
    [InlineData("more than 12", PainDuration.OverTwelveWeeks)]
    [InlineData("<6 weeks", PainDuration.UnderSixWeeks)]
    [InlineData("the middle one", PainDuration.SixToTwelveWeeks)]
    public void DurationsAndDatesAreCountedBackFromTheUsersOwnNow(string text, PainDuration expected)
        => Assert.Equal(expected, new DurationReader(Time).Read(text, London).Tentative);

    [Theory]
    [InlineData("3 months", PainDuration.OverTwelveWeeks)]
    [InlineData("nearly 6 weeks", PainDuration.UnderSixWeeks)]
    public void ALengthCloseToABandsEdgeIsConfirmed(string text, PainDuration expected)
    {
        var reading = new DurationReader(Time).Read(text, London);
        Assert.True(reading.IsUnsure || reading.Value == expected);
        Assert.Equal(expected, reading.Tentative);
    }

    [Theory]
    [InlineData("7", 7, null)]
    [InlineData("seven out of ten", 7, null)]
    [InlineData("about 7/10", 7, null)]
    [InlineData("7ish", 7, null)]
    [InlineData("between 6 and 7", 7, "higher")]
    [InlineData("8 or 9", 9, "higher")]
    [InlineData("7.5", 8, "rounded")]
    [InlineData("it was 9 this morning, now about 5", 5, null)]
    [InlineData("sevn", 7, null)]
    [InlineData("5 out of 10, 10 being worst", 5, null)]
    [InlineData("6 with co-codamol, 9 without", 6, null)]
    public void PainTakesTheScoreNowAndTheHigherOfTwoAndSaysSo(string text, int expected, string? remark)
    {
        var reading = new PainReader().Read(text);
        Assert.True(reading.IsUnderstood, reading.ToString());
        Assert.Equal(expected, reading.Value);
        if (remark is null)
        {
            Assert.Null(reading.Remark);
        }
        else
        {
            Assert.Contains(remark, reading.Remark);
        }
    }

    [Theory]
    [InlineData("agony", 9)]
    [InlineData("really bad", 8)]
    [InlineData("11", 10)]
    [InlineData("3/5", 6)]
    public void APainInWordsOrOnAnotherScaleIsConfirmedAsANumber(string text, int expected)
    {
        var reading = new PainReader().Read(text);
        Assert.True(reading.IsUnsure);
        Assert.Equal(expected, reading.Tentative);
    }

    [Theory]
    [InlineData("2 sat still, 8 when I move", 8)]
    [InlineData("3 when sitting, 8 when I stand", 8)]
    public void TwoScoresForTwoStatesConfirmTheHigher(string text, int expected)
    {
        var reading = new PainReader().Read(text);
        Assert.True(reading.IsUnsure);
        Assert.Equal(expected, reading.IfYes!.Value);
    }

    [Theory]
    [InlineData("none", 0)]
    [InlineData("no pain", 0)]
    public void NoPainIsZero(string text, int expected) => Assert.Equal(expected, new PainReader().Read(text).Value);

    [Theory]
    [InlineData("the hugging one")]
    [InlineData("since 2019")]
    [InlineData("what does 10 mean")]
    [InlineData("\U0001F62D\U0001F62D")]
    public void NumbersThatAreNotScoresAreNotTaken(string text)
        => Assert.False(new PainReader().Read(text).IsUnderstood && new PainReader().Read(text).Value is not 8);

    [Theory]
    [InlineData("down my left leg", PainLocation.DownOneLeg)]
    [InlineData("on the right", PainLocation.OneSide)]
    [InlineData("my calf", PainLocation.DownOneLeg)]
    [InlineData("into my foot", PainLocation.DownOneLeg)]
    [InlineData("lower bak", PainLocation.LowerBackOnly)]
    [InlineData("both sides", PainLocation.LowerBackOnly)]
    [InlineData("lower back and down my left leg", PainLocation.DownOneLeg)]
    [InlineData("both legs", PainLocation.BothLegs)]
    [InlineData("not down my leg, just my bum", PainLocation.Buttock)]
    public void TheFurthestPlaceNamedIsTheAnswer(string text, PainLocation expected)
        => Assert.Equal(expected, new LocationReader().Read(text).Tentative);

    [Fact]
    public void VagueBothLegsIsAskedCarefullyBecauseItIsAnEmergencySign()
    {
        var reading = new LocationReader().Read("my legs");
        Assert.True(reading.IsUnsure);
        Assert.True(reading.SafeAnswer);
        Assert.Equal(PainLocation.BothLegs, reading.IfYes!.Value);
    }

    [Theory]
    [InlineData("sitting", WorseWith.BendingForwardOrSitting)]
    [InlineData("I work at a desk all day", WorseWith.BendingForwardOrSitting)]
    [InlineData("sittng", WorseWith.BendingForwardOrSitting)]
    [InlineData("walking", WorseWith.LeaningBackStandingOrWalking)]
    [InlineData("sitting and walking", WorseWith.Both)]
    [InlineData("not sitting, it's walking that gets me", WorseWith.LeaningBackStandingOrWalking)]
    [InlineData("sitting is fine, standing is worse", WorseWith.LeaningBackStandingOrWalking)]
    [InlineData("no idea", WorseWith.NeitherOrNotSure)]
    public void WhatMakesItWorseReadsBothGroupsAndWhatEasesIt(string text, WorseWith expected)
        => Assert.Equal(expected, new WorseWithReader().Read(text).Tentative);

    [Theory]
    [InlineData("not a disc, they think it's arthritis", new[] { Diagnosis.LowerBackArthritis })]
    [InlineData("slipped disc and stenosis", new[] { Diagnosis.DiscBulgeOrProlapse, Diagnosis.SpinalStenosis })]
    [InlineData("arthritis in my knees, nothing for my back", new[] { Diagnosis.NoneOrDontKnow })]
    [InlineData("I had a hip replaced", new[] { Diagnosis.HipReplacement })]
    [InlineData("no idea", new[] { Diagnosis.NoneOrDontKnow })]
    public void DiagnosesDeniedOrAboutAnotherJointAreLeftOut(string text, Diagnosis[] expected)
        => Assert.Equal(expected, new DiagnosisReader().Read(text).Tentative);

    [Theory]
    [InlineData("I'm 47", AgeBand.From20To50)]
    [InlineData("forty-seven", AgeBand.From20To50)]
    [InlineData("mid forties", AgeBand.From20To50)]
    [InlineData("fiftyone", AgeBand.From51To65)]
    [InlineData("under 20", AgeBand.Under20)]
    [InlineData("not 20, I'm 70", AgeBand.Over65)]
    [InlineData("20 next month", AgeBand.Under20)]
    [InlineData("I'll be 51 in a few weeks", AgeBand.From20To50)]
    public void AgesAreReadInYearsWordsAndDecades(string text, AgeBand expected)
        => Assert.Equal(expected, new AgeReader(Time).Read(text).Value);

    [Theory]
    [InlineData("early 50s", "Are you 51 or older?")]
    [InlineData("born in 1975", "Are you 51 or older?")]
    [InlineData("retired", "Are you over 65?")]
    [InlineData("over 50", "Are you over 65?")]
    public void AnAgeThatCouldBeInTwoBandsAsksTheOneQuestionThatSettlesIt(string text, string question)
    {
        var reading = new AgeReader(Time).Read(text);
        Assert.True(reading.IsUnsure);
        Assert.Equal(question, reading.Question);
    }

    [Theory]
    [InlineData("it's been 3 weeks")]
    [InlineData("old enough")]
    public void ThingsThatAreNotAnAgeAreAskedAgain(string text)
        => Assert.Equal(ReadingKind.NotUnderstood, new AgeReader(Time).Read(text).Kind);
}
