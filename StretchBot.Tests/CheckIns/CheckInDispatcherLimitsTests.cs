using Microsoft.Bot.Schema;

namespace StretchBot.Tests.CheckIns;

/// <summary>The dispatcher sends many check-ins at once, each exactly once, within Teams' published rate limits.</summary>
public sealed class CheckInDispatcherLimitsTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task ManyCheckInsIntoOneTenantAreEachSentOnceAndNeverMoreThanTheTenantLimitInAnySecond()
    {
        using var bot = new CheckInHarness(o =>
        {
            o.MaxConcurrentSends = 16;
            o.MaxSendsPerTenantPerPass = 500;
        });
        var ids = new List<string>();
        for (var i = 0; i < 130; i++)
        {
            ids.Add((await bot.ScheduleAsync($"user{i}", TimeSpan.FromDays(7), tenant: "contoso")).Id);
        }

        bot.Advance(TimeSpan.FromDays(7));
        Assert.Equal(130, await bot.DispatchAsync());

        var sent = bot.Channel.Sent;
        Assert.Equal(ids.Order(), sent.Select(s => s.CheckIn!.Id).Order());
        Assert.True(MostInAnyWindow(sent.Select(s => s.AtUtc), TimeSpan.FromSeconds(1)) <= 50, "more than 50 messages into one tenant within a second");
        Assert.Equal(0, await bot.DispatchAsync());
    }

    [Fact]
    public async Task WebUsersWithoutATenantAreNotThrottledAsIfTheyWereOneTenant()
    {
        using var bot = new CheckInHarness(o => o.MaxSendsPerTenantPerPass = 1);
        for (var i = 0; i < 200; i++)
        {
            await bot.Store.ScheduleAsync($"directline/web{i}", WebReference(i), bot.Clock.GetUtcNow(), None);
        }

        var start = bot.Clock.GetUtcNow();
        Assert.Equal(200, await bot.DispatchAsync());

        // All in one pass, and no send had to wait for another user's.
        Assert.All(bot.Channel.Sent, s => Assert.Equal(start, s.AtUtc));
        Assert.Equal(200, bot.Channel.Sent.Select(s => s.ConversationId).Distinct().Count());
    }

    [Fact]
    public async Task TwoBusyDispatchersOnOneDatabaseSendEveryCheckInExactlyOnce()
    {
        using var bot = new CheckInHarness(o => o.MaxConcurrentSends = 8);
        for (var i = 0; i < 150; i++)
        {
            await bot.Store.ScheduleAsync($"directline/web{i}", WebReference(i), bot.Clock.GetUtcNow(), None);
        }

        var other = bot.NewDispatcher(bot.NewStore());
        var sent = await Task.WhenAll(Task.Run(() => bot.Dispatcher.DispatchDueAsync(None)), Task.Run(() => other.DispatchDueAsync(None)));

        Assert.Equal(150, sent.Sum());
        Assert.Equal(150, bot.Channel.Sent.Count);
        Assert.Equal(150, bot.Channel.Sent.Select(s => s.CheckIn!.Id).Distinct().Count());
    }

    [Fact]
    public void TheDefaultLimitsAreTheOnesTeamsPublishes()
    {
        var options = new StretchBot.Dialogs.CheckIns.CheckInOptions();

        Assert.Equal(
            [new(7, TimeSpan.FromSeconds(1)), new(8, TimeSpan.FromSeconds(2)), new(60, TimeSpan.FromSeconds(30)), new(1800, TimeSpan.FromHours(1))],
            StretchBot.CheckIns.RateWindow.ParseList(options.ConversationRateLimits));
        Assert.Equal([new StretchBot.CheckIns.RateWindow(50, TimeSpan.FromSeconds(1))], StretchBot.CheckIns.RateWindow.ParseList(options.TenantRateLimits));
    }

    private static ConversationReference WebReference(int i) => new()
    {
        ChannelId = "directline",
        ServiceUrl = "http://localhost:3978/directline-connector/",
        Bot = new ChannelAccount("stretchbot", "StretchBot"),
        User = new ChannelAccount($"dl_web{i}"),
        Conversation = new ConversationAccount(id: $"web-conversation-{i}"),
    };

    private static int MostInAnyWindow(IEnumerable<DateTimeOffset> times, TimeSpan window)
    {
        var sorted = times.Order().ToArray();
        var most = 0;
        var start = 0;
        for (var end = 0; end < sorted.Length; end++)
        {
            while (sorted[end] - sorted[start] >= window)
            {
                start++;
            }

            most = Math.Max(most, end - start + 1);
        }

        return most;
    }
}
