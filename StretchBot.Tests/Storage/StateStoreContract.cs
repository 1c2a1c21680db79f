using System.Collections.Concurrent;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using StretchBot.Storage;

namespace StretchBot.Tests.Storage;

/// <summary>
/// Conversation and user state's behaviour (IStorage's ETags, the turn's all-or-nothing write, deletes, retention),
/// which every provider's <see cref="BotStateStorage"/> must show. Each <c>NewStorage()</c> is another instance.
/// </summary>
public abstract class StateStoreContract(TestDatabase database) : IDisposable
{
    private protected TestDatabase Database { get; } = database;

    public void Dispose()
    {
        Database.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task AStoreItemReadsBackAsWrittenWithItsCurrentETag()
    {
        var storage = NewStorage();
        var plan = new PlanStoreItem
        {
            StretchIds = ["cat-cow", "knee-hugs"],
            Pain = 6,
            NextCheckIn = new DateTimeOffset(2026, 12, 1, 9, 30, 0, TimeSpan.FromHours(1)),
        };

        await storage.WriteAsync(new Dictionary<string, object> { ["plans/u1"] = plan });
        var read = await storage.ReadAsync<PlanStoreItem>(["plans/u1"]);

        var stored = Assert.Single(read).Value;
        Assert.Equal(["cat-cow", "knee-hugs"], stored.StretchIds);
        Assert.Equal(6, stored.Pain);
        Assert.Equal(plan.NextCheckIn, stored.NextCheckIn);
        Assert.Equal(TimeSpan.FromHours(1), stored.NextCheckIn.Offset);
        Assert.False(string.IsNullOrEmpty(stored.ETag));
        Assert.Equal(plan.ETag, stored.ETag);
    }

    [Fact]
    public async Task APlainDictionaryReadsBackAsAnObjectCarryingItsETag()
    {
        var storage = NewStorage();
        var state = new Dictionary<string, object> { ["answers"] = 3, ["dialog"] = new JObject { ["step"] = "pain" } };

        await storage.WriteAsync(new Dictionary<string, object> { ["test/conversations/c1"] = state });
        var read = await storage.ReadAsync(["test/conversations/c1"]);

        var stored = Assert.IsType<JObject>(read["test/conversations/c1"]);
        Assert.Equal(3, stored.Value<int>("answers"));
        Assert.Equal("pain", stored["dialog"]!.Value<string>("step"));
        Assert.Equal(state[BotStateStorage.ETagKey], stored.Value<string>(BotStateStorage.ETagKey));
    }

    [Fact]
    public async Task ReadingKeysThatWereNeverWrittenReturnsNothing()
    {
        var storage = NewStorage();
        await storage.WriteAsync(new Dictionary<string, object> { ["present"] = new PlanStoreItem { Pain = 1 } });

        var read = await storage.ReadAsync(["missing", "also-missing"]);

        Assert.Empty(read);
    }

    [Fact]
    public async Task DeletedKeysAreGoneAndOthersStay()
    {
        var storage = NewStorage();
        await storage.WriteAsync(new Dictionary<string, object>
        {
            ["a"] = new PlanStoreItem { Pain = 1 },
            ["b"] = new PlanStoreItem { Pain = 2 },
        });

        await storage.DeleteAsync(["a", "never-there"]);
        var read = await storage.ReadAsync<PlanStoreItem>(["a", "b"]);

        Assert.Equal(["b"], read.Keys);
        Assert.Equal(2, read["b"].Pain);
    }

    [Fact]
    public async Task AStaleStoreItemIsRefusedAndTheNewerVersionStays()
    {
        var storage = NewStorage();
        await storage.WriteAsync(new Dictionary<string, object> { ["plans/u1"] = new PlanStoreItem { Pain = 5 } });
        var first = (await storage.ReadAsync<PlanStoreItem>(["plans/u1"]))["plans/u1"];
        var second = (await storage.ReadAsync<PlanStoreItem>(["plans/u1"]))["plans/u1"];

        first.Pain = 4;
        await storage.WriteAsync(new Dictionary<string, object> { ["plans/u1"] = first });
        second.Pain = 8;
        var conflict = await Assert.ThrowsAsync<StorageConcurrencyException>(
            () => storage.WriteAsync(new Dictionary<string, object> { ["plans/u1"] = second }));

        Assert.Equal("plans/u1", conflict.Key);
        Assert.Contains("plans/u1", conflict.Message);
        Assert.Equal(4, (await storage.ReadAsync<PlanStoreItem>(["plans/u1"]))["plans/u1"].Pain);
    }

    [Theory]
    [InlineData("*")]
    [InlineData(null)]
    [InlineData("")]
    public async Task AWildcardOrMissingETagOverwrites(string? etag)
    {
        var storage = NewStorage();
        await storage.WriteAsync(new Dictionary<string, object> { ["plans/u1"] = new PlanStoreItem { Pain = 5 } });
        await storage.WriteAsync(new Dictionary<string, object> { ["plans/u1"] = new PlanStoreItem { Pain = 6 } });

        await storage.WriteAsync(new Dictionary<string, object> { ["plans/u1"] = new PlanStoreItem { Pain = 2, ETag = etag } });

        Assert.Equal(2, (await storage.ReadAsync<PlanStoreItem>(["plans/u1"]))["plans/u1"].Pain);
    }

    [Fact]
    public async Task AWriteWithAnETagForAnItemDeletedMeanwhileIsRefused()
    {
        var storage = NewStorage();
        await storage.WriteAsync(new Dictionary<string, object> { ["plans/u1"] = new PlanStoreItem { Pain = 5 } });
        var read = (await storage.ReadAsync<PlanStoreItem>(["plans/u1"]))["plans/u1"];
        await storage.DeleteAsync(["plans/u1"]);

        read.Pain = 3;
        await Assert.ThrowsAsync<StorageConcurrencyException>(
            () => storage.WriteAsync(new Dictionary<string, object> { ["plans/u1"] = read }));

        Assert.Empty(await storage.ReadAsync(["plans/u1"]));
    }

    [Fact]
    public async Task AMultiKeyWriteWithOneStaleItemWritesNothing()
    {
        var storage = NewStorage();
        await storage.WriteAsync(new Dictionary<string, object> { ["b"] = new PlanStoreItem { Pain = 1 } });
        var stale = (await storage.ReadAsync<PlanStoreItem>(["b"]))["b"];
        await storage.WriteAsync(new Dictionary<string, object> { ["b"] = new PlanStoreItem { Pain = 2 } });

        await Assert.ThrowsAsync<StorageConcurrencyException>(() => storage.WriteAsync(new Dictionary<string, object>
        {
            ["a"] = new PlanStoreItem { Pain = 9 },
            ["b"] = stale,
        }));

        var read = await storage.ReadAsync<PlanStoreItem>(["a", "b"]);
        Assert.Equal(["b"], read.Keys);
        Assert.Equal(2, read["b"].Pain);
    }

    [Fact]
    public async Task AnObjectReadWrittenBackAfterSomeoneElseChangedItConflicts()
    {
        var storage = NewStorage();
        await storage.WriteAsync(new Dictionary<string, object> { ["k"] = new Dictionary<string, object> { ["answers"] = 1 } });
        var read = (JObject)(await storage.ReadAsync(["k"]))["k"];
        await storage.WriteAsync(new Dictionary<string, object> { ["k"] = new Dictionary<string, object> { ["answers"] = 2 } });

        read["answers"] = 3;
        await Assert.ThrowsAsync<StorageConcurrencyException>(
            () => storage.WriteAsync(new Dictionary<string, object> { ["k"] = read }));

        Assert.Equal(2, ((JObject)(await storage.ReadAsync(["k"]))["k"]).Value<int>("answers"));
    }

    [Fact]
    public async Task ConversationStateSavedFromStaleDataOnAnotherInstanceConflicts()
    {
        // Two instances behind a load balancer, each with its own storage object over the same database.
        var instanceA = new ConversationState(NewStorage());
        var instanceB = new ConversationState(NewStorage());
        var seed = Turn("c1");
        await instanceA.CreateProperty<int>("answers").SetAsync(seed, 1);
        await instanceA.SaveChangesAsync(seed);

        var turnA = Turn("c1");
        var turnB = Turn("c1");
        var answersA = instanceA.CreateProperty<int>("answers");
        var answersB = instanceB.CreateProperty<int>("answers");
        await answersA.SetAsync(turnA, await answersA.GetAsync(turnA, () => 0) + 1);
        await answersB.SetAsync(turnB, await answersB.GetAsync(turnB, () => 0) + 10);
        await instanceA.SaveChangesAsync(turnA);

        await Assert.ThrowsAsync<StorageConcurrencyException>(() => instanceB.SaveChangesAsync(turnB));

        var check = Turn("c1");
        var fresh = new ConversationState(NewStorage());
        Assert.Equal(2, await fresh.CreateProperty<int>("answers").GetAsync(check, () => 0));
    }

    [Fact]
    public async Task SavingTwiceInOneTurnIsNotAConflict()
    {
        var state = new ConversationState(NewStorage());
        var turn = Turn("c1");
        var step = state.CreateProperty<string>("step");

        await step.SetAsync(turn, "confirm");
        await state.SaveChangesAsync(turn);
        await step.SetAsync(turn, "red-flags");
        await state.SaveChangesAsync(turn);

        var fresh = new ConversationState(NewStorage());
        Assert.Equal("red-flags", await fresh.CreateProperty<string>("step").GetAsync(Turn("c1"), () => "none"));
    }

    [Fact]
    public async Task DataSurvivesARestart()
    {
        var beforeRestart = new ConversationState(NewStorage());
        var turn = Turn("c1");
        await beforeRestart.CreateProperty<string>("step").SetAsync(turn, "pain-score");
        await beforeRestart.SaveChangesAsync(turn);
        await NewStorage().WriteAsync(new Dictionary<string, object> { ["plans/u1"] = new PlanStoreItem { Pain = 7 } });

        var afterRestart = NewStorage();
        var state = new ConversationState(afterRestart);

        Assert.Equal("pain-score", await state.CreateProperty<string>("step").GetAsync(Turn("c1"), () => "none"));
        Assert.Equal(7, (await afterRestart.ReadAsync<PlanStoreItem>(["plans/u1"]))["plans/u1"].Pain);
    }

    [Fact]
    public async Task ConcurrentOverwritingWritersLoseNothingAndTheSharedKeyHoldsOneWholeWrite()
    {
        var instances = Enumerable.Range(0, 4).Select(_ => NewStorage()).ToArray();
        const int writers = 64;

        await Task.WhenAll(Enumerable.Range(0, writers).Select(i => Task.Run(async () =>
        {
            var storage = instances[i % instances.Length];
            await storage.WriteAsync(new Dictionary<string, object> { [$"distinct/{i}"] = new PlanStoreItem { Pain = i } });
            await storage.WriteAsync(new Dictionary<string, object>
            {
                ["shared"] = new PlanStoreItem { Pain = i, StretchIds = [$"writer-{i}"], ETag = "*" },
            });
        })));

        var read = await NewStorage().ReadAsync<PlanStoreItem>(
            Enumerable.Range(0, writers).Select(i => $"distinct/{i}").Append("shared").ToArray());
        for (var i = 0; i < writers; i++)
        {
            Assert.Equal(i, read[$"distinct/{i}"].Pain);
        }

        var shared = read["shared"];
        Assert.InRange(shared.Pain, 0, writers - 1);
        Assert.Equal([$"writer-{shared.Pain}"], shared.StretchIds);

        await instances[0].WriteAsync(new Dictionary<string, object> { ["shared"] = new PlanStoreItem { Pain = 99 } });
        Assert.Equal(99, (await instances[1].ReadAsync<PlanStoreItem>(["shared"]))["shared"].Pain);
    }

    [Fact]
    public async Task ConcurrentConditionalWritersOnOneKeyHaveExactlyOneWinnerPerRound()
    {
        var instances = Enumerable.Range(0, 4).Select(_ => NewStorage()).ToArray();
        await instances[0].WriteAsync(new Dictionary<string, object> { ["plans/u1"] = new PlanStoreItem { Pain = -1 } });
        const int contenders = 8;

        for (var round = 0; round < 5; round++)
        {
            var etag = (await instances[0].ReadAsync<PlanStoreItem>(["plans/u1"]))["plans/u1"].ETag;
            var winners = new ConcurrentBag<int>();
            var losers = new ConcurrentBag<int>();

            await Task.WhenAll(Enumerable.Range(0, contenders).Select(i => Task.Run(async () =>
            {
                var attempt = new PlanStoreItem { Pain = (round * 100) + i, ETag = etag };
                try
                {
                    await instances[i % instances.Length].WriteAsync(new Dictionary<string, object> { ["plans/u1"] = attempt });
                    winners.Add(attempt.Pain);
                }
                catch (StorageConcurrencyException)
                {
                    losers.Add(attempt.Pain);
                }
            })));

            var winner = Assert.Single(winners);
            Assert.Equal(contenders - 1, losers.Count);
            Assert.Equal(winner, (await instances[0].ReadAsync<PlanStoreItem>(["plans/u1"]))["plans/u1"].Pain);
        }
    }

    [Fact]
    public async Task DeletingByPrefixRemovesExactlyTheKeysThatStartWithIt()
    {
        var storage = NewStorage();
        string[] keys =
        [
            "msteams/users/a%_1/profile",
            "msteams/users/a%_1/plan",
            "msteams/users/aX_1/profile",
            "msteams/users/a%_10/profile",
            "MSTEAMS/users/a%_1/profile",
        ];
        await storage.WriteAsync(keys.ToDictionary(k => k, object (_) => new PlanStoreItem { Pain = 1 }));

        var deleted = await storage.DeleteByPrefixAsync("msteams/users/a%_1/");

        Assert.Equal(2, deleted);
        var left = await storage.ReadAsync(keys);
        Assert.Equal(
            ["MSTEAMS/users/a%_1/profile", "msteams/users/a%_10/profile", "msteams/users/aX_1/profile"],
            left.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task DeletingByAnEmptyPrefixIsRefused()
    {
        var storage = NewStorage();
        await storage.WriteAsync(new Dictionary<string, object> { ["a"] = new PlanStoreItem() });

        await Assert.ThrowsAsync<ArgumentException>(() => storage.DeleteByPrefixAsync(string.Empty));

        Assert.Single(await storage.ReadAsync(["a"]));
    }

    [Fact]
    public async Task ATurnWriteOfBothStatesFromAStaleReadWritesNeither()
    {
        var storage = NewStorage();
        await storage.WriteStateAsync([new("conversation/c1", "{\"step\":1}", null, "e1"), new("user/u1", "{\"pain\":4}", null, "u1")], CancellationToken.None);

        // Another instance moved the user on meanwhile; this turn read the user at "u1".
        await NewStorage().WriteStateAsync([new("user/u1", "{\"pain\":5}", "u1", "u2")], CancellationToken.None);
        var conflict = await Assert.ThrowsAsync<StorageConcurrencyException>(() => storage.WriteStateAsync(
            [new("conversation/c1", "{\"step\":2}", "e1", "e2"), new("user/u1", "{\"pain\":6}", "u1", "u3")],
            CancellationToken.None));

        Assert.Equal("user/u1", conflict.Key);
        var rows = await NewStorage().ReadStateAsync(["conversation/c1", "user/u1"], CancellationToken.None);
        Assert.Equal(new StretchBot.Dialogs.State.StoredState("{\"step\":1}", "e1"), rows["conversation/c1"]);
        Assert.Equal(new StretchBot.Dialogs.State.StoredState("{\"pain\":5}", "u2"), rows["user/u1"]);
    }

    [Fact]
    public async Task TwoInstancesCreatingTheSameStateAtOnceHaveOneWinner()
    {
        var instances = Enumerable.Range(0, 6).Select(_ => NewStorage()).ToArray();
        var outcomes = await Task.WhenAll(instances.Select((storage, i) => Task.Run(async () =>
        {
            try
            {
                await storage.WriteStateAsync([new("conversation/new", $"{{\"by\":{i}}}", null, $"e{i}")], CancellationToken.None);
                return i;
            }
            catch (StorageConcurrencyException)
            {
                return -1;
            }
        })));

        var winner = Assert.Single(outcomes, o => o >= 0);
        Assert.Equal($"{{\"by\":{winner}}}", (await NewStorage().ReadStateAsync(["conversation/new"], CancellationToken.None))["conversation/new"].Json);
    }

    [Fact]
    public async Task StateUntouchedForLongerThanTheRetentionIsDeletedAndRecentStateStays()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var options = Options.Create(new StorageOptions { InactiveRetention = TimeSpan.FromDays(180) });
        var storage = Database.NewStateStorage(time);
        var retention = new StateRetentionService(storage, time, options, NullLogger<StateRetentionService>.Instance);

        await storage.WriteAsync(new Dictionary<string, object> { ["users/gone"] = new Dictionary<string, object> { ["x"] = 1 } });
        time.Advance(TimeSpan.FromDays(100));
        await storage.WriteAsync(new Dictionary<string, object> { ["users/active"] = new Dictionary<string, object> { ["x"] = 1 } });
        time.Advance(TimeSpan.FromDays(80) - TimeSpan.FromMinutes(1));

        Assert.Equal(0, await retention.PurgeAsync(CancellationToken.None));

        time.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(1, await retention.PurgeAsync(CancellationToken.None));
        var left = await storage.ReadAsync(["users/gone", "users/active"]);
        Assert.Equal(["users/active"], left.Keys);
    }

    /// <summary>Another instance's storage on the same database.</summary>
    protected BotStateStorage NewStorage() => Database.NewStateStorage();

    private static TurnContext Turn(string conversationId) => new(
        new TestAdapter(),
        new Activity
        {
            Type = ActivityTypes.Message,
            ChannelId = "test",
            Conversation = new ConversationAccount { Id = conversationId },
            From = new ChannelAccount { Id = "user" },
            Recipient = new ChannelAccount { Id = "bot" },
        });
}

public sealed class SqliteStateStoreTests() : StateStoreContract(new SqliteTestDatabase())
{
    [Fact]
    public async Task TheDataFolderIsCreatedOnFirstUse()
    {
        var file = ((SqliteTestDatabase)Database).FilePath;
        Assert.False(Directory.Exists(Path.GetDirectoryName(file)));

        await NewStorage().InitializeAsync();

        Assert.True(File.Exists(file));
    }
}

public sealed class PostgresStateStoreTests() : StateStoreContract(new PostgresTestDatabase());
