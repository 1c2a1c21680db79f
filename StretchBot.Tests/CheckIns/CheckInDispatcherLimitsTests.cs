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
    public async Task AMessageWaitingForItsTenantDoesNotHoldUpTheOnesBehindIt()
    {
        // One sender only: a wait for the busy tenant would hold up the web user queued behind it.
        using var bot = new CheckInHarness(o =>
        {
            o.MaxConcurrentSends = 1;
            o.TenantRateLimits = "2/00:00:01";
        });
        await bot.ScheduleAsync("teams0", TimeSpan.FromDays(7), tenant: "contoso");
        await bot.ScheduleAsync("teams1", TimeSpan.FromDays(7), tenant: "contoso");
        bot.Advance(TimeSpan.FromDays(7));
        Assert.Equal(2, await bot.DispatchAsync());
        await bot.ScheduleAsync("teams2", TimeSpan.Zero, tenant: "contoso");
        await bot.ScheduleAsync("web", TimeSpan.FromMilliseconds(1));
        bot.Advance(TimeSpan.FromMilliseconds(1));
        var start = bot.Clock.GetUtcNow();

        Assert.Equal(2, await bot.DispatchAsync());

        Assert.Equal(start, bot.Channel.Sent.Single(s => s.TenantId != "contoso").AtUtc);
        Assert.True(bot.Channel.Sent.Single(s => s.ConversationId!.Contains("teams2", StringComparison.Ordinal)).AtUtc >= start + TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task ABatchWaitingForItsTenantLetsTheNextBatchGoMeanwhile()
    {
        using var bot = new CheckInHarness(o =>
        {
            o.MaxConcurrentSends = 1;
            o.BatchSize = 2;
            o.MaxSendsPerTenantPerPass = 2;
            o.TenantRateLimits = "2/00:00:01";
        });
        for (var i = 0; i < 4; i++)
        {
            await bot.ScheduleAsync($"teams{i}", TimeSpan.FromDays(7), tenant: "contoso");
        }

        await bot.ScheduleAsync("web0", TimeSpan.FromDays(7) + TimeSpan.FromSeconds(1));
        await bot.ScheduleAsync("web1", TimeSpan.FromDays(7) + TimeSpan.FromSeconds(1));
        bot.Advance(TimeSpan.FromDays(7) + TimeSpan.FromSeconds(1));
        var start = bot.Clock.GetUtcNow();
        Assert.Equal(2, await bot.Dispatcher.DispatchDueAsync(None));

        // The second batch is all contoso, which has no room for a second yet: the pass says so and waits.
        var nothingReady = new TaskCompletionSource();
        var second = bot.Dispatcher.DispatchDueAsync(() => nothingReady.TrySetResult(), None);
        await nothingReady.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await bot.Clock.WaitForTimerAsync(None).WaitAsync(TimeSpan.FromSeconds(30));

        // Meanwhile the next batch goes at once.
        Assert.Equal(2, await bot.Dispatcher.DispatchDueAsync(None));
        var web = bot.Channel.Sent.Where(s => s.TenantId != "contoso").ToList();
        Assert.Equal(2, web.Count);
        Assert.All(web, s => Assert.Equal(start, s.AtUtc));
        Assert.False(second.IsCompleted);

        bot.Advance(TimeSpan.FromSeconds(1.1));
        Assert.Equal(2, await second.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(6, bot.Channel.Sent.Count);
        Assert.True(MostInAnyWindow(bot.Channel.Sent.Where(s => s.TenantId == "contoso").Select(s => s.AtUtc), TimeSpan.FromSeconds(1)) <= 2);
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
