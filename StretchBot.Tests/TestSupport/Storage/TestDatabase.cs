using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Npgsql;
using StretchBot.CheckIns;
using StretchBot.Dialogs.CheckIns;
using StretchBot.DirectLine;
using StretchBot.Progress;
using StretchBot.Storage;
using StretchBot.Storage.Postgres;
using StretchBot.Storage.Sqlite;

namespace StretchBot.Tests.TestSupport;

/// <summary>
/// A database of its own for one test, on one provider. Every <c>New…</c> store gets a database object of its own (its
/// own connections), as another instance, or this one after a restart, would have. A store joins the contract tests by
/// adding its <c>New…</c> here, next to these.
/// </summary>
public abstract class TestDatabase : IDisposable
{
    private readonly List<IDisposable> _opened = [];

    public abstract StorageProvider Provider { get; }

    /// <summary>The connection string every instance of this test shares.</summary>
    public abstract string ConnectionString { get; }

    /// <summary>The settings that put a host on this database.</summary>
    public IReadOnlyDictionary<string, string?> HostSettings => new Dictionary<string, string?>
    {
        ["Storage:Provider"] = Provider.ToString(),
        ["Storage:ConnectionString"] = ConnectionString,
    };

    /// <summary>The provider's database, as another instance would open it.</summary>
    public IStoreDatabase NewDatabase()
    {
        IStoreDatabase database = Provider == StorageProvider.PostgreSQL
            ? new PostgresDatabase(ConnectionString)
            : new SqliteDatabase(ConnectionString, new StorageOptions().BusyTimeoutMilliseconds);
        lock (_opened)
        {
            _opened.Add((IDisposable)database);
        }

        return database;
    }

    public BotStateStorage NewStateStorage(TimeProvider? time = null) => NewDatabase() switch
    {
        PostgresDatabase postgres => new PostgresStorage(postgres, time ?? TimeProvider.System),
        var sqlite => new SqliteStorage((SqliteDatabase)sqlite, time ?? TimeProvider.System),
    };

    public ICheckInStore NewCheckInStore(CheckInSchedule schedule, TimeProvider time) => NewDatabase() switch
    {
        PostgresDatabase postgres => new PostgresCheckInStore(postgres, schedule, time),
        var sqlite => new SqliteCheckInStore((SqliteDatabase)sqlite, schedule, time),
    };

    public ITranscriptStore NewTranscriptStore() => NewDatabase() switch
    {
        PostgresDatabase postgres => new PostgresTranscriptStore(postgres),
        var sqlite => new SqliteTranscriptStore((SqliteDatabase)sqlite),
    };

    /// <summary>The progress history and share links (one implementation on the provider's database).</summary>
    public ProgressStore NewProgressStore() => new(NewDatabase());

    /// <summary>A transcript store and the change source of the same instance (one database object).</summary>
    public (ITranscriptStore Store, ITranscriptChangeSource Changes) NewTranscriptInstance(TimeProvider time) => NewDatabase() switch
    {
        PostgresDatabase postgres => (new PostgresTranscriptStore(postgres), new PostgresTranscriptListener(postgres, time, Microsoft.Extensions.Logging.Abstractions.NullLogger<PostgresTranscriptListener>.Instance)),
        var sqlite => (new SqliteTranscriptStore((SqliteDatabase)sqlite), new SqliteTranscriptWatcher((SqliteDatabase)sqlite, Options.Create(new StorageOptions()), time)),
    };

    public void Dispose()
    {
        lock (_opened)
        {
            foreach (var database in _opened)
            {
                database.Dispose();
            }

            _opened.Clear();
        }

        Drop();
        GC.SuppressFinalize(this);
    }

    /// <summary>Removes the test's data once every instance is closed.</summary>
    protected abstract void Drop();
}

/// <summary>A SQLite file in a fresh temp folder (in a "data" subfolder that does not exist yet); deleted on Dispose.</summary>
public sealed class SqliteTestDatabase : TestDatabase
{
    public SqliteTestDatabase()
    {
        Folder = Path.Combine(Path.GetTempPath(), "stretchbot-tests", Guid.NewGuid().ToString("N"));
        FilePath = Path.Combine(Folder, "data", "stretchbot.db");
    }

    public override StorageProvider Provider => StorageProvider.Sqlite;

    public string Folder { get; }

    public string FilePath { get; }

    public override string ConnectionString => $"Data Source={FilePath}";

    /// <summary>A new storage over the same file, as a restarted process or another instance would have.</summary>
    public SqliteStorage NewStorage() => new(Options.Create(new StorageOptions { ConnectionString = ConnectionString }), TimeProvider.System);

    protected override void Drop()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            if (Directory.Exists(Folder))
            {
                Directory.Delete(Folder, recursive: true);
            }
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}

/// <summary>
/// A schema of its own on the test PostgreSQL server, dropped on Dispose. The server is the one
/// <c>STRETCHBOT_TEST_POSTGRES</c> names (an Npgsql connection string of a user that may create schemas):
/// <c>./stretchbot.sh test</c> starts a throw-away cluster and sets it, or points it at an existing server.
/// </summary>
public sealed class PostgresTestDatabase : TestDatabase
{
    public const string ServerVariable = "STRETCHBOT_TEST_POSTGRES";

    private readonly string _schema = "t_" + Guid.NewGuid().ToString("N")[..16];

    public PostgresTestDatabase()
    {
        using var connection = new NpgsqlConnection(ServerConnectionString);
        connection.Open();
        using var create = new NpgsqlCommand($"CREATE SCHEMA {_schema};", connection);
        create.ExecuteNonQuery();
        ConnectionString = new NpgsqlConnectionStringBuilder(ServerConnectionString)
        {
            SearchPath = _schema,
            MaxPoolSize = 20,
        }.ConnectionString;
    }

    public override StorageProvider Provider => StorageProvider.PostgreSQL;

    public override string ConnectionString { get; }

    /// <summary>The test server's connection string; fails the test with what to do when there is none.</summary>
    public static string ServerConnectionString =>
        Environment.GetEnvironmentVariable(ServerVariable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"The PostgreSQL tests need a server: run ./stretchbot.sh test (it starts a throw-away one), or set {ServerVariable} to an Npgsql connection string of a user that may create schemas.");

    protected override void Drop()
    {
        using var connection = new NpgsqlConnection(ServerConnectionString);
        connection.Open();
        using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {_schema} CASCADE;", connection);
        drop.ExecuteNonQuery();
    }
}
