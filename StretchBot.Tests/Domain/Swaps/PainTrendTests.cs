using StretchBot.Domain.Swaps;

namespace StretchBot.Tests.Domain.Swaps;

public class PainTrendTests
{
    [Theory]
    [InlineData(5, 7, true)]
    [InlineData(5, 6, false)]
    [InlineData(2, 3, true)]
    [InlineData(3, 4, true)]
    [InlineData(4, 5, false)]
    [InlineData(0, 1, false)]
    [InlineData(0, 2, true)]
    [InlineData(7, 5, false)]
    public void ARiseOfTwoPointsOrThirtyPercentMatters(int before, int now, bool matters)
        => Assert.Equal(matters, PainTrend.RoseMeaningfully(before, now));

    [Theory]
    [InlineData(9, 7, true)]
    [InlineData(9, 8, false)]
    [InlineData(3, 2, true)]
    [InlineData(5, 5, false)]
    public void AFallIsJudgedTheSameWay(int before, int now, bool matters)
        => Assert.Equal(matters, PainTrend.FellMeaningfully(before, now));

    [Fact]
    public void AtTheFirstCheckInOnlyTheStartCounts()
        => Assert.Equal([PainSignal.RoseSinceStart], PainTrend.Assess(4, [], 6));

    [Fact]
    public void APlanStartedAtNineOrTenIsFlaggedWhenItDoesNotImprove()
        => Assert.Contains(PainSignal.SevereAndNotImproving, PainTrend.Assess(10, [10], 9));
}
