using System.Globalization;
using StretchBot.DirectLine;
using StretchBot.Storage;

namespace StretchBot.Tests.DirectLine;

/// <summary>
/// The web transcript's behaviour (numbering, erasure, retention, settings, telling other instances), which every
/// provider's <see cref="ITranscriptStore"/> and <see cref="ITranscriptChangeSource"/> must show.
/// </summary>
public abstract class TranscriptStoreContract(TestDatabase database) : IDisposable
{
    protected static readonly CancellationToken None = CancellationToken.None;
    protected static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private protected TestDatabase Database { get; } = database;

    public void Dispose()
    {
        Database.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task AppendsFromSeveralInstancesAtOnceGetEveryNumberOnceInOrder()
    {
        await Database.NewTranscriptStore().CreateConversationAsync("c1", "dl_u1", Now, None);
        var instances = Enumerable.Range(0, 4).Select(_ => Database.NewTranscriptStore()).ToArray();

        var numbers = await Task.WhenAll(Enumerable.Range(0, 100).Select(i => Task.Run(() =>
            instances[i % instances.Length].AppendAsync("c1", Now, seq => Activity(seq), None))));

        Assert.Equal(Enumerable.Range(1, 100).Select(i => (long?)i), numbers.Order());
        var page = await Database.NewTranscriptStore().GetActivitiesAsync("c1", 0, 1000, None);
        Assert.Equal(Enumerable.Range(1, 100).Select(i => Activity(i)), page.Activities);
        Assert.Equal(100, page.Watermark);
    }

    [Fact]
    public async Task PagesFollowTheWatermark()
    {
        var store = await ConversationWithAsync("c1", "dl_u1", 5);

        var first = await store.GetActivitiesAsync("c1", 0, 2, None);
        var rest = await store.GetActivitiesAsync("c1", first.Watermark, 10, None);
        var none = await store.GetActivitiesAsync("c1", rest.Watermark, 10, None);

        Assert.Equal([Activity(1), Activity(2)], first.Activities);
        Assert.Equal([Activity(3), Activity(4), Activity(5)], rest.Activities);
        Assert.Empty(none.Activities);
        Assert.Equal(5, none.Watermark);
    }

    [Fact]
    public async Task AfterAnEraseTheNumberingCarriesOnWhereItWas()
    {
        var store = await ConversationWithAsync("c1", "dl_u1", 3);

        Assert.Equal(3, await store.EraseAsync("c1", "dl_u1", None));
        var next = await Database.NewTranscriptStore().AppendAsync("c1", Now, seq => Activity(seq), None);

        Assert.Equal(4, next);
        Assert.Equal([Activity(4)], (await store.GetActivitiesAsync("c1", 0, 10, None)).Activities);
        Assert.Equal(4, (await store.GetConversationAsync("c1", None))!.LastSequence);
    }

    [Fact]
    public async Task AnEraseTakesTheUsersOtherConversationsAndNobodyElses()
    {
        var store = await ConversationWithAsync("c1", "dl_u1", 2);
        await ConversationWithAsync("c2", "dl_u1", 2);
        await ConversationWithAsync("c3", "dl_other", 2);

        Assert.Equal(4, await store.EraseAsync("c1", "dl_u1", None));

        Assert.Empty((await store.GetActivitiesAsync("c1", 0, 10, None)).Activities);
        Assert.Empty((await store.GetActivitiesAsync("c2", 0, 10, None)).Activities);
        Assert.Equal(2, (await store.GetActivitiesAsync("c3", 0, 10, None)).Activities.Count);
        Assert.NotNull(await store.GetConversationAsync("c1", None));
    }

    [Fact]
    public async Task OnlyOneInstanceStartsAConversation()
    {
        await Database.NewTranscriptStore().CreateConversationAsync("c1", "dl_u1", Now, None);
        var instances = Enumerable.Range(0, 4).Select(_ => Database.NewTranscriptStore()).ToArray();

        var started = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => Task.Run(() => instances[i % 4].TryMarkStartedAsync("c1", None))));

        Assert.Single(started, s => s);
        Assert.True((await instances[0].GetConversationAsync("c1", None))!.Started);
    }

    [Fact]
    public async Task NothingIsAppendedToAConversationThatDoesNotExist()
    {
        var store = Database.NewTranscriptStore();

        Assert.Null(await store.AppendAsync("missing", Now, seq => Activity(seq), None));
        Assert.Null(await store.GetConversationAsync("missing", None));
    }

    [Fact]
    public async Task ConversationsIdleLongerThanTheRetentionGoWithTheirActivities()
    {
        var store = Database.NewTranscriptStore();
        await store.CreateConversationAsync("old", "dl_u1", Now.AddDays(-40), None);
        await store.AppendAsync("old", Now.AddDays(-31), seq => Activity(seq), None);
        await store.CreateConversationAsync("recent", "dl_u2", Now.AddDays(-40), None);
        await store.AppendAsync("recent", Now.AddDays(-29), seq => Activity(seq), None);

        Assert.Equal(1, await store.DeleteInactiveSinceAsync(Now.AddDays(-30), None));

        Assert.Null(await store.GetConversationAsync("old", None));
        Assert.Empty((await store.GetActivitiesAsync("old", 0, 10, None)).Activities);
        Assert.Single((await store.GetActivitiesAsync("recent", 0, 10, None)).Activities);
    }

    [Fact]
    public async Task TheFirstSettingWrittenIsTheOneEveryInstanceReads()
    {
        var instances = Enumerable.Range(0, 4).Select(_ => Database.NewTranscriptStore()).ToArray();

        var values = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() =>
            instances[i % 4].GetOrAddSettingAsync("token-signing-key", () => $"key-{i}", None))));

        Assert.Single(values.Distinct());
        Assert.Equal(values[0], await Database.NewTranscriptStore().GetOrAddSettingAsync("token-signing-key", () => "late", None));
    }

    [Fact]
    public async Task AnActivityAppendedOnOneInstanceWakesAStreamHeldByAnother()
    {
        await ConversationWithAsync("c1", "dl_u1", 1);
        var (store, changes) = Database.NewTranscriptInstance(TimeProvider.System);
        var feed = new TranscriptFeed();
        using var stream = feed.Subscribe("c1");
        using var stop = new CancellationTokenSource();
        var relay = Task.Run(() => changes.RunAsync(feed, stop.Token));
        try
        {
            // The change source wakes the stream once it is listening (it cannot know what it missed before).
            await stream.WaitAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));

            await Database.NewTranscriptStore().AppendAsync("c1", Now, seq => Activity(seq), None);

            await stream.WaitAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));
            Assert.Equal([Activity(2)], (await store.GetActivitiesAsync("c1", 1, 10, None)).Activities);
        }
        finally
        {
            await StopAsync(stop, relay);
        }
    }

    /// <summary>A conversation with <paramref name="activities"/> activities, appended through another instance.</summary>
    protected async Task<ITranscriptStore> ConversationWithAsync(string conversationId, string userId, int activities)
    {
        var store = Database.NewTranscriptStore();
        await store.CreateConversationAsync(conversationId, userId, Now, None);
        for (var i = 0; i < activities; i++)
        {
            await store.AppendAsync(conversationId, Now, seq => Activity(seq), None);
        }

        return store;
    }

    /// <summary>Stops a change source the way the host does.</summary>
    protected static async Task StopAsync(CancellationTokenSource stop, Task running)
    {
        await stop.CancelAsync();
        try
        {
            await running;
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }
    }

    protected static string Activity(long seq) => $"{{\"id\":\"{seq.ToString(CultureInfo.InvariantCulture)}\",\"type\":\"message\"}}";
}

public sealed class SqliteTranscriptStoreTests() : TranscriptStoreContract(new SqliteTestDatabase());

public sealed class PostgresTranscriptStoreTests() : TranscriptStoreContract(new PostgresTestDatabase())
{
    [Fact]
    public async Task AfterLosingItsConnectionTheListenerReconnectsAndWakesEveryStream()
    {
        await ConversationWithAsync("c1", "dl_u1", 1);
        var (_, changes) = Database.NewTranscriptInstance(TimeProvider.System);
        var feed = new TranscriptFeed();
        using var stream = feed.Subscribe("c1");
        using var stop = new CancellationTokenSource();
        var relay = Task.Run(() => changes.RunAsync(feed, stop.Token));
        try
        {
            await stream.WaitAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));
            Assert.True(changes.IsConnected);

            // The server ends the listening session (a restart, a failover, a network cut).
            var channel = "stretchbot_transcripts_" + new Npgsql.NpgsqlConnectionStringBuilder(Database.ConnectionString).SearchPath;
            var ended = await Database.NewDatabase().QueryAsync(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query LIKE @listen;",
                r => r.GetBoolean(0),
                None,
                ("@listen", $"LISTEN \"{channel}\"%"));
            Assert.Equal([true], ended);

            // It listens again and wakes the stream, which reads whatever was appended meanwhile.
            await Database.NewTranscriptStore().AppendAsync("c1", Now, seq => Activity(seq), None);
            await stream.WaitAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));
            Assert.True(changes.IsConnected);
        }
        finally
        {
            await StopAsync(stop, relay);
        }
    }
}
