using Microsoft.Data.Sqlite;
using StretchBot.Storage;
using StretchBot.Storage.Sqlite;

namespace StretchBot.Tests.Storage;

public sealed class SqliteDatabaseTests : IDisposable
{
    private readonly SqliteTestDatabase _file = new();

    public void Dispose() => _file.Dispose();

    [Fact]
    public async Task EveryConnectionIsInWalWithNormalSyncSecureDeleteAndTheConfiguredBusyTimeout()
    {
        await using var database = new SqliteDatabase(_file.ConnectionString, busyTimeoutMilliseconds: 1234);

        await using var lease = await database.ReadAsync();

        Assert.Equal("wal", await ScalarAsync(lease.Connection, "PRAGMA journal_mode;"));
        Assert.Equal(1L, await ScalarAsync(lease.Connection, "PRAGMA synchronous;"));
        Assert.Equal(1L, await ScalarAsync(lease.Connection, "PRAGMA secure_delete;"));
        Assert.Equal(1234L, await ScalarAsync(lease.Connection, "PRAGMA busy_timeout;"));
    }

    [Fact]
    public async Task AFileFromBeforeSchemaVersionsKeepsItsDataAndItsTranscriptNumbering()
    {
        await CreateOldFileAsync(
            """
            CREATE TABLE bot_storage (key TEXT NOT NULL PRIMARY KEY, json TEXT NOT NULL, etag TEXT NOT NULL, store_type TEXT NULL, updated_utc TEXT NOT NULL) WITHOUT ROWID;
            INSERT INTO bot_storage VALUES ('users/u1', '{"a":1}', 'e1', NULL, '2026-01-01T00:00:00.0000000+00:00');
            CREATE TABLE directline_conversations (conversation_id TEXT NOT NULL PRIMARY KEY, user_id TEXT NOT NULL, started INTEGER NOT NULL DEFAULT 0, created_utc TEXT NOT NULL, last_activity_utc TEXT NOT NULL);
            CREATE TABLE directline_activities (conversation_id TEXT NOT NULL, seq INTEGER NOT NULL, json TEXT NOT NULL, PRIMARY KEY (conversation_id, seq));
            INSERT INTO directline_conversations VALUES ('c1', 'dl_1', 1, 'x', 'x');
            INSERT INTO directline_activities VALUES ('c1', 7, '{}');
            """);

        await using var database = new SqliteDatabase(_file.ConnectionString, 10_000);
        await database.EnsureReadyAsync();

        await using var lease = await database.ReadAsync();
        Assert.Equal(SqliteSchema.Latest, database.SchemaVersion);
        Assert.Equal("{\"a\":1}", await ScalarAsync(lease.Connection, "SELECT json FROM bot_storage WHERE key = 'users/u1';"));
        Assert.Equal(7L, await ScalarAsync(lease.Connection, "SELECT last_seq FROM directline_conversations WHERE conversation_id = 'c1';"));
    }

    [Fact]
    public async Task UpgradingAFileAtVersionSixKeepsEveryStateRowAsItWasInARowidTable()
    {
        var json = "{\"answers\":\"" + new string('x', 3000) + "\"}";
        await CreateOldFileAsync(
            """
            CREATE TABLE bot_storage (key TEXT NOT NULL PRIMARY KEY, json TEXT NOT NULL, etag TEXT NOT NULL, store_type TEXT NULL, updated_utc TEXT NOT NULL) WITHOUT ROWID;
            CREATE INDEX ix_bot_storage_updated ON bot_storage (updated_utc);
            INSERT INTO bot_storage VALUES ('msteams/users/u1', @json, 'e1', 'Some.Type', '2026-01-01T00:00:00.0000000+00:00');
            INSERT INTO bot_storage VALUES ('msteams/conversations/c1', '{}', 'e2', NULL, '2026-01-02T00:00:00.0000000+00:00');
            PRAGMA user_version = 6;
            """,
            ("@json", json));

        await using var database = new SqliteDatabase(_file.ConnectionString, 10_000);
        await database.EnsureReadyAsync();

        await using var lease = await database.ReadAsync();
        Assert.Equal(7, database.SchemaVersion);
        Assert.Equal(json, await ScalarAsync(lease.Connection, "SELECT json FROM bot_storage WHERE key = 'msteams/users/u1';"));
        Assert.Equal("e1|Some.Type|2026-01-01T00:00:00.0000000+00:00", await ScalarAsync(lease.Connection, "SELECT etag || '|' || store_type || '|' || updated_utc FROM bot_storage WHERE key = 'msteams/users/u1';"));
        Assert.Equal(2L, await ScalarAsync(lease.Connection, "SELECT count(*) FROM bot_storage;"));
        Assert.DoesNotContain("WITHOUT ROWID", (string)(await ScalarAsync(lease.Connection, "SELECT sql FROM sqlite_schema WHERE name = 'bot_storage';"))!, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(1L, await ScalarAsync(lease.Connection, "SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND name = 'ix_bot_storage_updated';"));
    }

    [Fact]
    public async Task ACheckpointBesideTheWritersPutsWhatTheLogHoldsIntoTheDatabaseFile()
    {
        await using var database = new SqliteDatabase(_file.ConnectionString, 10_000);
        await database.ExecuteWriteAsync("INSERT INTO directline_settings (name, value) VALUES ('marker', 'only-in-the-log-so-far');", CancellationToken.None);
        Assert.False(FileHolds(_file.FilePath, "only-in-the-log-so-far"));

        var complete = await database.CheckpointBesideWritersAsync();

        Assert.True(complete);
        Assert.True(FileHolds(_file.FilePath, "only-in-the-log-so-far"));
    }

    [Fact]
    public async Task ManyWritersAtOnceAreQueuedAndAllCommit()
    {
        await using var database = new SqliteDatabase(_file.ConnectionString, busyTimeoutMilliseconds: 0);
        await database.ExecuteWriteAsync("INSERT INTO directline_settings (name, value) VALUES ('n', '0');", CancellationToken.None);

        // A busy timeout of 0 would fail any writer that had to spin in SQLite's busy handler; queued writers never do.
        await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => Task.Run(() => database.ExecuteWriteAsync(
            "UPDATE directline_settings SET value = CAST(value AS INTEGER) + 1 WHERE name = 'n';", CancellationToken.None))));

        await using var lease = await database.ReadAsync();
        Assert.Equal("200", await ScalarAsync(lease.Connection, "SELECT value FROM directline_settings WHERE name = 'n';"));
    }

    [Fact]
    public async Task AFailedWriteIsRolledBackAndTheNextOneStillWorks()
    {
        await using var database = new SqliteDatabase(_file.ConnectionString, 10_000);

        await Assert.ThrowsAsync<InvalidOperationException>(() => database.WriteAsync<int>(
            async (connection, transaction, ct) =>
            {
                await using var insert = SqliteDatabase.Command(connection, transaction, "INSERT INTO directline_settings (name, value) VALUES ('lost', 'x');");
                await insert.ExecuteNonQueryAsync(ct);
                throw new InvalidOperationException("refused");
            }));
        await database.ExecuteWriteAsync("INSERT INTO directline_settings (name, value) VALUES ('kept', 'y');", CancellationToken.None);

        await using var lease = await database.ReadAsync();
        Assert.Equal(1L, await ScalarAsync(lease.Connection, "SELECT COUNT(*) FROM directline_settings;"));
    }

    [Fact]
    public async Task AWriteStatementThatFailsRunsAgainWithOtherValues()
    {
        await using var database = new SqliteDatabase(_file.ConnectionString, 10_000);
        const string Insert = "INSERT INTO directline_settings (name, value) VALUES (@name, @value);";
        await database.ExecuteWriteAsync(Insert, CancellationToken.None, ("@name", "a"), ("@value", "1"));

        await Assert.ThrowsAsync<SqliteException>(() => database.ExecuteWriteAsync(Insert, CancellationToken.None, ("@name", "a"), ("@value", "2")));
        await database.ExecuteInTransactionAsync([new SqlStatement(Insert, ("@name", "b"), ("@value", "3"))], CancellationToken.None);

        var rows = await database.QueryAsync("SELECT name || '=' || value FROM directline_settings ORDER BY name;", r => r.GetString(0), CancellationToken.None);
        Assert.Equal(["a=1", "b=3"], rows);
    }

    [Fact]
    public async Task AReadOnAKeptConnectionSeesWhatWasWrittenSinceAndHoldsNoSnapshotOpen()
    {
        await using var database = new SqliteDatabase(_file.ConnectionString, 10_000);
        const string Read = "SELECT value FROM directline_settings WHERE name = @name;";
        await database.ExecuteWriteAsync("INSERT INTO directline_settings (name, value) VALUES ('n', 'before');", CancellationToken.None);

        var first = await database.QueryAsync(Read, r => r.GetString(0), CancellationToken.None, ("@name", "n"));
        await database.ExecuteWriteAsync("UPDATE directline_settings SET value = 'after' WHERE name = 'n';", CancellationToken.None);
        var second = await database.QueryAsync(Read, r => r.GetString(0), CancellationToken.None, ("@name", "n"));

        Assert.Equal(["before"], first);
        Assert.Equal(["after"], second);

        // A read left open on the kept connection would stop the log from being emptied.
        Assert.True(await database.CheckpointAsync());
    }

    [Fact]
    public async Task AReadThatFailsPartWayDoesNotSpoilTheNextRead()
    {
        await using var database = new SqliteDatabase(_file.ConnectionString, 10_000);
        const string Read = "SELECT name FROM directline_settings ORDER BY name;";
        await database.ExecuteWriteAsync("INSERT INTO directline_settings (name, value) VALUES ('a', '1'), ('b', '2');", CancellationToken.None);

        await Assert.ThrowsAsync<InvalidOperationException>(() => database.QueryAsync<string>(
            Read, _ => throw new InvalidOperationException("refused"), CancellationToken.None));
        var names = await database.QueryAsync(Read, r => r.GetString(0), CancellationToken.None);

        Assert.Equal(["a", "b"], names);
        Assert.True(await database.CheckpointAsync());
    }

    /// <summary>A database file made the way an older release left it, by <paramref name="sql"/>.</summary>
    private async Task CreateOldFileAsync(string sql, params (string Name, object Value)[] parameters)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_file.FilePath)!);
        await using var old = new SqliteConnection(_file.ConnectionString + ";Pooling=False");
        await old.OpenAsync();
        await using var create = old.CreateCommand();
        create.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            create.Parameters.AddWithValue(name, value);
        }

        await create.ExecuteNonQueryAsync();
    }

    private static bool FileHolds(string path, string text)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray().AsSpan().IndexOf(System.Text.Encoding.UTF8.GetBytes(text)) >= 0;
    }

    private static async Task<object?> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
