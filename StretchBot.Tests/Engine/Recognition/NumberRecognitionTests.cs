using StretchBot.Dialogs.Engine.Recognition;

namespace StretchBot.Tests.Engine.Recognition;

public class NumberRecognitionTests
{
    [Theory]
    [InlineData("7", 7)]
    [InlineData("seven", 7)]
    [InlineData("Seven.", 7)]
    [InlineData("about 7", 7)]
    [InlineData("about 7/10", 7)]
    [InlineData("7/10", 7)]
    [InlineData("7 out of 10", 7)]
    [InlineData("seven out of ten", 7)]
    [InlineData("7 over 10", 7)]
    [InlineData("6 / 10", 6)]
    [InlineData("7 of 10", 7)]
    [InlineData("six outta ten", 6)]
    [InlineData("a 7", 7)]
    [InlineData("it's about a 6 today", 6)]
    [InlineData("a solid 4", 4)]
    [InlineData("It's a 7!", 7)]
    [InlineData("7, definitely a 7", 7)]
    [InlineData("7 on a scale of 0 to 10", 7)]
    [InlineData("on a scale of 0 to 10 I'd say 3", 3)]
    [InlineData("0", 0)]
    [InlineData("zero", 0)]
    [InlineData("0/10", 0)]
    [InlineData("ten", 10)]
    [InlineData("10/10", 10)]
    [InlineData("10 out of 10", 10)]
    public void TypedPainScoreIsReadOnTheZeroToTenScale(string text, int expected)
    {
        Assert.True(NumberRecognition.TryRecognizeScore(text, "en-us", 0, 10, out var score));
        Assert.Equal(expected, score);
    }

    [Theory]
    [InlineData("12")]
    [InlineData("-1")]
    [InlineData("banana")]
    [InlineData("5 or 6")]
    [InlineData("between 5 and 7")]
    [InlineData("6-7")]
    [InlineData("6.5")]
    [InlineData("3/5")]
    [InlineData("7 out of 12")]
    [InlineData("three quarters")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void ScoreThatIsMissingOutOfRangeOrAmbiguousIsRejected(string? text)
    {
        Assert.False(NumberRecognition.TryRecognizeScore(text, "en-us", 0, 10, out _));
    }

    [Theory]
    [InlineData("4 out of 5", 4)]
    [InlineData("four", 4)]
    [InlineData("5/5", 5)]
    public void ScoreOnAnotherScaleUsesThatScalesMaximumAsDenominator(string text, int expected)
    {
        Assert.True(NumberRecognition.TryRecognizeScore(text, "en-us", 1, 5, out var score));
        Assert.Equal(expected, score);
    }

    [Theory]
    [InlineData("4/10")]
    [InlineData("0")]
    [InlineData("6")]
    public void ScoreOutsideAnotherScaleIsRejected(string text)
    {
        Assert.False(NumberRecognition.TryRecognizeScore(text, "en-us", 1, 5, out _));
    }

    [Fact]
    public void UnsupportedCultureFallsBackToEnglish()
    {
        Assert.True(NumberRecognition.TryRecognizeScore("seven out of ten", "fr-fr", 0, 10, out var score));
        Assert.Equal(7, score);
        Assert.True(NumberRecognition.TryRecognizeScore("seven", null, 0, 10, out score));
        Assert.Equal(7, score);
    }

    [Fact]
    public void OversizedTextIsNoScoreRatherThanACrash()
    {
        var text = string.Concat(Enumerable.Repeat("7 out of 10 ", 1000));

        Assert.False(NumberRecognition.TryRecognizeScore(text, "en-us", 0, 10, out _));
        Assert.False(NumberRecognition.TryRecognizeNumber(text, "en-us", out _));
    }

    [Theory]
    [InlineData("7", 7)]
    [InlineData("seven", 7)]
    [InlineData("7.5", 7.5)]
    [InlineData("about seven", 7)]
    [InlineData("7/10", 0.7)]
    [InlineData("two thousand", 2000)]
    [InlineData("-3", -3)]
    public void TypedNumberIsRecognised(string text, double expected)
    {
        Assert.True(NumberRecognition.TryRecognizeNumber(text, "en-us", out var value));
        Assert.Equal(expected, value, 6);
    }

    [Theory]
    [InlineData("banana")]
    [InlineData("5 or 6")]
    [InlineData("")]
    [InlineData(null)]
    public void TextWithoutExactlyOneNumberIsNotANumber(string? text)
    {
        Assert.False(NumberRecognition.TryRecognizeNumber(text, "en-us", out _));
    }
}
