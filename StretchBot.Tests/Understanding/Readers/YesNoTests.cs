using StretchBot.Dialogs.Understanding.Readers;

namespace StretchBot.Tests.Understanding.Readers;

public class YesNoTests
{
    [Theory]
    [InlineData("yes")]
    [InlineData("Yes")]
    [InlineData("YES!")]
    [InlineData("y")]
    [InlineData("yeah")]
    [InlineData("yep")]
    [InlineData("yup")]
    [InlineData("sure")]
    [InlineData("yeah sure")]
    [InlineData("ok")]
    [InlineData("Okay.")]
    [InlineData("of course")]
    [InlineData("I have")]
    [InlineData("I did")]
    [InlineData("yes I have")]
    [InlineData("yeah I have")]
    [InlineData("yeah, no problem")]
    [InlineData("oui")]
    [InlineData("correct")]
    [InlineData("right")]
    [InlineData("that's right")]
    [InlineData("affirmative")]
    [InlineData("definitely")]
    [InlineData("yes please")]
    [InlineData("um, yes")]
    [InlineData("no problem")]
    [InlineData("\U0001F44D")]
    [InlineData("\U0001F44D\U0001F3FD")]
    public void AffirmativeAnswerIsYes(string text)
    {
        Assert.True(YesNo.Read(text).IsYes);
    }

    [Theory]
    [InlineData("no")]
    [InlineData("No.")]
    [InlineData("n")]
    [InlineData("nope")]
    [InlineData("nah")]
    [InlineData("not really")]
    [InlineData("not yet")]
    [InlineData("Not yet, sorry")]
    [InlineData("never")]
    [InlineData("I haven't")]
    [InlineData("I have not")]
    [InlineData("I haven’t")]
    [InlineData("I didn't")]
    [InlineData("negative")]
    [InlineData("no thanks")]
    [InlineData("um no")]
    [InlineData("no, I haven't")]
    [InlineData("not at all")]
    [InlineData("of course not")]
    [InlineData("definitely not")]
    [InlineData("not ok")]
    [InlineData("none of these")]
    [InlineData("\U0001F44E")]
    [InlineData("yeah no")]
    [InlineData("yeah, nah")]
    [InlineData("nein")]
    public void NegativeAnswerIsNo(string text)
    {
        Assert.True(YesNo.Read(text).IsNo);
    }

    [Theory]
    [InlineData("I think so", true)]
    [InlineData("probably", true)]
    [InlineData("a bit", true)]
    [InlineData("not really", false)]
    [InlineData("I don't think so", false)]
    [InlineData("not that I know of", false)]
    public void AHedgedAnswerLeansOneWayButIsNotClear(string text, bool yes)
    {
        var reading = YesNo.Read(text);
        Assert.Equal(yes, reading.IsYes);
        Assert.True(reading.Hedged);
        Assert.False(reading.IsClear);
    }

    [Theory]
    [InlineData("nope", true)]
    [InlineData("yes please", true)]
    [InlineData("no, it's been 3 weeks", false)]
    [InlineData("not really, my privates are numb", false)]
    public void APlainAnswerIsOneWithNothingElseInIt(string text, bool plain)
        => Assert.Equal(plain, YesNo.Read(text).Plain);

    [Theory]
    [InlineData("what does running have to do with it")]
    [InlineData("why do you ask?")]
    [InlineData("does hay fever count?")]
    public void AQuestionBackIsNotAnAnswer(string text)
        => Assert.Equal(YesNoAnswer.Neither, YesNo.Read(text).Answer);

    [Theory]
    [InlineData("maybe")]
    [InlineData("not sure")]
    [InlineData("I'm not sure")]
    [InlineData("I don't know")]
    [InlineData("perhaps")]
    [InlineData("yes no")]
    [InlineData("no... yes")]
    [InlineData("I know")]
    [InlineData("my right leg")]
    [InlineData("banana")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("?!")]
    [InlineData(null)]
    public void UnsureContradictoryOrUnrelatedAnswerIsNeither(string? text)
    {
        var reading = YesNo.Read(text);
        Assert.True(reading.Answer == YesNoAnswer.Neither || reading.DoesNotKnow, reading.ToString());
    }
}
