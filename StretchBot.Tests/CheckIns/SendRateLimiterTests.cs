using Microsoft.Extensions.Time.Testing;
using StretchBot.CheckIns;

namespace StretchBot.Tests.CheckIns;

public sealed class SendRateLimiterTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void SendsIntoOneConversationKeepToEveryWindowAndTheRestWait()
    {
        var clock = new FakeTimeProvider(Start);
        var limiter = new SendRateLimiter(clock);
        IReadOnlyList<(string, IReadOnlyList<RateWindow>)> conversation =
            [("conversation:a", [new RateWindow(7, TimeSpan.FromSeconds(1)), new RateWindow(8, TimeSpan.FromSeconds(2))])];
        var times = SendTimes(limiter, clock, conversation, 10);

        // 7 in the first second; the 8th a second later; the 8-per-2-seconds window holds the 9th and 10th to 2 s.
        Assert.All(times.Take(7), t => Assert.Equal(Start, t));
        Assert.Equal(Start + TimeSpan.FromSeconds(1), times[7]);
        Assert.Equal(Start + TimeSpan.FromSeconds(2), times[8]);
        Assert.Equal(Start + TimeSpan.FromSeconds(2), times[9]);
    }

    [Fact]
    public void AMarginKeepsEveryWindowApartByThatMuchMore()
    {
        var clock = new FakeTimeProvider(Start);
        var limiter = new SendRateLimiter(clock, TimeSpan.FromMilliseconds(100));
        IReadOnlyList<(string, IReadOnlyList<RateWindow>)> tenant = [("tenant:t", [new RateWindow(50, TimeSpan.FromSeconds(1))])];
        var times = SendTimes(limiter, clock, tenant, 150);

        // 50 at once, the next 50 only 1.1 s later: a message arriving up to 100 ms late or early still keeps to 50 a second.
        Assert.Equal(Start + TimeSpan.FromSeconds(1.1), times[50]);
        Assert.Equal(Start + TimeSpan.FromSeconds(2.2), times[100]);
        for (var i = 50; i < times.Count; i++)
        {
            Assert.True(times[i] - times[i - 50] >= TimeSpan.FromSeconds(1.1), $"message {i} came too soon after message {i - 50}");
        }
    }

    [Fact]
    public async Task AWaitingSendIsGivenTheMomentTheLimitsLetItGo()
    {
        var clock = new FakeTimeProvider(Start);
        var limiter = new SendRateLimiter(clock);
        IReadOnlyList<(string, IReadOnlyList<RateWindow>)> tenant = [("tenant:t", [new RateWindow(1, TimeSpan.FromSeconds(1))])];
        Assert.Equal(Start, await limiter.AcquireAsync(tenant, 1, CancellationToken.None));

        var second = limiter.AcquireAsync(tenant, 1, CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(1));
        var bookedAt = await second;

        Assert.Equal(Start + TimeSpan.FromSeconds(1), bookedAt);
    }

    [Fact]
    public async Task DifferentKeysDoNotWaitForEachOther()
    {
        var clock = new FakeTimeProvider(Start);
        var limiter = new SendRateLimiter(clock);
        IReadOnlyList<RateWindow> one = [new(1, TimeSpan.FromHours(1))];

        for (var i = 0; i < 100; i++)
        {
            await limiter.AcquireAsync([($"conversation:{i}", one)], 1, CancellationToken.None);
        }

        Assert.Equal(Start, clock.GetUtcNow());
        Assert.Equal(100, limiter.TrackedKeys);
        clock.Advance(TimeSpan.FromHours(1));
        limiter.Prune();
        Assert.Equal(0, limiter.TrackedKeys);
    }

    [Theory]
    [InlineData("7")]
    [InlineData("0/00:00:01")]
    [InlineData("5/soon")]
    public void AnUnreadableLimitIsRefused(string text)
        => Assert.Throws<FormatException>(() => RateWindow.ParseList(text));

    /// <summary>When each of <paramref name="count"/> messages may go, the clock moved on by exactly each wait.</summary>
    private static List<DateTimeOffset> SendTimes(SendRateLimiter limiter, FakeTimeProvider clock, IReadOnlyList<(string, IReadOnlyList<RateWindow>)> limits, int count)
    {
        var times = new List<DateTimeOffset>();
        while (times.Count < count)
        {
            if (limiter.TryAcquire(limits, 1) is { } wait)
            {
                clock.Advance(wait);
            }
            else
            {
                times.Add(clock.GetUtcNow());
            }
        }

        return times;
    }
}
