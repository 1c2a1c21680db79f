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
public sealed class SqliteDatabase : IStoreDatabase, IAsyncDisposable, IDisposable
{
    /// <summary>Open read connections kept for reuse; more may be open at once, the rest are closed after use.</summary>
    public const int MaxIdleReaders = 16;

    /// <summary>
    /// WAL pages after which a commit moves the log into the file itself. <see cref="WalCheckpointService"/> does that
    /// five times a second beside the writers; this is the backstop, high so that a commit (and every write queued behind it)
    /// seldom has to wait for a checkpoint and its disk flush.
    /// </summary>
    public const int BackstopCheckpointPages = 10_000;

    private readonly string _connectionString;
    private readonly string _pragmas;
    private readonly SemaphoreSlim _writeTurn = new(1, 1);
    private readonly SemaphoreSlim _startGate = new(1, 1);
    private readonly SemaphoreSlim _checkpointTurn = new(1, 1);
    private SqliteConnection? _checkpointer;
    private readonly ConcurrentBag<SqliteConnection> _idleReaders = new();
    private readonly Dictionary<string, SqliteCommand> _writerCommands = new(StringComparer.Ordinal);
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
        if (!_idleReaders.TryTake(out var connection))
        {
            connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        }

        return new ReadLease(this, connection);
    }

    /// <summary>A connection of the caller's own, with the same settings, for as long as it is needed; dispose it.</summary>
    public async Task<SqliteConnection> OpenDedicatedAsync(CancellationToken cancellationToken = default)
    {
        await EnsureReadyAsync(cancellationToken).ConfigureAwait(false);
        return await OpenAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Runs <paramref name="work"/> in an IMMEDIATE transaction on the writer connection, after the writes queued
    /// before it, and commits it; an exception rolls it back and propagates.
    /// </summary>
    public async Task<T> WriteAsync<T>(Func<SqliteConnection, SqliteTransaction, CancellationToken, Task<T>> work, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        await EnsureReadyAsync(cancellationToken).ConfigureAwait(false);
        await _writeTurn.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _writer ??= await OpenAsync(cancellationToken).ConfigureAwait(false);
            SqliteTransaction transaction;
            try
            {
                transaction = _writer.BeginTransaction(deferred: false);
            }
            catch
            {
                await ResetWriterAsync().ConfigureAwait(false);
                throw;
            }

            await using (transaction.ConfigureAwait(false))
            {
                T result;
                try
                {
                    result = await work(_writer, transaction, cancellationToken).ConfigureAwait(false);
                }
                catch
                {
                    await RollBackAsync(transaction).ConfigureAwait(false);
                    throw;
                }

                await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
                return result;
            }
        }
        finally
        {
            _writeTurn.Release();
        }
    }

    /// <summary>
    /// The writer connection's command for <paramref name="sql"/>, prepared once and kept while that connection lives
    /// (SQLite then skips parsing and planning it again), with no parameters and in <paramref name="transaction"/>. Only
    /// for use inside <see cref="WriteAsync{T}"/> work; never dispose it.
    /// </summary>
    public SqliteCommand WriterCommand(SqliteConnection writer, SqliteTransaction? transaction, string sql)
    {
        if (!ReferenceEquals(writer, _writer))
        {
            throw new InvalidOperationException("Writer commands are for the writer connection, inside its turn.");
        }

        if (!_writerCommands.TryGetValue(sql, out var command))
        {
            command = writer.CreateCommand();
            command.CommandText = sql;
            _writerCommands[sql] = command;
        }

        command.Transaction = transaction;
        command.Parameters.Clear();
        return command;
    }

    /// <summary>One statement on the writer path; returns the rows it changed.</summary>
    public Task<int> ExecuteWriteAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
        => WriteAsync(
            async (connection, transaction, ct) =>
            {
                await using var command = Command(connection, transaction, sql, parameters);
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
        await using var command = lease.Command(sql, parameters);
        var rows = new List<T>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(map(reader));
        }

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
                    await using var command = Command(connection, transaction, statements[i].Sql, [.. statements[i].Parameters]);
                    changed[i] = await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                }

                return changed;
            },
            cancellationToken);
    }

    /// <summary>
    /// Moves everything in the WAL into the database file and truncates the WAL to nothing, so bytes erased a moment
    /// ago survive in neither file (with secure_delete the database's free pages are zeros already). Retries while
    /// another connection is mid-read; returns false if the WAL could not be emptied.
    /// </summary>
    public async Task<bool> CheckpointAsync(CancellationToken cancellationToken = default)
    {
        await EnsureReadyAsync(cancellationToken).ConfigureAwait(false);
        await _writeTurn.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _writer ??= await OpenAsync(cancellationToken).ConfigureAwait(false);
            for (var attempt = 0; attempt < 50; attempt++)
            {
                await using var command = Command(_writer, null, "PRAGMA wal_checkpoint(TRUNCATE);");
                await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false) && reader.GetInt64(0) == 0)
                {
                    return true;
                }

                await Task.Delay(10, cancellationToken).ConfigureAwait(false);
            }

            return false;
        }
        finally
        {
            _writeTurn.Release();
        }
    }

    /// <summary>
    /// Copies what the WAL holds into the database file as far as readers allow, on a connection of its own, without
    /// holding up writers (SQLite's PASSIVE checkpoint); returns whether the whole log was copied.
    /// </summary>
    public async Task<bool> CheckpointBesideWritersAsync(CancellationToken cancellationToken = default)
    {
        await EnsureReadyAsync(cancellationToken).ConfigureAwait(false);
        await _checkpointTurn.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _checkpointer ??= await OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var command = Command(_checkpointer, null, "PRAGMA wal_checkpoint(PASSIVE);");
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);

            // One row: busy (0 or 1), pages in the log, pages copied.
            return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) && reader.GetInt64(0) == 0 && reader.GetInt64(1) == reader.GetInt64(2);
        }
        finally
        {
            _checkpointTurn.Release();
        }
    }

    /// <summary>A command with named parameters (null becomes SQL NULL).</summary>
    public static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
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
        while (_idleReaders.TryTake(out var connection))
        {
            connection.Dispose();
        }
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    private void Return(SqliteConnection connection)
    {
        if (_disposed || _idleReaders.Count >= MaxIdleReaders || connection.State != System.Data.ConnectionState.Open)
        {
            connection.Dispose();
            return;
        }

        _idleReaders.Add(connection);
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, null, _pragmas, cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private void DisposeWriterCommands()
    {
        foreach (var command in _writerCommands.Values)
        {
            command.Dispose();
        }

        _writerCommands.Clear();
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

    private static async Task ExecuteAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, sql);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private void CreateFolder()
    {
        var builder = new SqliteConnectionStringBuilder(_connectionString);
        if (builder.Mode == SqliteOpenMode.Memory
            || string.IsNullOrEmpty(DataSource)
            || string.Equals(DataSource, ":memory:", StringComparison.OrdinalIgnoreCase)
            || DataSource.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(DataSource));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }
    }

    /// <summary>A pooled read connection; disposing it returns the connection.</summary>
    public readonly struct ReadLease : IAsyncDisposable, IDisposable
    {
        private readonly SqliteDatabase _owner;

        internal ReadLease(SqliteDatabase owner, SqliteConnection connection)
        {
            _owner = owner;
            Connection = connection;
        }

        public SqliteConnection Connection { get; }

        public SqliteCommand Command(string sql, params (string Name, object? Value)[] parameters)
            => SqliteDatabase.Command(Connection, null, sql, parameters);

        public void Dispose() => _owner.Return(Connection);

        public ValueTask DisposeAsync()
        {
            _owner.Return(Connection);
            return ValueTask.CompletedTask;
        }
    }
}
