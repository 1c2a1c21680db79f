using System.Net;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;
using StretchBot.CheckIns;
using StretchBot.Dialogs.CheckIns;
using StretchBot.Dialogs.Privacy;

namespace StretchBot.Tests.CheckIns;

public sealed class CheckInDispatcherTests : IDisposable
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly CheckInHarness _bot = new();

    public void Dispose() => _bot.Dispose();

    [Fact]
    public async Task ADueCheckInIsSentExactlyOnce()
    {
        var checkIn = await _bot.PlanGivenAsync("ana");
        _bot.Advance(TimeSpan.FromDays(7));

        Assert.Equal(1, await _bot.DispatchAsync());
        Assert.Equal(0, await _bot.DispatchAsync());

        var sent = Assert.Single(_bot.Channel.Sent);
        Assert.Equal("a:conversation-ana", sent.ConversationId);
        Assert.Equal(new DueCheckIn(checkIn.Id, CheckInHarness.UserKey("ana"), CheckInMessageKind.CheckIn), sent.CheckIn);
        Assert.Contains(checkIn.Id, sent.Text);
    }

    [Fact]
    public async Task NothingIsSentBeforeTheCheckInIsDue()
    {
        await _bot.PlanGivenAsync("ana");

        _bot.Advance(TimeSpan.FromDays(7) - TimeSpan.FromSeconds(1));
        Assert.Equal(0, await _bot.DispatchAsync());
        Assert.Empty(_bot.Channel.Sent);

        _bot.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await _bot.DispatchAsync());
        Assert.Equal(_bot.Clock.GetUtcNow(), Assert.Single(_bot.Channel.Sent).AtUtc);
    }

    [Fact]
    public async Task TwoDispatchersOnOneStoreNeverSendTheSameCheckInTwice()
    {
        // No spacing, so that only the claims decide who sends what.
        using var bot = new CheckInHarness(o => o.TenantSpacing = TimeSpan.Zero);
        var otherStore = bot.NewStore();
        var other = bot.NewDispatcher(otherStore);
        var users = Enumerable.Range(0, 60).Select(i => $"user{i}").ToList();
        var scheduled = new List<string>();
        for (var i = 0; i < users.Count; i++)
        {
            // Half scheduled through each instance; a dozen fall due together in each of five rounds.
            var store = i % 2 == 0 ? bot.Store : otherStore;
            var checkIn = await store.ScheduleAsync(CheckInHarness.UserKey(users[i]), CheckInHarness.Reference(users[i]), bot.Clock.GetUtcNow() + TimeSpan.FromSeconds(45 * (i % 5)), None);
            scheduled.Add(checkIn.Id);
        }

        for (var round = 0; round < 8; round++)
        {
            await Task.WhenAll(
                Task.Run(() => bot.Dispatcher.DispatchDueAsync(None)),
                Task.Run(() => other.DispatchDueAsync(None)),
                Task.Run(() => bot.Dispatcher.DispatchDueAsync(None)),
                Task.Run(() => other.DispatchDueAsync(None))).WaitAsync(TimeSpan.FromSeconds(60));
            bot.Advance(TimeSpan.FromSeconds(45));
        }

        var sentIds = bot.Channel.Sent.Select(s => s.CheckIn!.Id).ToList();
        Assert.Equal(scheduled.Count, sentIds.Count);
        Assert.Equal(scheduled.OrderBy(x => x), sentIds.OrderBy(x => x));
    }

    [Fact]
    public async Task ARestartKeepsTheSchedule()
    {
        var checkIn = await _bot.PlanGivenAsync("ana");

        // The process restarts: a new store and dispatcher on the same database file.
        var restartedStore = _bot.NewStore();
        var restarted = _bot.NewDispatcher(restartedStore);
        Assert.Equal(checkIn, await restartedStore.GetPendingAsync(CheckInHarness.UserKey("ana"), None));

        _bot.Advance(TimeSpan.FromDays(7));
        Assert.Equal(1, await _bot.DispatchAsync(restarted));
        Assert.Equal(checkIn.Id, Assert.Single(_bot.Channel.Sent).CheckIn!.Id);
    }

    [Fact]
    public async Task AClaimedButUnsentCheckInIsResentAfterItsLeaseAndNotBefore()
    {
        var checkIn = await _bot.PlanGivenAsync("ana");
        _bot.Advance(TimeSpan.FromDays(7));

        // Another instance claims it and dies before sending.
        var crashed = await _bot.NewStore().ClaimDueAsync(_bot.Clock.GetUtcNow(), "crashed-instance", _bot.Options.Lease, 10, 10, None);
        Assert.Equal(checkIn.Id, Assert.Single(crashed).Id);

        Assert.Equal(0, await _bot.DispatchAsync());
        _bot.Advance(_bot.Options.Lease - TimeSpan.FromMilliseconds(1));
        Assert.Equal(0, await _bot.DispatchAsync());
        Assert.Empty(_bot.Channel.Sent);

        _bot.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(1, await _bot.DispatchAsync());
        Assert.Equal(0, await _bot.DispatchAsync());
        Assert.Equal(checkIn.Id, Assert.Single(_bot.Channel.Sent).CheckIn!.Id);
    }

    [Fact]
    public async Task AThrottledSendIsRetriedAfterBackoffAndDeliveredOnce()
    {
        var checkIn = await _bot.PlanGivenAsync("ana");
        _bot.Advance(TimeSpan.FromDays(7));
        _bot.Channel.FailNextSend(HttpStatusCode.TooManyRequests);

        Assert.Equal(0, await _bot.DispatchAsync());
        Assert.Equal(1, _bot.Channel.Attempts);

        // The first retry waits between half and all of RetryBaseDelay (jitter).
        _bot.Advance(_bot.Options.RetryBaseDelay / 2 - TimeSpan.FromMilliseconds(1));
        Assert.Equal(0, await _bot.DispatchAsync());
        Assert.Equal(1, _bot.Channel.Attempts);

        _bot.Advance(_bot.Options.RetryBaseDelay / 2);
        Assert.Equal(1, await _bot.DispatchAsync());
        Assert.Equal(0, await _bot.DispatchAsync());

        Assert.Equal(2, _bot.Channel.Attempts);
        Assert.Equal(checkIn.Id, Assert.Single(_bot.Channel.Sent).CheckIn!.Id);
    }

    [Fact]
    public async Task TheChannelsRetryAfterIsRespected()
    {
        await _bot.PlanGivenAsync("ana");
        _bot.Advance(TimeSpan.FromDays(7));
        _bot.Channel.FailNextSend(HttpStatusCode.TooManyRequests, retryAfter: "120");

        Assert.Equal(0, await _bot.DispatchAsync());
        _bot.Advance(TimeSpan.FromSeconds(119));
        Assert.Equal(0, await _bot.DispatchAsync());

        _bot.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await _bot.DispatchAsync());
        Assert.Single(_bot.Channel.Sent);
    }

    [Fact]
    public async Task AFailedProactiveSendIsRetriedWithoutTheAdaptersTurnErrorHandler()
    {
        // The host's OnTurnError apologises to the user and clears their conversation state: not for a throttled check-in.
        var turnErrors = 0;
        await _bot.PlanGivenAsync("ana");
        _bot.Advance(TimeSpan.FromDays(7));
        _bot.Channel.OnTurnError = (_, _) =>
        {
            Interlocked.Increment(ref turnErrors);
            return Task.CompletedTask;
        };
        _bot.Channel.FailNextSend(HttpStatusCode.ServiceUnavailable);

        Assert.Equal(0, await _bot.DispatchAsync());
        Assert.NotNull(await _bot.Store.GetPendingAsync(CheckInHarness.UserKey("ana"), None));

        _bot.Advance(_bot.Options.RetryBaseDelay);
        Assert.Equal(1, await _bot.DispatchAsync());
        Assert.Single(_bot.Channel.Sent);
        Assert.Equal(0, turnErrors);
    }

    [Fact]
    public async Task ServerErrorsAreRetriedUpToTheCapThenGivenUp()
    {
        using var bot = new CheckInHarness(o => o.MaxAttempts = 3);
        var checkIn = await bot.PlanGivenAsync("ana");
        bot.Advance(TimeSpan.FromDays(7));
        bot.Channel.FailEverySend(HttpStatusCode.BadGateway);

        for (var i = 0; i < 10; i++)
        {
            await bot.DispatchAsync();
            bot.Advance(bot.Options.RetryMaxDelay);
        }

        Assert.Equal(3, bot.Channel.Attempts);
        Assert.Empty(bot.Channel.Sent);
        Assert.Equal(CheckInStatus.Ended, (await bot.Store.FindAsync(checkIn.Id, None))!.Status);
        Assert.Null(await bot.Store.GetPendingAsync(CheckInHarness.UserKey("ana"), None));
    }

    [Theory]
    [InlineData(HttpStatusCode.Forbidden)]
    [InlineData(HttpStatusCode.NotFound)]
    public async Task ABotThatWasRemovedEndsTheUsersSchedule(HttpStatusCode status)
    {
        var checkIn = await _bot.PlanGivenAsync("ana");
        _bot.Advance(TimeSpan.FromDays(7));
        _bot.Channel.FailNextSend(status);

        Assert.Equal(0, await _bot.DispatchAsync());
        Assert.Null(await _bot.Store.GetPendingAsync(CheckInHarness.UserKey("ana"), None));
        Assert.Equal(CheckInStatus.Ended, (await _bot.Store.FindAsync(checkIn.Id, None))!.Status);

        // Neither a retry nor a reminder follows.
        _bot.Advance(TimeSpan.FromDays(30));
        Assert.Equal(0, await _bot.DispatchAsync());
        Assert.Equal(1, _bot.Channel.Attempts);
    }

    [Fact]
    public async Task StoppedCheckInsLeaveNothingToSend()
    {
        await _bot.PlanGivenAsync("ana");

        Assert.True(await _bot.Store.CancelAsync(CheckInHarness.UserKey("ana"), None));
        Assert.False(await _bot.Store.CancelAsync(CheckInHarness.UserKey("ana"), None));
        Assert.Null(await _bot.Store.GetPendingAsync(CheckInHarness.UserKey("ana"), None));

        _bot.Advance(TimeSpan.FromDays(30));
        Assert.Equal(0, await _bot.DispatchAsync());
        Assert.Equal(0, _bot.Channel.Attempts);
    }

    [Fact]
    public async Task StoppingAfterTheCheckInWasSentCancelsTheReminder()
    {
        await _bot.PlanGivenAsync("ana");
        _bot.Advance(TimeSpan.FromDays(7));
        Assert.Equal(1, await _bot.DispatchAsync());

        Assert.True(await _bot.Store.CancelAsync(CheckInHarness.UserKey("ana"), None));
        _bot.Advance(TimeSpan.FromDays(30));
        Assert.Equal(0, await _bot.DispatchAsync());
        Assert.Single(_bot.Channel.Sent);
    }

    [Fact]
    public async Task DeletingMyDataLeavesNothingToSend()
    {
        var checkIn = await _bot.PlanGivenAsync("ana");
        await _bot.PlanGivenAsync("ben");

        IPersonalDataEraser eraser = _bot.Store;
        await eraser.EraseAsync(new PersonalDataOwner("msteams", "ana", "a:conversation-ana"), None);

        Assert.Null(await _bot.Store.GetPendingAsync(CheckInHarness.UserKey("ana"), None));
        Assert.Null(await _bot.Store.FindAsync(checkIn.Id, None));
        _bot.Advance(TimeSpan.FromDays(30));
        Assert.Equal(1, await _bot.DispatchAsync());
        Assert.Equal("a:conversation-ben", Assert.Single(_bot.Channel.Sent).ConversationId);
    }

    [Fact]
    public async Task ClosedCheckInsAreForgottenAfterTheRetention()
    {
        var answered = await _bot.PlanGivenAsync("ana");
        var stopped = await _bot.PlanGivenAsync("ben");
        var open = await _bot.PlanGivenAsync("cai");
        _bot.Advance(TimeSpan.FromDays(7));
        Assert.Equal(3, await _bot.DispatchAsync());
        await _bot.Store.MarkAnsweredAsync(answered.Id, None);
        await _bot.Store.CancelAsync(CheckInHarness.UserKey("ben"), None);

        _bot.Advance(_bot.Options.ClosedRetention - TimeSpan.FromSeconds(1));
        await _bot.DispatchAsync();
        Assert.NotNull(await _bot.Store.FindAsync(answered.Id, None));
        Assert.NotNull(await _bot.Store.FindAsync(stopped.Id, None));

        _bot.Advance(TimeSpan.FromSeconds(1));
        await _bot.DispatchAsync();
        Assert.Null(await _bot.Store.FindAsync(answered.Id, None));
        Assert.Null(await _bot.Store.FindAsync(stopped.Id, None));

        // A check-in still awaiting its answer is kept, however old.
        Assert.Equal(open, await _bot.Store.GetPendingAsync(CheckInHarness.UserKey("cai"), None));
    }

    [Fact]
    public async Task SchedulingAgainReplacesThePendingCheckIn()
    {
        var first = await _bot.ScheduleAsync("ana", TimeSpan.FromDays(7));
        var second = await _bot.ScheduleAsync("ana", TimeSpan.FromDays(8));

        Assert.Equal(second, await _bot.Store.GetPendingAsync(CheckInHarness.UserKey("ana"), None));
        Assert.Null(await _bot.Store.FindAsync(first.Id, None));

        _bot.Advance(TimeSpan.FromDays(7));
        Assert.Equal(0, await _bot.DispatchAsync());
        _bot.Advance(TimeSpan.FromDays(1));
        Assert.Equal(1, await _bot.DispatchAsync());
        Assert.Equal(second.Id, Assert.Single(_bot.Channel.Sent).CheckIn!.Id);
    }

    [Fact]
    public async Task StartingOverAfterACheckInWasSentReplacesItsReminder()
    {
        await _bot.PlanGivenAsync("ana");
        _bot.Advance(TimeSpan.FromDays(7));
        Assert.Equal(1, await _bot.DispatchAsync());

        var next = await _bot.PlanGivenAsync("ana");
        _bot.Advance(TimeSpan.FromDays(7));
        Assert.Equal(1, await _bot.DispatchAsync());

        var last = _bot.Channel.Sent[^1];
        Assert.Equal(new DueCheckIn(next.Id, CheckInHarness.UserKey("ana"), CheckInMessageKind.CheckIn), last.CheckIn);
        Assert.Equal(2, _bot.Channel.Sent.Count);
    }

    [Fact]
    public async Task AnUnansweredCheckInGetsOneReminderTwoDaysLater()
    {
        var checkIn = await _bot.PlanGivenAsync("ana");
        _bot.Advance(TimeSpan.FromDays(7));
        Assert.Equal(1, await _bot.DispatchAsync());
        var sentAt = _bot.Clock.GetUtcNow();

        _bot.Advance(TimeSpan.FromDays(2) - TimeSpan.FromSeconds(1));
        Assert.Equal(0, await _bot.DispatchAsync());

        _bot.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await _bot.DispatchAsync());
        var reminder = _bot.Channel.Sent[^1];
        Assert.Equal(new DueCheckIn(checkIn.Id, CheckInHarness.UserKey("ana"), CheckInMessageKind.Reminder), reminder.CheckIn);
        Assert.Equal(sentAt + TimeSpan.FromDays(2), reminder.AtUtc);

        // Then nothing until the user comes back, though the check-in still awaits its answer.
        _bot.Advance(TimeSpan.FromDays(60));
        Assert.Equal(0, await _bot.DispatchAsync());
        Assert.Equal(2, _bot.Channel.Sent.Count);
        Assert.Equal(checkIn, await _bot.Store.GetPendingAsync(CheckInHarness.UserKey("ana"), None));
    }

    [Fact]
    public async Task AnAnsweredCheckInGetsNoReminder()
    {
        var checkIn = await _bot.PlanGivenAsync("ana");
        _bot.Advance(TimeSpan.FromDays(7));
        Assert.Equal(1, await _bot.DispatchAsync());

        await _bot.Store.MarkAnsweredAsync(checkIn.Id, None);
        _bot.Advance(TimeSpan.FromDays(3));

        Assert.Equal(0, await _bot.DispatchAsync());
        Assert.Single(_bot.Channel.Sent);
        Assert.Null(await _bot.Store.GetPendingAsync(CheckInHarness.UserKey("ana"), None));
    }

    [Fact]
    public async Task SendsIntoOneTenantAreSpreadOutAndTenantsTakeTurns()
    {
        using var bot = new CheckInHarness(o =>
        {
            o.TenantSpacing = TimeSpan.FromSeconds(2);
            o.MaxSendsPerTenantPerPass = 3;
        });
        foreach (var user in new[] { "c1", "c2", "c3", "c4", "c5" })
        {
            await bot.ScheduleAsync(user, TimeSpan.FromDays(7), tenant: "contoso");
        }

        await bot.ScheduleAsync("f1", TimeSpan.FromDays(7), tenant: "fabrikam");
        bot.Advance(TimeSpan.FromDays(7));

        Assert.Equal(4, await bot.DispatchAsync());
        var firstPass = bot.Channel.Sent;
        Assert.Equal(new[] { "contoso", "fabrikam" }, firstPass.Take(2).Select(s => s.TenantId).Order());
        // Sends in one pass go out concurrently, so they may be recorded out of time order: spacing is about their times.
        var contoso = firstPass.Where(s => s.TenantId == "contoso").Select(s => s.AtUtc).Order().ToList();
        Assert.Equal(3, contoso.Count);
        Assert.All(contoso.Zip(contoso.Skip(1)), pair => Assert.True(pair.Second - pair.First >= TimeSpan.FromSeconds(2), string.Join(", ", contoso.Select(t => t.ToString("HH:mm:ss.fff")))));

        // The two left over go in the next pass, still spaced.
        Assert.Equal(2, await bot.DispatchAsync());
        var all = bot.Channel.Sent.Where(s => s.TenantId == "contoso").Select(s => s.AtUtc).Order().ToList();
        Assert.Equal(5, all.Count);
        Assert.All(all.Zip(all.Skip(1)), pair => Assert.True(pair.Second - pair.First >= TimeSpan.FromSeconds(2), string.Join(", ", all.Select(t => t.ToString("HH:mm:ss.fff")))));
        Assert.Equal(5, bot.Channel.Sent.Where(s => s.TenantId == "contoso").Select(s => s.ConversationId).Distinct().Count());
    }

    [Fact]
    public async Task TheCheckInArrivesInTheUsersConversationThroughTestAdapter()
    {
        var adapter = new TestAdapter(Channels.Msteams);
        var dispatcher = _bot.NewDispatcher(_bot.Store, adapter);
        var userKey = CheckInHarness.UserKey("ana");
        var checkIn = await _bot.Store.ScheduleAsync(userKey, adapter.Conversation, _bot.Schedule.DefaultDue(_bot.Clock.GetUtcNow()), None);

        _bot.Advance(TimeSpan.FromDays(7));
        Assert.Equal(1, await dispatcher.DispatchDueAsync(None));

        var reply = adapter.GetNextReply();
        Assert.NotNull(reply);
        Assert.Equal(adapter.Conversation.Conversation.Id, reply.Conversation.Id);
        Assert.Equal(adapter.Conversation.User.Id, reply.Recipient.Id);
        Assert.Equal($"How did this week go? [{checkIn.Id}]", reply.AsMessageActivity().Text);
        Assert.Null(adapter.GetNextReply());
    }

    [Fact]
    public async Task TheDispatcherWakesEveryPollIntervalOnTheClock()
    {
        using var bot = new CheckInHarness(o => o.PollInterval = TimeSpan.FromSeconds(30));
        await bot.ScheduleAsync("ana", TimeSpan.FromSeconds(45));
        using var stopping = new CancellationTokenSource();

        await bot.Dispatcher.StartAsync(stopping.Token);
        try
        {
            // Each pass ends by waiting one poll interval on the clock.
            await bot.Clock.WaitForTimerAsync(stopping.Token).WaitAsync(TimeSpan.FromSeconds(30));
            Assert.Empty(bot.Channel.Sent);

            bot.Advance(TimeSpan.FromSeconds(30));
            await bot.Clock.WaitForTimerAsync(stopping.Token).WaitAsync(TimeSpan.FromSeconds(30));
            Assert.Empty(bot.Channel.Sent);

            bot.Advance(TimeSpan.FromSeconds(30));
            await bot.Clock.WaitForTimerAsync(stopping.Token).WaitAsync(TimeSpan.FromSeconds(30));
            Assert.Equal(CheckInHarness.Start + TimeSpan.FromSeconds(60), Assert.Single(bot.Channel.Sent).AtUtc);
        }
        finally
        {
            await bot.Dispatcher.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task ADisabledDispatcherSendsNothing()
    {
        using var bot = new CheckInHarness(o => o.DispatcherEnabled = false);
        await bot.ScheduleAsync("ana", TimeSpan.Zero);

        await bot.Dispatcher.StartAsync(CancellationToken.None);
        await bot.Dispatcher.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(30));
        await bot.Dispatcher.StopAsync(CancellationToken.None);

        Assert.Equal(0, bot.Channel.Attempts);
        Assert.NotNull(await bot.Store.GetPendingAsync(CheckInHarness.UserKey("ana"), None));
    }
}
