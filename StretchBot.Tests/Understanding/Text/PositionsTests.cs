using StretchBot.Dialogs.Understanding.Text;

namespace StretchBot.Tests.Understanding.Text;

public class PositionsTests
{
    [Theory]
    [InlineData("2", new[] { 2 })]
    [InlineData("the second one", new[] { 2 })]
    [InlineData("1 and 4", new[] { 1, 4 })]
    [InlineData("the last", new[] { 5 })]
    [InlineData("second to last", new[] { 4 })]
    [InlineData("all of them except 1 and 3", new[] { 2, 4, 5 })]
    [InlineData("e5", new[] { 5 })]
    [InlineData("number 5 i think", new[] { 5 })]
    public void AReplyOfPositionsPicksThem(string text, int[] expected)
        => Assert.Equal(expected, Positions.Read(Utterance.Parse(text), 5));

    [Theory]
    [InlineData("no, it's been 3 weeks")]
    [InlineData("I had a fall last week")]
    [InlineData("first time I've had back pain")]
    [InlineData("7")]
    public void ANumberOrPositionWordInsideASentenceOrOutOfRangePicksNothing(string text)
        => Assert.Null(Positions.Read(Utterance.Parse(text), 5));

    [Fact]
    public void DigitsAreAnswersNotPositionsWhenTheOptionsAreNumbers()
    {
        Assert.Null(Positions.Read(Utterance.Parse("2"), 3, allowDigits: false));
        Assert.Equal([3], Positions.Read(Utterance.Parse("the third"), 3, allowDigits: false));
    }
}
