using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace StretchBot.Storage.Sqlite;

/// <summary>
/// The one way into the bot's SQLite file, for every store that keeps data in it (state, check-in schedule, Direct
/// Line transcripts, the token signing key).
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Every connection gets the same settings: WAL journal (readers and the writer never block each other),
/// <c>synchronous=NORMAL</c> (a commit does not wait for the disk; with WAL the file can lose at most the last commits
/// on a power cut, never be corrupted), <c>secure_delete=ON</c> (deleted rows are overwritten with zeros, so erased
/// words do not linger in free pages) and one busy timeout from <see cref="StorageOptions.BusyTimeoutMilliseconds"/>.</item>
/// <item>The schema is the ordered list in <see cref="SqliteSchema"/>, applied at start inside one IMMEDIATE
/// transaction keyed on <c>PRAGMA user_version</c>, so two instances starting at once apply each version once.</item>
/// <item>Writes go through <see cref="WriteAsync{T}"/>: one writer connection, taken in turn (a queue of awaiting
/// callers) instead of many connections spinning in SQLite's busy handler. Another process on the same file still
/// waits on the busy timeout.</item>
/// <item>Reads use a small pool of open connections that already carry the settings.</item>
/// </list>
/// Provider-specific code stays below the store interfaces (IStorage, ICheckInStore, ITranscriptStore, ...): the
/// PostgreSQL stores sit on <see cref="Postgres.PostgresDatabase"/>, which has the same shape (<see cref="IStoreDatabase"/>,
/// the same <see cref="SchemaVersions"/>).
/// </remarks>
public sealed partial class SqliteDatabase : IStoreDatabase, IAsyncDisposable, IDisposable
{
    /// <summary>Open read connections kept for reuse; more may be open at once, the rest are closed after use.</summary>
    public const int MaxIdleReaders = 16;

    private readonly string _connectionString;
    private readonly string _pragmas;
    private readonly SemaphoreSlim _writeTurn = new(1, 1);
    private readonly SemaphoreSlim _startGate = new(1, 1);
    private readonly ConcurrentBag<PooledReader> _idleReaders = new();
    private SqliteConnection? _writer;
    private volatile bool _ready;
    private bool _disposed;

    public SqliteDatabase(string connectionString, int busyTimeoutMilliseconds)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var builder = new SqliteConnectionStringBuilder(connectionString)
        {
            // This class keeps its own open connections; the driver's pool would only hold more.
            Pooling = false,
        };
        _connectionString = builder.ToString();
        DataSource = builder.DataSource;
        var busy = Math.Max(0, busyTimeoutMilliseconds).ToString(CultureInfo.InvariantCulture);
        _pragmas = $"PRAGMA busy_timeout = {busy}; PRAGMA synchronous = NORMAL; PRAGMA secure_delete = ON; PRAGMA wal_autocheckpoint = {BackstopCheckpointPages};";
    }

    /// <summary>The database file.</summary>
    public string DataSource { get; }

    public StorageProvider Provider => StorageProvider.Sqlite;

    /// <summary>The schema version this file is at (after <see cref="EnsureReadyAsync"/>).</summary>
    public int SchemaVersion { get; private set; }

    /// <summary>
    /// Creates the folder and the file if they are missing, switches it to WAL and applies the schema versions it
    /// lacks. Idempotent and safe from several threads or processes; every other method calls it first.
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

            CreateFolder();
            await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, null, "PRAGMA journal_mode = WAL;", cancellationToken).ConfigureAwait(false);
            SchemaVersion = await SqliteSchema.MigrateAsync(connection, cancellationToken).ConfigureAwait(false);
            _ready = true;
        }
        finally
        {
            _startGate.Release();
        }
    }

    /// <summary>A connection for reading; dispose the lease to give it back.</summary>
    public async ValueTask<ReadLease> ReadAsync(CancellationToken cancellationToken = default)
    {
        await EnsureReadyAsync(cancellationToken).ConfigureAwait(false);
        if (!_idleReaders.TryTake(out var reader))
        {
            reader = new PooledReader(await OpenAsync(cancellationToken).ConfigureAwait(false));
        }

        return new ReadLease(this, reader);
    }

    /// <summary>A connection of the caller's own, with the same settings, for as long as it is needed; dispose it.</summary>
    public async Task<SqliteConnection> OpenDedicatedAsync(CancellationToken cancellationToken = default)
    {
        await EnsureReadyAsync(cancellationToken).ConfigureAwait(false);
        return await OpenAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Runs <paramref name="work"/> in an IMMEDIATE transaction on the writer connection, after the writes queued
    /// before it, and commits it; an exception rolls it back and propagates. Writes that queue while another commits
    /// are committed together (see <see cref="RunQueuedWritesAsync"/>), each one still all or nothing, and none is
    /// reported done before its commit.
    /// </summary>
    public async Task<T> WriteAsync<T>(Func<SqliteConnection, SqliteTransaction, CancellationToken, Task<T>> work, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        await EnsureReadyAsync(cancellationToken).ConfigureAwait(false);
        var write = new QueuedWrite<T>(work, cancellationToken);
        _queuedWrites.Enqueue(write);
        try
        {
            await _writeTurn.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (write.TryWithdraw())
        {
            throw;
        }
        catch (OperationCanceledException)
        {
            // A batch took the write before the wait was cancelled: its outcome stands.
            return await write.Outcome.ConfigureAwait(false);
        }

        try
        {
            // The writes queued first go first; a long queue can take more than one batch to reach this one.
            while (!write.IsTaken)
            {
                await RunQueuedWritesAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            _writeTurn.Release();
        }

        return await write.Outcome.ConfigureAwait(false);
    }

    /// <summary>One statement on the writer path; returns the rows it changed.</summary>
    public Task<int> ExecuteWriteAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
        => WriteAsync(
            async (connection, transaction, ct) =>
            {
                var command = WriterCommand(connection, transaction, sql);
                AddParameters(command, parameters);
                return await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            },
            cancellationToken);

    /// <inheritdoc />
    public Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
        => ExecuteWriteAsync(sql, cancellationToken, parameters);

    /// <inheritdoc />
    public async Task<List<T>> QueryAsync<T>(string sql, Func<DbDataReader, T> map, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        ArgumentNullException.ThrowIfNull(map);
        await using var lease = await ReadAsync(cancellationToken).ConfigureAwait(false);
        var command = lease.Prepared(sql);
        AddParameters(command, parameters);
        var rows = new List<T>();
        await lease.ReadRowsAsync(command, map, rows, cancellationToken).ConfigureAwait(false);
        return rows;
    }

    /// <inheritdoc />
    public Task<int[]> ExecuteInTransactionAsync(IReadOnlyList<SqlStatement> statements, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(statements);
        return WriteAsync(
            async (connection, transaction, ct) =>
            {
                var changed = new int[statements.Count];
                for (var i = 0; i < statements.Count; i++)
                {
                    var command = WriterCommand(connection, transaction, statements[i].Sql);
                    AddParameters(command, [.. statements[i].Parameters]);
                    changed[i] = await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                }

                return changed;
            },
            cancellationToken);
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _checkpointer?.Dispose();
        _checkpointer = null;
        DisposeWriterCommands();
        _writer?.Dispose();
        _writer = null;
        while (_idleReaders.TryTake(out var reader))
        {
            reader.Dispose();
        }
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task ResetWriterAsync()
    {
        DisposeWriterCommands();
        if (_writer is not null)
        {
            await _writer.DisposeAsync().ConfigureAwait(false);
            _writer = null;
        }
    }

    private async Task RollBackAsync(SqliteTransaction transaction)
    {
        try
        {
            await transaction.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // The connection is in an unknown state: start the next write on a fresh one.
            await ResetWriterAsync().ConfigureAwait(false);
        }
    }
}
