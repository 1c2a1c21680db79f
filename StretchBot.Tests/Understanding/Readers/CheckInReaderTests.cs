using StretchBot.Dialogs.CheckIns;
using StretchBot.Domain.Catalog;
using StretchBot.Domain.RedFlags;
using StretchBot.Domain.Swaps;
using StretchBot.Dialogs.Understanding.Readers;

namespace StretchBot.Tests.Understanding.Readers;

public class CheckInReaderTests
{
    private static readonly string[] Plan = ["cobra", "knee-hugs", "seated-sciatic-nerve-floss"];

    private static readonly CheckInReader Reader = new(StretchSynonyms.WithNames(StretchCatalog.LoadEmbedded()), SignVocabulary.Default);

    private static CheckInReply Read(string text) => Reader.Read(text, Plan).Value ?? new CheckInReply();

    [Fact]
    public void TheCobraMadeItWorseIsReadAsWorseForTheCobraOnly()
    {
        var read = Read("the cobra made it worse");

        Assert.Equal(Feedback.Worse, read.Feedback["cobra"]);
        Assert.Single(read.Feedback);
        Assert.Null(read.Pain);
    }

    [Fact]
    public void TheOthersMeansEveryStretchNotYetRated()
    {
        var read = Read("the cobra made it worse but the others were better, pain is about 3");

        Assert.Equal(Feedback.Worse, read.Feedback["cobra"]);
        Assert.Equal(Feedback.Better, read.Feedback["knee-hugs"]);
        Assert.Equal(Feedback.Better, read.Feedback["seated-sciatic-nerve-floss"]);
        Assert.Equal(3, read.Pain);
    }

    [Fact]
    public void SeveralStretchesNamedTogetherShareTheirFeedback()
    {
        var read = Read("knee hugs and the nerve floss helped; I didn't try the cobra");

        Assert.Equal(Feedback.Better, read.Feedback["knee-hugs"]);
        Assert.Equal(Feedback.Better, read.Feedback["seated-sciatic-nerve-floss"]);
        Assert.Equal(Feedback.DidNotTry, read.Feedback["cobra"]);
    }

    [Theory]
    [InlineData("no better with the cobra", Feedback.Same)]
    [InlineData("cobra: no change", Feedback.Same)]
    [InlineData("the cobra hurt", Feedback.Worse)]
    public void CommonPhrasingsMapToTheRightFeedback(string text, Feedback expected)
        => Assert.Equal(expected, Read(text).Feedback["cobra"]);

    [Theory]
    [InlineData("the cobra was not great", Feedback.Same)]
    [InlineData("the cobra wasn't any better", Feedback.Same)]
    [InlineData("the cobra didn't hurt", Feedback.Same)]
    [InlineData("the cobra was not great, it hurt", Feedback.Worse)]
    [InlineData("the cobra helped at first but later it hurt", Feedback.Worse)]
    public void NegationsAndLaterClausesAboutTheSameStretchAreRead(string text, Feedback expected)
        => Assert.Equal(expected, Read(text).Feedback["cobra"]);

    [Fact]
    public void ABareScoreIsThePainNow()
        => Assert.Equal(6, Read("6/10").Pain);

    [Fact]
    public void NonsenseIsNotUnderstood()
        => Assert.Equal(Dialogs.Understanding.ReadingKind.NotUnderstood, Reader.Read("banana sandwich", Plan).Kind);

    [Theory]
    [InlineData("the cobra didn't help", Feedback.Same)]
    [InlineData("no change with the cobra", Feedback.Same)]
    [InlineData("didn't do the cobra", Feedback.DidNotTry)]
    [InlineData("cobra 👎", Feedback.Worse)]
    [InlineData("cobra ace 👍", Feedback.Better)]
    public void EverydayWordsAndEmojiAreRead(string text, Feedback expected)
        => Assert.Equal(expected, Read(text).Feedback["cobra"]);

    [Fact]
    public void NoChangeAboutEverythingIsTheSameForEveryStretch()
        => Assert.All(Plan, id => Assert.Equal(Feedback.Same, Read("no change").Feedback[id]));

    [Fact]
    public void PositionsPickStretchesInThePlansOrder()
    {
        var read = Read("1st one better, 2nd one worse");
        Assert.Equal(Feedback.Better, read.Feedback["cobra"]);
        Assert.Equal(Feedback.Worse, read.Feedback["knee-hugs"]);
    }

    [Fact]
    public void LegSymptomsThatSpreadAreASignalAndTheStretchThatCausedThemIsWorse()
    {
        var read = Read("the floss made my foot tingle");
        Assert.Equal(Feedback.Worse, read.Feedback["seated-sciatic-nerve-floss"]);
        Assert.Contains(SymptomChange.NewNumbnessOrTingling, read.Changes);

        Assert.Contains(SymptomChange.FurtherDownLeg, Read("my leg pain went further down").Changes);
    }

    [Fact]
    public void LegSymptomsMovingBackTowardsTheBackAreGoodNewsNotAWarning()
    {
        var read = Read("the tingling in my leg has gone back up to my knee");
        Assert.Equal([SymptomChange.CloserToBack], read.Changes);
    }

    [Fact]
    public void AWarningSignInEverydayWordsIsCarriedToTheSafetyRules()
        => Assert.Contains(RedFlagIds.LegWeakness, Read("my foot drags when I walk").RedFlags);

    [Theory]
    [InlineData("I was sick all week so didn't do them", RedFlagIds.VeryUnwell)]
    [InlineData("pain 10 can't walk", RedFlagIds.LegWeakness)]
    public void AVagueWarningSignInACheckInIsAskedAbout(string text, string sign)
    {
        var reading = Reader.Read(text, Plan);
        Assert.True(reading.IsUnsure);
        Assert.Equal(sign, reading.About);
        Assert.Contains(sign, reading.IfYes!.Value!.RedFlags);
    }

    [Theory]
    [InlineData("all good! 1/10 no symptoms", 1)]
    [InlineData("same as before, about a 5, no red flags", 5)]
    [InlineData("pain was 3 on monday but 7 today", 7)]
    [InlineData("cobra better knee hugs worse floss didnt try 5", 5)]
    public void TheScoreIsFoundWhereverItIsSaid(string text, int expected)
        => Assert.Equal(expected, Read(text).Pain);

    [Fact]
    public void ANumberEndingAReplyThatCountsSomethingIsNoScore()
        => Assert.Null(Read("cobra was fine at first, then hurt by day 4").Pain);

    [Theory]
    [InlineData("cobra better, knee hugs same, floss worse, pain 2, none")]
    [InlineData("cobra: Better. Pain: 2. None.")]
    public void ABareNoneAfterTheScoreIsNoNewWarningSigns(string text)
        => Assert.True(Read(text).NoNewRedFlags);

    [Fact]
    public void ABareNoneAfterAFeedbackHeadingIsNotAboutWarningSigns()
        => Assert.False(Read("better: cobra. worse: none").NoNewRedFlags);

    [Theory]
    [InlineData("did none. back's ok though, 1/10")]
    [InlineData("weekend was bad, 8/10, didn't try anything")]
    public void NoneTriedStaysNoneTriedWhateverIsSaidOfTheBackOrTheWeek(string text)
        => Assert.All(Plan, id => Assert.Equal(Feedback.DidNotTry, Read(text).Feedback[id]));

    [Fact]
    public void NewsOfAnIllnessIsNotARatingOfTheLastStretchNamed()
    {
        var read = Reader.Read("cat cow and cobra same, knee hugs better, I've been diagnosed with cancer this week 😢", ["cat-cow", "cobra", "knee-hugs"]).Value!;
        Assert.Equal(Feedback.Better, read.Feedback["knee-hugs"]);
        Assert.Contains(RedFlagIds.CancerHistory, read.RedFlags);
    }

    [Fact]
    public void NoIdeaIfItsWorkingIsNoChangeNotBetter()
        => Assert.Equal(Feedback.Same, Reader.Read("no idea if it's working", ["piriformis-stretch"]).Value!.Feedback["piriformis-stretch"]);

    [Fact]
    public void ALegSymptomThatHasGoneIsGoodNewsNotANewSymptom()
        => Assert.Equal([SymptomChange.CloserToBack], Read("the tingling in my foot has gone, pain more in my back now").Changes);

    [Fact]
    public void ThePostureAStretchIsNamedAfterNamesIt()
    {
        var read = Reader.Read("knee rolls helped, seated one made my leg tingle. 5/10", ["knee-rolls", "seated-flexion"]).Value!;
        Assert.Equal(Feedback.Better, read.Feedback["knee-rolls"]);
        Assert.Equal(Feedback.Worse, read.Feedback["seated-flexion"]);
    }

    [Fact]
    public void AgonyIsAPainToConfirmNotToGuess()
    {
        var reading = Reader.Read("agony", Plan);
        Assert.True(reading.IsUnsure);
        Assert.Equal(9, reading.IfYes!.Value!.Pain);
    }

    [Fact]
    public void ASymptomChangeSaidOfTheOneStretchAskedAboutCountsItAsWorseAndKeepsTheChange()
    {
        var read = Reader.Read("made my foot tingle", ["cobra"]).Value!;
        Assert.Equal(Feedback.Worse, read.Feedback["cobra"]);
        Assert.Contains(SymptomChange.NewNumbnessOrTingling, read.Changes);
    }
}
