using StretchBot.Dialogs.Engine.Recognition;

namespace StretchBot.Tests.Engine.Recognition;

public class YesNoRecognitionTests
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
    [InlineData("I've checked with my physio")]
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
        Assert.True(YesNoRecognition.Recognize(text, "en-us"));
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
    public void NegativeAnswerIsNo(string text)
    {
        Assert.False(YesNoRecognition.Recognize(text, "en-us"));
    }

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
        Assert.Null(YesNoRecognition.Recognize(text, "en-us"));
    }
}
