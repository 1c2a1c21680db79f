using Npgsql;
using StretchBot.Storage;

namespace StretchBot.Tests.Storage;

/// <summary>The schema every provider creates from <see cref="SchemaVersions"/> at start-up, also when instances start together.</summary>
public abstract class SchemaContract(TestDatabase database) : IDisposable
{
    private protected TestDatabase Database { get; } = database;

    public void Dispose()
    {
        Database.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task InstancesStartingAtOnceApplyEverySchemaVersionOnce()
    {
        var instances = Enumerable.Range(0, 4).Select(_ => Database.NewDatabase()).ToList();

        await Task.WhenAll(instances.Select(d => Task.Run(() => d.EnsureReadyAsync())));

        Assert.All(instances, d => Assert.Equal(SchemaVersions.Latest, d.SchemaVersion));
        Assert.Equal(SchemaVersions.All.Select(v => v.Number), await RecordedVersionsAsync(instances[0]));
    }

    [Fact]
    public async Task EveryStoresTableIsThereAfterStartUpAndARestartChangesNothing()
    {
        await Database.NewDatabase().EnsureReadyAsync();
        var restarted = Database.NewDatabase();
        await restarted.EnsureReadyAsync();

        foreach (var table in new[] { "bot_storage", "check_ins", "directline_conversations", "directline_activities", "directline_settings", "progress_users", "progress_events", "share_links" })
        {
            Assert.Equal([0L], await restarted.QueryAsync($"SELECT COUNT(*) FROM {table};", r => r.GetInt64(0), CancellationToken.None));
        }

        Assert.Equal(SchemaVersions.All.Select(v => v.Number), await RecordedVersionsAsync(restarted));
    }

    /// <summary>The versions the database records as applied, in order.</summary>
    protected abstract Task<IReadOnlyList<int>> RecordedVersionsAsync(IStoreDatabase database);
}

public sealed class SqliteSchemaTests() : SchemaContract(new SqliteTestDatabase())
{
    protected override async Task<IReadOnlyList<int>> RecordedVersionsAsync(IStoreDatabase database)
    {
        // SQLite records only the last version; every one before it was applied in order.
        var last = Assert.Single(await database.QueryAsync("PRAGMA user_version;", r => r.GetInt32(0), CancellationToken.None));
        return Enumerable.Range(1, last).ToList();
    }
}

public sealed class PostgresSchemaTests() : SchemaContract(new PostgresTestDatabase())
{
    [Fact]
    public async Task TheTablesGoIntoTheSchemaTheConnectionStringNames()
    {
        await Database.NewDatabase().EnsureReadyAsync();
        var schema = new NpgsqlConnectionStringBuilder(Database.ConnectionString).SearchPath;

        var tables = await Database.NewDatabase().QueryAsync(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = @schema ORDER BY table_name;",
            r => r.GetString(0),
            CancellationToken.None,
            ("@schema", schema));

        Assert.Equal(["bot_storage", "check_ins", "directline_activities", "directline_conversations", "directline_settings", "progress_events", "progress_users", "schema_versions", "share_links"], tables);
    }

    protected override async Task<IReadOnlyList<int>> RecordedVersionsAsync(IStoreDatabase database)
        => await database.QueryAsync("SELECT number FROM schema_versions ORDER BY number;", r => r.GetInt32(0), CancellationToken.None);
}
