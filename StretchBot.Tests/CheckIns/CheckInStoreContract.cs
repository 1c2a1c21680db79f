using Microsoft.Bot.Schema;
using StretchBot.CheckIns;
using StretchBot.Dialogs.CheckIns;

namespace StretchBot.Tests.CheckIns;

/// <summary>The check-in schedule's behaviour, which every provider's <see cref="ICheckInStore"/> must show.</summary>
public abstract class CheckInStoreContract : IDisposable
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly CheckInHarness _bot;

    protected CheckInStoreContract(TestDatabase database)
    {
        _bot = new CheckInHarness(database: database);
    }

    public void Dispose()
    {
        _bot.Dispose();
        GC.SuppressFinalize(this);
    }

    private protected CheckInHarness Bot => _bot;

    [Fact]
    public async Task TheConversationReferenceComesBackAsItWasStored()
    {
        var reference = CheckInHarness.Reference("ana", tenant: "contoso");
        await _bot.Store.ScheduleAsync(CheckInHarness.UserKey("ana"), reference, _bot.Clock.GetUtcNow(), None);

        var claimed = Assert.Single(await _bot.NewStore().ClaimDueAsync(_bot.Clock.GetUtcNow(), "me", TimeSpan.FromMinutes(1), 10, 10, None));

        Assert.NotNull(claimed.Reference);
        Assert.Equal(reference.ServiceUrl, claimed.Reference.ServiceUrl);
        Assert.Equal(reference.ChannelId, claimed.Reference.ChannelId);
        Assert.Equal(reference.Conversation.Id, claimed.Reference.Conversation.Id);
        Assert.Equal("contoso", claimed.Reference.Conversation.TenantId);
        Assert.Equal(reference.User.Id, claimed.Reference.User.Id);
        Assert.Equal(reference.Bot.Id, claimed.Reference.Bot.Id);
        Assert.Equal("tenant:contoso", claimed.TenantKey);
        Assert.Equal(1, claimed.Attempt);
        Assert.Equal(CheckInMessageKind.CheckIn, claimed.Kind);
    }

    [Fact]
    public async Task ConversationsWithoutATenantAreSpreadByTheirOwnConversationNotAsOneTenant()
    {
        var reference = new ConversationReference
        {
            ChannelId = "webchat",
            ServiceUrl = "http://localhost:3978/",
            User = new ChannelAccount("web-user"),
            Conversation = new ConversationAccount(id: "web-conversation"),
        };
        await _bot.Store.ScheduleAsync("webchat/web-user", reference, _bot.Clock.GetUtcNow(), None);

        var claimed = Assert.Single(await _bot.Store.ClaimDueAsync(_bot.Clock.GetUtcNow(), "me", TimeSpan.FromMinutes(1), 10, 10, None));

        Assert.Equal("conversation:webchat/web-conversation", claimed.TenantKey);
    }

    [Fact]
    public async Task AClaimHandsOutEachDueMessageToOneDispatcherOnly()
    {
        for (var i = 0; i < 5; i++)
        {
            await _bot.ScheduleAsync($"user{i}", TimeSpan.Zero);
        }

        var first = await _bot.Store.ClaimDueAsync(_bot.Clock.GetUtcNow(), "first", TimeSpan.FromMinutes(1), 3, 10, None);
        var second = await _bot.NewStore().ClaimDueAsync(_bot.Clock.GetUtcNow(), "second", TimeSpan.FromMinutes(1), 10, 10, None);
        var third = await _bot.Store.ClaimDueAsync(_bot.Clock.GetUtcNow(), "third", TimeSpan.FromMinutes(1), 10, 10, None);

        Assert.Equal(3, first.Count);
        Assert.Equal(2, second.Count);
        Assert.Empty(third);
        Assert.Empty(first.Select(c => c.Id).Intersect(second.Select(c => c.Id)));
    }

    [Fact]
    public async Task AClaimTakesAtMostTheTenantLimitFromOneTenant()
    {
        for (var i = 0; i < 4; i++)
        {
            await _bot.ScheduleAsync($"c{i}", TimeSpan.FromMinutes(-i), tenant: "contoso");
        }

        await _bot.ScheduleAsync("f0", TimeSpan.Zero, tenant: "fabrikam");

        var claimed = await _bot.Store.ClaimDueAsync(_bot.Clock.GetUtcNow(), "me", TimeSpan.FromMinutes(1), 10, 2, None);

        Assert.Equal(2, claimed.Count(c => c.TenantKey == "tenant:contoso"));
        Assert.Equal(1, claimed.Count(c => c.TenantKey == "tenant:fabrikam"));

        // The earliest due of the tenant go first.
        Assert.Equal(
            new[] { CheckInHarness.UserKey("c3"), CheckInHarness.UserKey("c2") },
            claimed.Where(c => c.TenantKey == "tenant:contoso").Select(c => c.UserId));
    }

    [Fact]
    public async Task TheCheckInDueTimeIsKeptToTheMillisecond()
    {
        var due = new DateTimeOffset(2026, 12, 1, 8, 30, 15, 123, TimeSpan.FromHours(1));

        var scheduled = await _bot.Store.ScheduleAsync(CheckInHarness.UserKey("ana"), CheckInHarness.Reference("ana"), due, None);

        Assert.Equal(due, scheduled.DueUtc);
        Assert.Equal(TimeSpan.Zero, scheduled.DueUtc.Offset);
        Assert.Equal(scheduled, await _bot.NewStore().GetPendingAsync(CheckInHarness.UserKey("ana"), None));
    }

    [Fact]
    public async Task SchedulingTheSameUserFromTwoInstancesAtOnceLeavesOneCheckIn()
    {
        var other = _bot.NewStore();
        var user = CheckInHarness.UserKey("ana");

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() =>
            (i % 2 == 0 ? _bot.Store : other).ScheduleAsync(user, CheckInHarness.Reference("ana"), _bot.Clock.GetUtcNow().AddDays(7), None))));

        var pending = await _bot.Store.GetPendingAsync(user, None);
        Assert.NotNull(pending);
        Assert.Contains(pending, results);
        var remaining = 0;
        foreach (var result in results)
        {
            remaining += await _bot.Store.FindAsync(result.Id, None) is null ? 0 : 1;
        }

        Assert.Equal(1, remaining);
    }

    [Fact]
    public async Task CompletingAMessageThatWasAnsweredMeanwhileChangesNothing()
    {
        var checkIn = await _bot.ScheduleAsync("ana", TimeSpan.Zero);
        var claimed = Assert.Single(await _bot.Store.ClaimDueAsync(_bot.Clock.GetUtcNow(), "me", TimeSpan.FromMinutes(1), 10, 10, None));

        await _bot.Store.CancelAsync(CheckInHarness.UserKey("ana"), None);

        Assert.False(await _bot.Store.CompleteSendAsync(claimed.Id, claimed.Kind, None));
        Assert.Equal(CheckInStatus.Cancelled, (await _bot.Store.FindAsync(checkIn.Id, None))!.Status);
    }

    [Fact]
    public async Task ASentCheckInAwaitsItsAnswerWithTheReminderDueTwoDaysLater()
    {
        var checkIn = await _bot.ScheduleAsync("ana", TimeSpan.Zero);
        var claimed = Assert.Single(await _bot.Store.ClaimDueAsync(_bot.Clock.GetUtcNow(), "me", TimeSpan.FromMinutes(1), 10, 10, None));

        Assert.True(await _bot.Store.CompleteSendAsync(claimed.Id, claimed.Kind, None));

        var record = await _bot.Store.FindAsync(checkIn.Id, None);
        Assert.NotNull(record);
        Assert.Equal(CheckInStatus.Sent, record.Status);
        Assert.Equal(CheckInMessageKind.Reminder, record.NextKind);
        Assert.Equal(_bot.Clock.GetUtcNow() + TimeSpan.FromDays(2), record.NextDueUtc);
        Assert.Equal(checkIn, await _bot.Store.GetPendingAsync(CheckInHarness.UserKey("ana"), None));
    }

    [Fact]
    public async Task AClaimedButUnsentCheckInIsClaimableAgainAfterItsLeaseAndNotBefore()
    {
        var checkIn = await _bot.PlanGivenAsync("ana");
        _bot.Advance(TimeSpan.FromDays(7));
        var lease = TimeSpan.FromMinutes(2);

        // Another instance claims it and dies before sending.
        Assert.Equal(checkIn.Id, Assert.Single(await _bot.NewStore().ClaimDueAsync(_bot.Clock.GetUtcNow(), "crashed", lease, 10, 10, None)).Id);

        Assert.Empty(await _bot.Store.ClaimDueAsync(_bot.Clock.GetUtcNow(), "me", lease, 10, 10, None));
        _bot.Advance(lease - TimeSpan.FromMilliseconds(1));
        Assert.Empty(await _bot.Store.ClaimDueAsync(_bot.Clock.GetUtcNow(), "me", lease, 10, 10, None));
        _bot.Advance(TimeSpan.FromMilliseconds(1));
        var again = Assert.Single(await _bot.Store.ClaimDueAsync(_bot.Clock.GetUtcNow(), "me", lease, 10, 10, None));
        Assert.Equal(checkIn.Id, again.Id);
        Assert.Equal(2, again.Attempt);
    }

    [Fact]
    public async Task ManyClaimersAtOnceOnSeveralInstancesShareTheDueMessagesWithoutOverlap()
    {
        for (var i = 0; i < 200; i++)
        {
            await _bot.ScheduleAsync($"user{i}", TimeSpan.FromSeconds(-i));
        }

        var instances = Enumerable.Range(0, 4).Select(_ => _bot.NewStore()).ToArray();
        var claims = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => Task.Run(() =>
            instances[i % instances.Length].ClaimDueAsync(_bot.Clock.GetUtcNow(), $"dispatcher{i}", TimeSpan.FromMinutes(2), 20, 50, None))));
        var rest = await _bot.Store.ClaimDueAsync(_bot.Clock.GetUtcNow(), "last", TimeSpan.FromMinutes(2), 500, 500, None);

        var all = claims.SelectMany(c => c).Concat(rest).Select(c => c.Id).ToList();
        Assert.Equal(200, all.Count);
        Assert.Equal(200, all.Distinct().Count());
    }

    [Fact]
    public async Task ThousandCheckInsWithTwoDispatchersRunningAreEachSentOnceAndRemindedOnce()
    {
        using var bot = new CheckInHarness(
            o =>
            {
                o.TenantRateLimits = "100000/00:00:01";
                o.ConversationRateLimits = "100/00:00:01";
                o.BatchSize = 100;
            },
            NewDatabase());
        var otherStore = bot.NewStore();
        var other = bot.NewDispatcher(otherStore);
        var scheduled = new List<string>();
        for (var i = 0; i < 1000; i++)
        {
            var store = i % 2 == 0 ? bot.Store : otherStore;
            scheduled.Add((await store.ScheduleAsync(CheckInHarness.UserKey($"u{i}"), CheckInHarness.Reference($"u{i}"), bot.Clock.GetUtcNow(), None)).Id);
        }

        await DrainAsync(bot, other);
        bot.Advance(bot.Options.ReminderAfter);
        await DrainAsync(bot, other);

        var sent = bot.Channel.Sent.Select(s => s.CheckIn!).ToList();
        Assert.Equal(scheduled.Order(), sent.Where(c => c.Kind == CheckInMessageKind.CheckIn).Select(c => c.Id).Order());
        Assert.Equal(scheduled.Order(), sent.Where(c => c.Kind == CheckInMessageKind.Reminder).Select(c => c.Id).Order());
    }

    /// <summary>A fresh database of this provider (for a harness of its own).</summary>
    protected abstract TestDatabase NewDatabase();

    /// <summary>Both dispatchers pass at once, again and again, until neither finds anything due.</summary>
    private static async Task DrainAsync(CheckInHarness bot, CheckInDispatcher other)
    {
        while (true)
        {
            var sent = await Task.WhenAll(
                Task.Run(() => bot.Dispatcher.DispatchDueAsync(None)),
                Task.Run(() => other.DispatchDueAsync(None))).WaitAsync(TimeSpan.FromSeconds(120));
            if (sent.Sum() == 0)
            {
                return;
            }
        }
    }
}

public sealed class SqliteCheckInStoreTests() : CheckInStoreContract(new SqliteTestDatabase())
{
    [Fact]
    public async Task TheStoreCreatesItsFolderAndTableOnFirstUse()
    {
        var file = ((SqliteTestDatabase)Bot.Database).FilePath;
        Assert.False(File.Exists(file));

        Assert.Null(await Bot.Store.GetPendingAsync(CheckInHarness.UserKey("ana"), CancellationToken.None));

        Assert.True(File.Exists(file));
    }

    protected override TestDatabase NewDatabase() => new SqliteTestDatabase();
}

public sealed class PostgresCheckInStoreTests() : CheckInStoreContract(new PostgresTestDatabase())
{
    protected override TestDatabase NewDatabase() => new PostgresTestDatabase();
}
