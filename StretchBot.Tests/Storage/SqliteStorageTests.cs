using System.Collections.Concurrent;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;
using StretchBot.Storage;

namespace StretchBot.Tests.Storage;

public sealed class SqliteStorageTests : IDisposable
{
    private readonly TempSqliteDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task AStoreItemReadsBackAsWrittenWithItsCurrentETag()
    {
        var storage = _database.NewStorage();
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
        var storage = _database.NewStorage();
        var state = new Dictionary<string, object> { ["answers"] = 3, ["dialog"] = new JObject { ["step"] = "pain" } };

        await storage.WriteAsync(new Dictionary<string, object> { ["test/conversations/c1"] = state });
        var read = await storage.ReadAsync(["test/conversations/c1"]);

        var stored = Assert.IsType<JObject>(read["test/conversations/c1"]);
        Assert.Equal(3, stored.Value<int>("answers"));
        Assert.Equal("pain", stored["dialog"]!.Value<string>("step"));
        Assert.Equal(state[SqliteStorage.ETagKey], stored.Value<string>(SqliteStorage.ETagKey));
    }

    [Fact]
    public async Task ReadingKeysThatWereNeverWrittenReturnsNothing()
    {
        var storage = _database.NewStorage();
        await storage.WriteAsync(new Dictionary<string, object> { ["present"] = new PlanStoreItem { Pain = 1 } });

        var read = await storage.ReadAsync(["missing", "also-missing"]);

        Assert.Empty(read);
    }

    [Fact]
    public async Task DeletedKeysAreGoneAndOthersStay()
    {
        var storage = _database.NewStorage();
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
        var storage = _database.NewStorage();
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
        var storage = _database.NewStorage();
        await storage.WriteAsync(new Dictionary<string, object> { ["plans/u1"] = new PlanStoreItem { Pain = 5 } });
        await storage.WriteAsync(new Dictionary<string, object> { ["plans/u1"] = new PlanStoreItem { Pain = 6 } });

        await storage.WriteAsync(new Dictionary<string, object> { ["plans/u1"] = new PlanStoreItem { Pain = 2, ETag = etag } });

        Assert.Equal(2, (await storage.ReadAsync<PlanStoreItem>(["plans/u1"]))["plans/u1"].Pain);
    }

    [Fact]
    public async Task AWriteWithAnETagForAnItemDeletedMeanwhileIsRefused()
    {
        var storage = _database.NewStorage();
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
        var storage = _database.NewStorage();
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
        var storage = _database.NewStorage();
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
        var instanceA = new ConversationState(_database.NewStorage());
        var instanceB = new ConversationState(_database.NewStorage());
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
        var fresh = new ConversationState(_database.NewStorage());
        Assert.Equal(2, await fresh.CreateProperty<int>("answers").GetAsync(check, () => 0));
    }

    [Fact]
    public async Task SavingTwiceInOneTurnIsNotAConflict()
    {
        var state = new ConversationState(_database.NewStorage());
        var turn = Turn("c1");
        var step = state.CreateProperty<string>("step");

        await step.SetAsync(turn, "confirm");
        await state.SaveChangesAsync(turn);
        await step.SetAsync(turn, "red-flags");
        await state.SaveChangesAsync(turn);

        var fresh = new ConversationState(_database.NewStorage());
        Assert.Equal("red-flags", await fresh.CreateProperty<string>("step").GetAsync(Turn("c1"), () => "none"));
    }

    [Fact]
    public async Task DataSurvivesARestart()
    {
        var beforeRestart = new ConversationState(_database.NewStorage());
        var turn = Turn("c1");
        await beforeRestart.CreateProperty<string>("step").SetAsync(turn, "pain-score");
        await beforeRestart.SaveChangesAsync(turn);
        await _database.NewStorage().WriteAsync(new Dictionary<string, object> { ["plans/u1"] = new PlanStoreItem { Pain = 7 } });
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection(_database.ConnectionString))
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearPool(connection);
        }

        var afterRestart = _database.NewStorage();
        var state = new ConversationState(afterRestart);

        Assert.Equal("pain-score", await state.CreateProperty<string>("step").GetAsync(Turn("c1"), () => "none"));
        Assert.Equal(7, (await afterRestart.ReadAsync<PlanStoreItem>(["plans/u1"]))["plans/u1"].Pain);
    }

    [Fact]
    public async Task ConcurrentOverwritingWritersLoseNothingAndTheSharedKeyHoldsOneWholeWrite()
    {
        var instances = Enumerable.Range(0, 4).Select(_ => _database.NewStorage()).ToArray();
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

        var read = await _database.NewStorage().ReadAsync<PlanStoreItem>(
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
        var instances = Enumerable.Range(0, 4).Select(_ => _database.NewStorage()).ToArray();
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
        var storage = _database.NewStorage();
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
        var storage = _database.NewStorage();
        await storage.WriteAsync(new Dictionary<string, object> { ["a"] = new PlanStoreItem() });

        await Assert.ThrowsAsync<ArgumentException>(() => storage.DeleteByPrefixAsync(string.Empty));

        Assert.Single(await storage.ReadAsync(["a"]));
    }

    [Fact]
    public async Task TheDataFolderIsCreatedOnFirstUse()
    {
        Assert.False(Directory.Exists(Path.GetDirectoryName(_database.FilePath)));

        await _database.NewStorage().InitializeAsync();

        Assert.True(File.Exists(_database.FilePath));
    }

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
