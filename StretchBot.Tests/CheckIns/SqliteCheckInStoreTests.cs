using Microsoft.Bot.Schema;
using StretchBot.CheckIns;
using StretchBot.Dialogs.CheckIns;

namespace StretchBot.Tests.CheckIns;

public sealed class SqliteCheckInStoreTests : IDisposable
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly CheckInHarness _bot = new();

    public void Dispose() => _bot.Dispose();

    [Fact]
    public async Task TheStoreCreatesItsFolderAndTableOnFirstUse()
    {
        Assert.False(File.Exists(_bot.Database.FilePath));

        Assert.Null(await _bot.Store.GetPendingAsync(CheckInHarness.UserKey("ana"), None));

        Assert.True(File.Exists(_bot.Database.FilePath));
    }

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
}
