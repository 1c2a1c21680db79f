using Npgsql;

namespace StretchBot.Storage.Postgres;

/// <summary>
/// Conversation and user state (<see cref="BotStateStorage"/>'s rules) in PostgreSQL, shared by every instance on any
/// host. A write's conditions are part of its statements (<c>UPDATE ... WHERE etag = @expected</c>,
/// <c>INSERT ... ON CONFLICT DO NOTHING</c>), which PostgreSQL re-checks against the newest committed row when another
/// writer got there first, so a stale write changes nothing and is refused; never last-writer-wins.
/// </summary>
/// <remarks>
/// A write is one batch, one round trip: its statements run in PostgreSQL's implicit transaction (one Sync for the
/// batch), in key order so two writers of the same keys cannot deadlock. A statement whose condition fails calls
/// <c>stretchbot_refuse_stale_write</c> (schema version 1), whose error (SQLSTATE SB409) rolls the whole batch back:
/// nothing is written, and the caller gets <see cref="StorageConcurrencyException"/>.
/// </remarks>
public sealed class PostgresStorage : BotStateStorage
{
    /// <summary>The SQLSTATE of <c>stretchbot_refuse_stale_write</c>.</summary>
    private const string StaleWrite = "SB409";

    private readonly PostgresDatabase _database;

    public PostgresStorage(PostgresDatabase database, TimeProvider timeProvider)
        : base(timeProvider)
    {
        _database = database ?? throw new ArgumentNullException(nameof(database));
    }

    /// <summary>Applies the schema versions the database lacks.</summary>
    public override Task InitializeAsync(CancellationToken cancellationToken = default) => _database.EnsureReadyAsync(cancellationToken);

    /// <inheritdoc />
    public override Task<int> DeleteNotUpdatedSinceAsync(DateTimeOffset cutoffUtc, CancellationToken cancellationToken = default)
        => _database.ExecuteAsync("DELETE FROM bot_storage WHERE updated_utc < @cutoff;", cancellationToken, ("cutoff", cutoffUtc.UtcDateTime));

    protected override async Task<IReadOnlyList<StoredRow>> ReadRowsAsync(string[] keys, CancellationToken cancellationToken)
    {
        var rows = new List<StoredRow>(keys.Length);
        if (keys.Length == 0)
        {
            return rows;
        }

        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = PostgresDatabase.Command(
            connection, null, "SELECT key, json, etag, store_type FROM bot_storage WHERE key = ANY(@keys);", ("keys", keys));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(new StoredRow(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3)));
        }

        return rows;
    }

    protected override async Task WriteRowsAsync(IReadOnlyList<RowWrite> rows, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var ordered = rows.OrderBy(r => r.Key, StringComparer.Ordinal).ToList();
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var batch = new NpgsqlBatch(connection);
        foreach (var write in ordered)
        {
            batch.BatchCommands.Add(Statement(write, now.UtcDateTime));
        }

        try
        {
            await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (PostgresException exception) when (exception.SqlState == StaleWrite)
        {
            // The function's message is the refused key.
            throw new StorageConcurrencyException(exception.MessageText, exception);
        }
    }

    protected override Task DeleteRowsAsync(string[] keys, CancellationToken cancellationToken)
        => _database.ExecuteAsync("DELETE FROM bot_storage WHERE key = ANY(@keys);", cancellationToken, ("keys", keys));

    protected override Task<int> DeletePrefixRowsAsync(string prefix, CancellationToken cancellationToken)
        // starts_with compares exactly, unlike LIKE ('%' and '_' are wildcards).
        => _database.ExecuteAsync("DELETE FROM bot_storage WHERE starts_with(key, @prefix);", cancellationToken, ("prefix", prefix));

    private static NpgsqlBatchCommand Statement(RowWrite write, DateTime now)
    {
        var command = new NpgsqlBatchCommand(write switch
        {
            { CreateOnly: true } => """
                WITH written AS (
                    INSERT INTO bot_storage (key, json, etag, store_type, updated_utc)
                    VALUES (@key, @json, @etag, @store_type, @updated_utc)
                    ON CONFLICT (key) DO NOTHING
                    RETURNING 1)
                SELECT CASE WHEN EXISTS (SELECT 1 FROM written) THEN 1 ELSE stretchbot_refuse_stale_write(@key) END
                """,
            { ExpectedETag: null } => """
                INSERT INTO bot_storage (key, json, etag, store_type, updated_utc)
                VALUES (@key, @json, @etag, @store_type, @updated_utc)
                ON CONFLICT (key) DO UPDATE SET
                    json = excluded.json, etag = excluded.etag,
                    store_type = excluded.store_type, updated_utc = excluded.updated_utc
                """,
            _ => """
                WITH written AS (
                    UPDATE bot_storage
                    SET json = @json, etag = @etag, store_type = @store_type, updated_utc = @updated_utc
                    WHERE key = @key AND etag = @expected
                    RETURNING 1)
                SELECT CASE WHEN EXISTS (SELECT 1 FROM written) THEN 1 ELSE stretchbot_refuse_stale_write(@key) END
                """,
        });
        command.Parameters.Add(new NpgsqlParameter("key", write.Key));
        command.Parameters.Add(new NpgsqlParameter("json", write.Json));
        command.Parameters.Add(new NpgsqlParameter("etag", write.NewETag));
        command.Parameters.Add(new NpgsqlParameter("store_type", NpgsqlTypes.NpgsqlDbType.Text) { Value = (object?)write.StoreType ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("updated_utc", now));
        if (write.ExpectedETag is not null)
        {
            command.Parameters.Add(new NpgsqlParameter("expected", write.ExpectedETag));
        }

        return command;
    }
}
