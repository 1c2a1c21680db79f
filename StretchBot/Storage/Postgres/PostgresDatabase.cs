using System.Data.Common;
using Npgsql;

namespace StretchBot.Storage.Postgres;

/// <summary>
/// The one way into the bot's PostgreSQL database, for every store that keeps data in it (state, check-in schedule,
/// Direct Line transcripts, the token signing key): the counterpart of <see cref="Sqlite.SqliteDatabase"/>.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>One <see cref="NpgsqlDataSource"/> (Npgsql's connection pool) per database; commands the bot repeats are
/// prepared automatically on each pooled connection (<c>Max Auto Prepare</c>) and a returned connection is not reset
/// (<c>No Reset On Close</c>), unless the connection string says otherwise.</item>
/// <item>The schema is <see cref="SchemaVersions"/>, applied at start by <see cref="PostgresSchema"/> under an advisory
/// lock, into the first schema of the connection's search path (so several bots, or the tests, can share a server).</item>
/// <item>Writes that must be all or nothing run in <see cref="InTransactionAsync{T}"/> (READ COMMITTED: every store
/// makes its conditions part of its statements, so a concurrent writer is re-checked, never overwritten).</item>
/// <item>Activities appended to a transcript are announced on <see cref="NotificationChannel"/> (NOTIFY, sent at
/// commit), which every instance listens on, so a web page's stream on any instance hears of them at once.</item>
/// </list>
/// </remarks>
public sealed class PostgresDatabase : IStoreDatabase, IAsyncDisposable, IDisposable
{
    private readonly SemaphoreSlim _startGate = new(1, 1);
    private volatile bool _ready;
    private bool _disposed;

    public PostgresDatabase(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (string.IsNullOrWhiteSpace(builder.Host))
        {
            throw new ArgumentException("The PostgreSQL connection string names no Host.", nameof(connectionString));
        }

        if (builder.MaxAutoPrepare == 0)
        {
            builder.MaxAutoPrepare = 64;
        }

        // The stores leave nothing behind in a session (no SET, advisory locks only per transaction, LISTEN only on the
        // listener's own connection), so a pooled connection needs no reset between uses: that saves the server a
        // round of reset statements per query. A connection string that says otherwise wins.
        if (!connectionString.Contains("Reset On Close", StringComparison.OrdinalIgnoreCase))
        {
            builder.NoResetOnClose = true;
        }

        if (string.IsNullOrEmpty(builder.ApplicationName))
        {
            builder.ApplicationName = "StretchBot";
        }

        ConnectionString = builder.ConnectionString;
        DataSource = NpgsqlDataSource.Create(builder);
        var schema = builder.SearchPath?.Split(',')[0].Trim().Trim('"');
        NotificationChannel = string.IsNullOrEmpty(schema) || schema is "public" or "$user"
            ? "stretchbot_transcripts"
            : "stretchbot_transcripts_" + schema;
    }

    public StorageProvider Provider => StorageProvider.PostgreSQL;

    /// <summary>The connection string in use (with the defaults this class adds).</summary>
    public string ConnectionString { get; }

    /// <summary>The connection pool.</summary>
    public NpgsqlDataSource DataSource { get; }

    /// <summary>The NOTIFY channel on which appended transcript activities are announced (one per schema).</summary>
    public string NotificationChannel { get; }

    /// <summary>The schema version the database is at (after <see cref="EnsureReadyAsync"/>).</summary>
    public int SchemaVersion { get; private set; }

    /// <summary>
    /// Applies the schema versions the database lacks. Idempotent and safe from several threads or instances; every
    /// other method calls it first.
    /// </summary>
    public async Task EnsureReadyAsync(CancellationToken cancellationToken = default)
    {
        if (_ready)
        {
            return;
        }

        await _startGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_ready)
            {
                return;
            }

            await using var connection = await DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            SchemaVersion = await PostgresSchema.MigrateAsync(connection, cancellationToken).ConfigureAwait(false);
            _ready = true;
        }
        finally
        {
            _startGate.Release();
        }
    }

    /// <summary>An open pooled connection; dispose it to give it back.</summary>
    public async ValueTask<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await EnsureReadyAsync(cancellationToken).ConfigureAwait(false);
        return await DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>One statement on its own (autocommit); returns the rows it changed.</summary>
    public async Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null, sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<List<T>> QueryAsync<T>(string sql, Func<DbDataReader, T> map, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        ArgumentNullException.ThrowIfNull(map);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null, sql, parameters);
        var rows = new List<T>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(map(reader));
        }

        return rows;
    }

    /// <inheritdoc />
    /// <remarks>The statements go to the server in one batch (one round trip), then the commit.</remarks>
    public Task<int[]> ExecuteInTransactionAsync(IReadOnlyList<SqlStatement> statements, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(statements);
        return InTransactionAsync(
            async (connection, transaction, ct) =>
            {
                await using var batch = new NpgsqlBatch(connection, transaction);
                foreach (var statement in statements)
                {
                    batch.BatchCommands.Add(BatchCommand(statement.Sql.TrimEnd().TrimEnd(';'), [.. statement.Parameters]));
                }

                await batch.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                var changed = new int[batch.BatchCommands.Count];
                for (var i = 0; i < changed.Length; i++)
                {
                    changed[i] = batch.BatchCommands[i].RecordsAffected;
                }

                return changed;
            },
            cancellationToken);
    }

    /// <summary>
    /// Runs <paramref name="work"/> in one transaction and commits it; an exception rolls it back and propagates.
    /// </summary>
    public async Task<T> InTransactionAsync<T>(Func<NpgsqlConnection, NpgsqlTransaction, CancellationToken, Task<T>> work, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var result = await work(connection, transaction, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
        return result;
    }

    /// <summary>A command with named parameters (written @name in the SQL; null becomes SQL NULL).</summary>
    public static NpgsqlCommand Command(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter(name, value ?? DBNull.Value));
        }

        return command;
    }

    /// <summary>One statement of a batch (no trailing semicolon), with named parameters as in <see cref="Command"/>.</summary>
    public static NpgsqlBatchCommand BatchCommand(string sql, params (string Name, object? Value)[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter(name, value ?? DBNull.Value));
        }

        return command;
    }

    public void Dispose()
    {
        if (!_disposed)
        {
            _disposed = true;
            DataSource.Dispose();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_disposed)
        {
            _disposed = true;
            await DataSource.DisposeAsync().ConfigureAwait(false);
        }
    }
}
