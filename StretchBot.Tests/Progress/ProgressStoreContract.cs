using StretchBot.Dialogs.Progress;
using StretchBot.Tests.TestSupport;

namespace StretchBot.Tests.Progress;

/// <summary>
/// What the progress history and share links do on every provider (<see cref="TestDatabase"/>): a second store on the
/// same database stands for another instance of the bot.
/// </summary>
public abstract class ProgressStoreContract(TestDatabase database) : IDisposable
{
    protected static readonly DateTimeOffset Monday = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private protected TestDatabase Database { get; } = database;

    /// <summary>The store under test.</summary>
    protected IProgressStore Store => _store ??= Database.NewProgressStore();

    private IProgressStore? _store;

    public void Dispose()
    {
        Database.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Another store on the same database (another instance of the bot, or this one restarted).</summary>
    protected IProgressStore SecondStore() => Database.NewProgressStore();

    [Fact]
    public async Task NothingIsKeptForSomeoneWhoNeverHadAPlan()
    {
        Assert.Null(await Store.ReadAsync("test/nobody", CancellationToken.None));
        Assert.Null(await Store.PictureKeyAsync("test/nobody", null, CancellationToken.None));
    }

    [Fact]
    public async Task AHistoryReadsBackInTheOrderItHappenedWithTheConsentTime()
    {
        await Store.SetConsentAsync("test/ann", Monday, CancellationToken.None);
        await Store.AppendAsync("test/ann", new ProgressEvent(ProgressEventKind.Screen, Monday, "{\"w\":\"triage\"}"), CancellationToken.None);
        await Store.AppendAsync("test/ann", new ProgressEvent(ProgressEventKind.Plan, Monday, "{\"p\":6}"), CancellationToken.None);
        await Store.AppendAsync("test/ann", new ProgressEvent(ProgressEventKind.CheckIn, Monday.AddDays(7), "{\"p\":4}"), CancellationToken.None);
        await Store.SetConsentAsync("test/ann", Monday.AddDays(8), CancellationToken.None);

        var history = await SecondStore().ReadAsync("test/ann", CancellationToken.None);

        Assert.NotNull(history);
        Assert.Equal(Monday.AddDays(8), history.ConsentUtc);
        Assert.Equal([ProgressEventKind.Screen, ProgressEventKind.Plan, ProgressEventKind.CheckIn], history.Events.Select(e => e.Kind));
        Assert.Equal([Monday, Monday, Monday.AddDays(7)], history.Events.Select(e => e.At));
        Assert.Equal("{\"p\":4}", history.Events[2].Data);
    }

    [Fact]
    public async Task AHistoryIsBoundedAndKeepsTheNewestMoments()
    {
        for (var week = 0; week < IProgressStore.MaxEventsPerUser + 5; week++)
        {
            await Store.AppendAsync("test/long", new ProgressEvent(ProgressEventKind.CheckIn, Monday.AddDays(7 * week), $"{{\"p\":{week % 11}}}"), CancellationToken.None);
        }

        var history = (await Store.ReadAsync("test/long", CancellationToken.None))!;

        Assert.Equal(IProgressStore.MaxEventsPerUser, history.Events.Count);
        Assert.Equal(Monday.AddDays(7 * 5), history.Events[0].At);
        Assert.Equal(Monday.AddDays(7 * (IProgressStore.MaxEventsPerUser + 4)), history.Events[^1].At);
    }

    [Fact]
    public async Task APictureKeyIsRandomMadeOnceAndOpensOnlyItsOwnersPictures()
    {
        await Store.AppendAsync("test/ann", new ProgressEvent(ProgressEventKind.Plan, Monday, "{}"), CancellationToken.None);
        await Store.AppendAsync("test/bob", new ProgressEvent(ProgressEventKind.Plan, Monday, "{}"), CancellationToken.None);

        var ann = await Store.PictureKeyAsync("test/ann", "Europe/London", CancellationToken.None);
        var again = await SecondStore().PictureKeyAsync("test/ann", null, CancellationToken.None);
        var bob = await Store.PictureKeyAsync("test/bob", null, CancellationToken.None);

        Assert.True(ProgressTokens.IsWellFormed(ann));
        Assert.Equal(ann, again);
        Assert.NotEqual(ann, bob);
        Assert.Equal("test/ann", await Store.UserForPictureKeyAsync(ann!, CancellationToken.None));
        Assert.Equal("test/bob", await Store.UserForPictureKeyAsync(bob!, CancellationToken.None));
        Assert.Null(await Store.UserForPictureKeyAsync(ProgressTokens.NewToken(), CancellationToken.None));
        Assert.Equal("Europe/London", (await Store.ReadAsync("test/ann", CancellationToken.None))!.TimeZoneId);
    }

    [Fact]
    public async Task AShareLinkIsFoundByItsHashUntilTheMomentItExpires()
    {
        var link = new ShareLink("test/ann", Monday, Monday.AddDays(7), "Europe/Paris");
        await Store.AddShareLinkAsync("hash-1", link, CancellationToken.None);

        Assert.Equal(link, await SecondStore().FindShareLinkAsync("hash-1", Monday.AddDays(7).AddMilliseconds(-1), CancellationToken.None));
        Assert.Null(await Store.FindShareLinkAsync("hash-1", Monday.AddDays(7), CancellationToken.None));
        Assert.Null(await Store.FindShareLinkAsync("hash-2", Monday, CancellationToken.None));
    }

    [Fact]
    public async Task StoppingSharingEndsEveryLinkOfThatPersonAndNoOneElses()
    {
        await Store.AddShareLinkAsync("ann-1", new ShareLink("test/ann", Monday, Monday.AddDays(7), null), CancellationToken.None);
        await Store.AddShareLinkAsync("ann-2", new ShareLink("test/ann", Monday.AddHours(1), Monday.AddDays(7), null), CancellationToken.None);
        await Store.AddShareLinkAsync("bob-1", new ShareLink("test/bob", Monday, Monday.AddDays(7), null), CancellationToken.None);

        Assert.Equal(2, await Store.RevokeShareLinksAsync("test/ann", CancellationToken.None));

        Assert.Null(await Store.FindShareLinkAsync("ann-1", Monday, CancellationToken.None));
        Assert.Null(await Store.FindShareLinkAsync("ann-2", Monday, CancellationToken.None));
        Assert.NotNull(await Store.FindShareLinkAsync("bob-1", Monday, CancellationToken.None));
        Assert.Equal(0, await Store.RevokeShareLinksAsync("test/ann", CancellationToken.None));
    }

    [Fact]
    public async Task APersonKeepsAtMostFiveLinksAndTheNewestAlwaysWorks()
    {
        for (var i = 0; i < IProgressStore.MaxShareLinksPerUser + 2; i++)
        {
            await Store.AddShareLinkAsync($"ann-{i}", new ShareLink("test/ann", Monday.AddMinutes(i), Monday.AddDays(7), null), CancellationToken.None);
        }

        var live = new List<string>();
        for (var i = 0; i < IProgressStore.MaxShareLinksPerUser + 2; i++)
        {
            if (await Store.FindShareLinkAsync($"ann-{i}", Monday, CancellationToken.None) is not null)
            {
                live.Add($"ann-{i}");
            }
        }

        Assert.Equal(Enumerable.Range(2, IProgressStore.MaxShareLinksPerUser).Select(i => $"ann-{i}"), live);
    }

    [Fact]
    public async Task DeletingAPersonLeavesNothingOfTheirsAndEveryoneElsesIntact()
    {
        foreach (var user in new[] { "test/ann", "test/bob" })
        {
            await Store.SetConsentAsync(user, Monday, CancellationToken.None);
            await Store.AppendAsync(user, new ProgressEvent(ProgressEventKind.Plan, Monday, "{}"), CancellationToken.None);
            await Store.AddShareLinkAsync(user + "-link", new ShareLink(user, Monday, Monday.AddDays(7), null), CancellationToken.None);
        }

        var annPictures = await Store.PictureKeyAsync("test/ann", null, CancellationToken.None);

        await Store.DeleteUserAsync("test/ann", CancellationToken.None);

        Assert.Null(await Store.ReadAsync("test/ann", CancellationToken.None));
        Assert.Null(await Store.FindShareLinkAsync("test/ann-link", Monday, CancellationToken.None));
        Assert.Null(await Store.UserForPictureKeyAsync(annPictures!, CancellationToken.None));
        Assert.NotNull(await Store.ReadAsync("test/bob", CancellationToken.None));
        Assert.NotNull(await Store.FindShareLinkAsync("test/bob-link", Monday, CancellationToken.None));
    }

    [Fact]
    public async Task RetentionDeletesInactiveHistoriesWithTheirLinksAndEveryExpiredLink()
    {
        await Store.AppendAsync("test/gone", new ProgressEvent(ProgressEventKind.Plan, Monday, "{}"), CancellationToken.None);
        await Store.AddShareLinkAsync("gone-link", new ShareLink("test/gone", Monday.AddDays(100), Monday.AddDays(300), null), CancellationToken.None);
        await Store.AppendAsync("test/active", new ProgressEvent(ProgressEventKind.Plan, Monday, "{}"), CancellationToken.None);
        await Store.AppendAsync("test/active", new ProgressEvent(ProgressEventKind.CheckIn, Monday.AddDays(150), "{}"), CancellationToken.None);
        await Store.AddShareLinkAsync("old-link", new ShareLink("test/active", Monday.AddDays(150), Monday.AddDays(157), null), CancellationToken.None);
        await Store.AddShareLinkAsync("new-link", new ShareLink("test/active", Monday.AddDays(180), Monday.AddDays(187), null), CancellationToken.None);
        var now = Monday.AddDays(181);

        Assert.Equal(1, await Store.DeleteInactiveAsync(now - TimeSpan.FromDays(180), now, CancellationToken.None));

        Assert.Null(await Store.ReadAsync("test/gone", CancellationToken.None));
        Assert.Null(await Store.FindShareLinkAsync("gone-link", now, CancellationToken.None));
        Assert.Null(await Store.FindShareLinkAsync("old-link", Monday.AddDays(150), CancellationToken.None));
        Assert.NotNull(await Store.ReadAsync("test/active", CancellationToken.None));
        Assert.NotNull(await Store.FindShareLinkAsync("new-link", now, CancellationToken.None));
    }

    [Fact]
    public async Task TwoInstancesAppendingAtOnceLoseNothingAndKeepTheBound()
    {
        var second = SecondStore();
        await Task.WhenAll(Enumerable.Range(0, 40).Select(i => (i % 2 == 0 ? Store : second)
            .AppendAsync("test/busy", new ProgressEvent(ProgressEventKind.CheckIn, Monday.AddMinutes(i), $"{{\"p\":{i % 11}}}"), CancellationToken.None)));

        var history = (await Store.ReadAsync("test/busy", CancellationToken.None))!;

        Assert.Equal(40, history.Events.Count);
        Assert.Equal(Enumerable.Range(0, 40).Select(i => Monday.AddMinutes(i)), history.Events.Select(e => e.At).Order());
    }
}

public sealed class SqliteProgressStoreTests() : ProgressStoreContract(new SqliteTestDatabase());

public sealed class PostgresProgressStoreTests() : ProgressStoreContract(new PostgresTestDatabase());
