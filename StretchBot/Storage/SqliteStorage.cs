using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using StretchBot.Storage.Sqlite;

namespace StretchBot.Storage;

/// <summary>
/// Conversation and user state (<see cref="BotStateStorage"/>'s rules) in an embedded SQLite database. Every write is
/// one IMMEDIATE transaction on the database's writer path (<see cref="SqliteDatabase"/>): writers in this process
/// queue, another process on the same file waits on the busy timeout.
/// </summary>
public sealed class SqliteStorage : BotStateStorage
{
    private const string Table = "bot_storage";

    private const string InsertSql = $"""
        INSERT INTO {Table} (key, json, etag, store_type, updated_utc)
        VALUES (@key, @json, @etag, @store_type, @updated_utc)
        ON CONFLICT (key) DO NOTHING;
        """;

    private const string UpsertSql = $"""
        INSERT INTO {Table} (key, json, etag, store_type, updated_utc)
        VALUES (@key, @json, @etag, @store_type, @updated_utc)
        ON CONFLICT (key) DO UPDATE SET
            json = excluded.json, etag = excluded.etag,
            store_type = excluded.store_type, updated_utc = excluded.updated_utc;
        """;

    private const string UpdateSql = $"""
        UPDATE {Table}
        SET json = @json, etag = @etag, store_type = @store_type, updated_utc = @updated_utc
        WHERE key = @key AND etag = @expected;
        """;

    // The statements that read one or two keys (a turn's conversation and user state) are made once.
    private static readonly string[] SelectSqlByCount = [.. Enumerable.Range(0, 3).Select(MakeSelectSql)];

    private readonly SqliteDatabase _database;

    /// <summary>A storage over the shared database (the host registers one <see cref="SqliteDatabase"/> for all stores).</summary>
    public SqliteStorage(SqliteDatabase database, TimeProvider timeProvider)
        : base(timeProvider)
    {
        _database = database ?? throw new ArgumentNullException(nameof(database));
    }

    /// <summary>A storage with a database of its own (tests, tools): as another instance on the same file would have.</summary>
    public SqliteStorage(IOptions<StorageOptions> options, TimeProvider timeProvider)
        : this(CreateDatabase(options), timeProvider)
    {
    }

    /// <summary>The database this storage keeps its rows in.</summary>
    public SqliteDatabase Database => _database;

    /// <summary>Creates the database folder, file and schema if they are missing and switches the file to WAL mode.</summary>
    public override Task InitializeAsync(CancellationToken cancellationToken = default) => _database.EnsureReadyAsync(cancellationToken);

    /// <inheritdoc />
    public override Task<int> DeleteNotUpdatedSinceAsync(DateTimeOffset cutoffUtc, CancellationToken cancellationToken = default)
        => _database.ExecuteWriteAsync(
            // Times are stored as round-trip UTC text of one shape, so text order is time order.
            $"DELETE FROM {Table} WHERE updated_utc < @cutoff;",
            cancellationToken,
            ("@cutoff", Format(cutoffUtc)));

    protected override async Task<IReadOnlyList<StoredRow>> ReadRowsAsync(string[] keys, CancellationToken cancellationToken)
    {
        var rows = new List<StoredRow>(keys.Length);
        if (keys.Length == 0)
        {
            return rows;
        }

        await using var lease = await _database.ReadAsync(cancellationToken).ConfigureAwait(false);
        foreach (var chunk in keys.Chunk(MaxKeysPerStatement))
        {
            // A turn's one or two keys: the same statement every time, prepared once per connection.
            var command = lease.Prepared(SelectSql(chunk.Length));
            AddKeyParameters(command, chunk);
            await lease.ReadRowsAsync(command, ReadRow, rows, cancellationToken).ConfigureAwait(false);
        }

        return rows;
    }

    private static StoredRow ReadRow(System.Data.Common.DbDataReader reader)
        => new(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3));

    protected override Task WriteRowsAsync(IReadOnlyList<RowWrite> rows, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var stamp = Format(now);

        // One IMMEDIATE transaction on the writer path: a multi-key write is all or nothing.
        return _database.WriteAsync<bool>(
            async (connection, transaction, ct) =>
            {
                foreach (var write in rows)
                {
                    var command = _database.WriterCommand(connection, transaction, write switch
                    {
                        { CreateOnly: true } => InsertSql,
                        { ExpectedETag: null } => UpsertSql,
                        _ => UpdateSql,
                    });
                    command.Parameters.AddWithValue("@key", write.Key);
                    command.Parameters.AddWithValue("@json", write.Json);
                    command.Parameters.AddWithValue("@etag", write.NewETag);
                    command.Parameters.AddWithValue("@store_type", (object?)write.StoreType ?? DBNull.Value);
                    command.Parameters.AddWithValue("@updated_utc", stamp);
                    if (write.ExpectedETag is not null)
                    {
                        command.Parameters.AddWithValue("@expected", write.ExpectedETag);
                    }

                    var changed = await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                    if (changed != 1 && (write.CreateOnly || write.ExpectedETag is not null))
                    {
                        // Thrown inside the transaction: the database rolls it back, nothing is written.
                        throw new StorageConcurrencyException(write.Key);
                    }
                }

                return true;
            },
            cancellationToken);
    }

    protected override Task DeleteRowsAsync(string[] keys, CancellationToken cancellationToken)
        => _database.WriteAsync<int>(
            async (connection, transaction, ct) =>
            {
                var deleted = 0;
                foreach (var chunk in keys.Chunk(MaxKeysPerStatement))
                {
                    await using var command = connection.CreateCommand();
                    command.Transaction = transaction;
                    command.CommandText = $"DELETE FROM {Table} WHERE key IN ({KeyParameterList(chunk.Length)});";
                    AddKeyParameters(command, chunk);
                    deleted += await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                }

                return deleted;
            },
            cancellationToken);

    protected override Task<int> DeletePrefixRowsAsync(string prefix, CancellationToken cancellationToken)
        // substr() compares exactly, unlike LIKE (case-insensitive for ASCII, '%'/'_' wildcards) or GLOB.
        => _database.ExecuteWriteAsync(
            $"DELETE FROM {Table} WHERE substr(key, 1, length(@prefix)) = @prefix;",
            cancellationToken,
            ("@prefix", prefix));

    private static string Format(DateTimeOffset value) => value.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    private static SqliteDatabase CreateDatabase(IOptions<StorageOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var value = options.Value;
        if (string.IsNullOrWhiteSpace(value.ConnectionString))
        {
            throw new ArgumentException("Storage:ConnectionString is empty.", nameof(options));
        }

        return new SqliteDatabase(value.ConnectionString, value.BusyTimeoutMilliseconds);
    }

    private static string SelectSql(int keyCount) => keyCount < SelectSqlByCount.Length ? SelectSqlByCount[keyCount] : MakeSelectSql(keyCount);

    private static string MakeSelectSql(int keyCount)
        => $"SELECT key, json, etag, store_type FROM {Table} WHERE key IN ({KeyParameterList(keyCount)});";

    private static string KeyParameterList(int keyCount)
        => string.Join(", ", Enumerable.Range(0, keyCount).Select(i => "@k" + i.ToString(CultureInfo.InvariantCulture)));

    private static void AddKeyParameters(SqliteCommand command, string[] keys)
    {
        for (var i = 0; i < keys.Length; i++)
        {
            command.Parameters.AddWithValue("@k" + i.ToString(CultureInfo.InvariantCulture), keys[i]);
        }
    }
}
