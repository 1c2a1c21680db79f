using StretchBot.Storage.Sqlite;

namespace StretchBot.Tests.Storage;

/// <summary>Writes that queue while the writer is busy are committed together; each keeps its own outcome.</summary>
public sealed class SqliteWriteBatchTests : IDisposable
{
    private readonly SqliteTestDatabase _file = new();

    public void Dispose() => _file.Dispose();

    [Fact]
    public async Task AWriteThatFailsAmongQueuedWritesUndoesOnlyItselfAndTheOthersAreKept()
    {
        await using var database = new SqliteDatabase(_file.ConnectionString, 10_000);
        var (busy, release) = await HoldTheWriterAsync(database);

        var first = Insert(database, "first");
        var failing = database.WriteAsync<int>(
            async (connection, transaction, ct) =>
            {
                await using var command = SqliteDatabase.Command(connection, transaction, "INSERT INTO directline_settings (name, value) VALUES ('failing', 'x');");
                await command.ExecuteNonQueryAsync(ct);
                throw new InvalidOperationException("refused after writing");
            });
        var last = Insert(database, "last");
        release();

        await busy;
        Assert.Equal(1, await first);
        await Assert.ThrowsAsync<InvalidOperationException>(() => failing);
        Assert.Equal(1, await last);
        Assert.Equal(["held", "first", "last"], await NamesAsync(database));
    }

    [Fact]
    public async Task AQueuedWriteWhoseCallerGivesUpIsNotWritten()
    {
        await using var database = new SqliteDatabase(_file.ConnectionString, 10_000);
        var (busy, release) = await HoldTheWriterAsync(database);
        using var giveUp = new CancellationTokenSource();

        var abandoned = Insert(database, "abandoned", giveUp.Token);
        var kept = Insert(database, "kept");
        await giveUp.CancelAsync();
        release();

        await busy;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => abandoned);
        Assert.Equal(1, await kept);
        Assert.Equal(["held", "kept"], await NamesAsync(database));
    }

    [Fact]
    public async Task MoreQueuedWritesThanOneCommitTakesAreAllCommittedInTheirOrder()
    {
        await using var database = new SqliteDatabase(_file.ConnectionString, 10_000);
        var (busy, release) = await HoldTheWriterAsync(database);

        var names = Enumerable.Range(0, SqliteDatabase.MaxWritesPerCommit * 2 + 3).Select(i => $"w{i:D3}").ToList();
        var writes = names.Select(name => Insert(database, name)).ToList();
        release();

        await busy;
        Assert.All(await Task.WhenAll(writes), changed => Assert.Equal(1, changed));
        Assert.Equal(["held", .. names], await NamesAsync(database));
    }

    /// <summary>Starts a write that keeps the writer until released, so the writes after it queue.</summary>
    private static async Task<(Task<int> Busy, Action Release)> HoldTheWriterAsync(SqliteDatabase database)
    {
        await database.EnsureReadyAsync();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var busy = database.WriteAsync<int>(
            async (connection, transaction, ct) =>
            {
                await using var command = SqliteDatabase.Command(connection, transaction, "INSERT INTO directline_settings (name, value) VALUES ('held', 'x');");
                var changed = await command.ExecuteNonQueryAsync(ct);
                started.SetResult();
                await gate.Task;
                return changed;
            });
        await started.Task;
        return (busy, () => gate.SetResult());
    }

    private static Task<int> Insert(SqliteDatabase database, string name, CancellationToken cancellationToken = default)
        => database.ExecuteWriteAsync("INSERT INTO directline_settings (name, value) VALUES (@name, 'x');", cancellationToken, ("@name", name));

    private static async Task<List<string>> NamesAsync(SqliteDatabase database)
        => await database.QueryAsync("SELECT name FROM directline_settings WHERE value = 'x' ORDER BY rowid;", r => r.GetString(0), CancellationToken.None);
}
