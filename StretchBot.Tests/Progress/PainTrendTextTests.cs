using StretchBot.Domain.Swaps;
using StretchBot.Dialogs.Progress;

namespace StretchBot.Tests.Progress;

/// <summary>The sentence under the picture reads the trend with the clinical rules' thresholds: 2 points or 30 %.</summary>
public class PainTrendTextTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 24, 14, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(6, 3, "Down 3 points since you started (from 6 to 3 out of 10): that is a real change.")]
    [InlineData(5, 4, "Down 1 point since you started (from 5 to 4 out of 10): a small change so far, less than the 2 points or 30 % that count as a real one.")]
    [InlineData(3, 2, "Down 1 point since you started (from 3 to 2 out of 10): that is a real change.")]
    [InlineData(8, 7, "Down 1 point since you started (from 8 to 7 out of 10): a small change so far, less than the 2 points or 30 % that count as a real one.")]
    [InlineData(4, 6, "Up 2 points since you started (from 4 to 6 out of 10): that is a real change for the worse, worth talking over with your doctor or physiotherapist.")]
    [InlineData(7, 8, "Up 1 point since you started (from 7 to 8 out of 10): a small change, less than the 2 points or 30 % that count as a real one.")]
    [InlineData(0, 1, "Up 1 point since you started (from 0 to 1 out of 10): a small change, less than the 2 points or 30 % that count as a real one.")]
    [InlineData(5, 5, "The same as when you started: 5 out of 10.")]
    public void TheSentenceSaysWhetherTheChangeSinceTheStartIsARealOne(int first, int latest, string expected)
        => Assert.Equal(expected, PainTrendText.Interpret(Scores(first, 5, latest)));

    /// <summary>
    /// Every start and latest score from 0 to 10: "a real change" exactly when the change is 2 points or more, or at
    /// least 30 % of the starting score (at least a point, and never from 0), as the check-in's rules judge it.
    /// </summary>
    [Fact]
    public void EveryPairOfScoresIsReadWithTheClinicalThresholds()
    {
        for (var first = 0; first <= 10; first++)
        {
            for (var latest = 0; latest <= 10; latest++)
            {
                var change = Math.Abs(latest - first);
                var matters = change >= 2 || (first > 0 && change >= 1 && change >= 0.3 * first);
                var sentence = PainTrendText.Interpret(Scores(first, latest));
                Assert.True(matters == sentence.Contains("a real change", StringComparison.Ordinal), $"{first} to {latest}: {sentence}");
                Assert.Equal(matters, latest < first ? PainTrend.FellMeaningfully(first, latest) : PainTrend.RoseMeaningfully(first, latest));
            }
        }
    }

    [Fact]
    public void OneScoreOrNoneSaysSoWithoutAnyTrend()
    {
        Assert.Equal("One score so far (6 out of 10). Each check-in adds one, so you can see how it moves.", PainTrendText.Interpret(Scores(6)));
        Assert.StartsWith("No pain scores yet", PainTrendText.Interpret([]));
    }

    [Fact]
    public void ThePicturesTextStatesEveryScoreWithItsDateInTheUsersZone()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Pacific/Auckland");

        Assert.Equal("Pain trend, out of 10, oldest first: 6 on 25 Nov, 5 on 2 Dec, 3 on 9 Dec.", PainTrendText.Describe(Scores(6, 5, 3), zone));
        Assert.Equal("Pain trend, out of 10: one score so far, 7 on 24 Nov.", PainTrendText.Describe(Scores(7), TimeZoneInfo.Utc));
    }

    private static List<PainPoint> Scores(params int[] pains) => pains.Select((p, week) => new PainPoint(Start.AddDays(7 * week), p)).ToList();
}
