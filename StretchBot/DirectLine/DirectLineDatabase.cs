using Microsoft.Extensions.Options;
using StretchBot.Storage;
using Microsoft.Data.Sqlite;

namespace StretchBot.DirectLine;

/// <summary>
/// Opens connections to the bot's SQLite database (configuration "Storage:ConnectionString", by default
/// data/stretchbot.db under the content root) and creates the Direct Line tables on first use.
/// </summary>
public sealed class DirectLineDatabase
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS directline_conversations (
            conversation_id TEXT NOT NULL PRIMARY KEY,
            user_id TEXT NOT NULL,
            started INTEGER NOT NULL DEFAULT 0,
            created_utc TEXT NOT NULL,
            last_activity_utc TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS ix_directline_conversations_user ON directline_conversations (user_id);
        CREATE INDEX IF NOT EXISTS ix_directline_conversations_last ON directline_conversations (last_activity_utc);
        CREATE TABLE IF NOT EXISTS directline_activities (
            conversation_id TEXT NOT NULL,
            seq INTEGER NOT NULL,
            json TEXT NOT NULL,
            PRIMARY KEY (conversation_id, seq)
        );
        CREATE TABLE IF NOT EXISTS directline_settings (
            name TEXT NOT NULL PRIMARY KEY,
            value TEXT NOT NULL
        );
        """;

    private readonly string _connectionString;
    private readonly SemaphoreSlim _schemaLock = new(1, 1);
    private volatile bool _schemaReady;

    public DirectLineDatabase(IOptions<StorageOptions> storage)
    {
        // The same database as the bot's state (Storage:ConnectionString, already resolved against the content root).
        var builder = new SqliteConnectionStringBuilder(storage.Value.ConnectionString);
        if (!string.IsNullOrEmpty(builder.DataSource) && builder.Mode != SqliteOpenMode.Memory && builder.DataSource != ":memory:")
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }
        }

        _connectionString = builder.ToString();
    }

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using (var pragma = connection.CreateCommand())
            {
                pragma.CommandText = "PRAGMA busy_timeout = 5000;";
                await pragma.ExecuteNonQueryAsync(cancellationToken);
            }

            if (!_schemaReady)
            {
                await EnsureSchemaAsync(connection, cancellationToken);
            }

            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private async Task EnsureSchemaAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await _schemaLock.WaitAsync(cancellationToken);
        try
        {
            if (_schemaReady)
            {
                return;
            }

            await using var command = connection.CreateCommand();
            command.CommandText = Schema;
            await command.ExecuteNonQueryAsync(cancellationToken);
            _schemaReady = true;
        }
        finally
        {
            _schemaLock.Release();
        }
    }
}
