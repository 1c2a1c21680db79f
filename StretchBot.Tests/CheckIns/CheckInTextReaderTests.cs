using StretchBot.Dialogs.CheckIns;
using StretchBot.Dialogs.Domain.Swaps;
using StretchBot.Dialogs.Engine.Recognition;

namespace StretchBot.Tests.CheckIns;

public class CheckInTextReaderTests
{
    private static readonly IReadOnlyList<ChoiceOption> Plan = new[]
    {
        new ChoiceOption("cobra", "Cobra", StretchSynonyms.For("cobra")),
        new ChoiceOption("knee-hugs", "Knee hugs", StretchSynonyms.For("knee-hugs")),
        new ChoiceOption("seated-sciatic-nerve-floss", "Seated sciatic nerve flossing", StretchSynonyms.For("seated-sciatic-nerve-floss")),
    };

    [Fact]
    public void TheCobraMadeItWorseIsReadAsWorseForTheCobraOnly()
    {
        var read = CheckInTextReader.Read("the cobra made it worse", Plan, "en-us");

        Assert.Equal(Feedback.Worse, read.Feedback["cobra"]);
        Assert.Single(read.Feedback);
        Assert.Null(read.Pain);
    }

    [Fact]
    public void TheOthersMeansEveryStretchNotYetRated()
    {
        var read = CheckInTextReader.Read("the cobra made it worse but the others were better, pain is about 3", Plan, "en-us");

        Assert.Equal(Feedback.Worse, read.Feedback["cobra"]);
        Assert.Equal(Feedback.Better, read.Feedback["knee-hugs"]);
        Assert.Equal(Feedback.Better, read.Feedback["seated-sciatic-nerve-floss"]);
        Assert.Equal(3, read.Pain);
    }

    [Fact]
    public void SeveralStretchesNamedTogetherShareTheirFeedback()
    {
        var read = CheckInTextReader.Read("knee hugs and the nerve floss helped; I didn't try the cobra", Plan, "en-us");

        Assert.Equal(Feedback.Better, read.Feedback["knee-hugs"]);
        Assert.Equal(Feedback.Better, read.Feedback["seated-sciatic-nerve-floss"]);
        Assert.Equal(Feedback.DidNotTry, read.Feedback["cobra"]);
    }

    [Theory]
    [InlineData("no better with the cobra", Feedback.Same)]
    [InlineData("cobra: no change", Feedback.Same)]
    [InlineData("the cobra hurt", Feedback.Worse)]
    public void CommonPhrasingsMapToTheRightFeedback(string text, Feedback expected)
        => Assert.Equal(expected, CheckInTextReader.Read(text, Plan, "en-us").Feedback["cobra"]);

    [Theory]
    [InlineData("the cobra was not great", Feedback.Same)]
    [InlineData("the cobra wasn't any better", Feedback.Same)]
    [InlineData("the cobra didn't hurt", Feedback.Same)]
    [InlineData("the cobra was not great, it hurt", Feedback.Worse)]
    [InlineData("the cobra helped at first but later it hurt", Feedback.Worse)]
    public void NegationsAndLaterClausesAboutTheSameStretchAreRead(string text, Feedback expected)
        => Assert.Equal(expected, CheckInTextReader.Read(text, Plan, "en-us").Feedback["cobra"]);

    [Fact]
    public void ABareScoreIsThePainNow()
        => Assert.Equal(6, CheckInTextReader.Read("6/10", Plan, "en-us").Pain);

    [Fact]
    public void NonsenseReadsAsNothing()
    {
        var read = CheckInTextReader.Read("banana sandwich", Plan, "en-us");
        Assert.Empty(read.Feedback);
        Assert.Null(read.Pain);
    }
}
