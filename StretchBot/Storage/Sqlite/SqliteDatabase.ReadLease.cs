using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace StretchBot.Storage.Sqlite;

public sealed partial class SqliteDatabase
{
    /// <summary>The most prepared commands one read connection keeps; past that it starts its set again.</summary>
    public const int MaxPreparedPerReader = 32;

    /// <summary>A pooled read connection; disposing it returns the connection.</summary>
    public readonly struct ReadLease : IAsyncDisposable, IDisposable
    {
        private readonly SqliteDatabase _owner;
        private readonly PooledReader _reader;

        internal ReadLease(SqliteDatabase owner, PooledReader reader)
        {
            _owner = owner;
            _reader = reader;
        }

        public SqliteConnection Connection => _reader.Connection;

        /// <summary>A new command on this connection (dispose it).</summary>
        public SqliteCommand Command(string sql, params (string Name, object? Value)[] parameters)
            => SqliteDatabase.Command(Connection, null, sql, parameters);

        /// <summary>
        /// This connection's command for <paramref name="sql"/>, prepared once and kept while the connection lives (SQLite
        /// then skips parsing and planning it again), with no parameters. Only for use inside this lease, one reader at a
        /// time; never dispose it.
        /// </summary>
        public SqliteCommand Prepared(string sql) => _reader.Prepared(sql);

        /// <summary>
        /// Runs <paramref name="command"/> (one of this connection's) and adds every row, mapped, to <paramref name="rows"/>.
        /// A read that fails closes the connection when the lease ends instead of keeping it: its state is unknown.
        /// </summary>
        public async Task ReadRowsAsync<T>(SqliteCommand command, Func<DbDataReader, T> map, List<T> rows, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(command);
            ArgumentNullException.ThrowIfNull(map);
            ArgumentNullException.ThrowIfNull(rows);
            try
            {
                await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    rows.Add(map(reader));
                }
            }
            catch
            {
                _reader.Discarded = true;
                throw;
            }
        }

        public void Dispose() => _owner.Return(_reader);

        public ValueTask DisposeAsync()
        {
            _owner.Return(_reader);
            return ValueTask.CompletedTask;
        }
    }

    /// <summary>An open read connection and the commands prepared on it.</summary>
    internal sealed class PooledReader(SqliteConnection connection) : IDisposable
    {
        private readonly PreparedCommands _commands = new(connection, MaxPreparedPerReader);

        public SqliteConnection Connection { get; } = connection;

        /// <summary>Set when a read on it failed: the connection is closed rather than kept.</summary>
        public bool Discarded { get; set; }

        public SqliteCommand Prepared(string sql) => _commands.Get(sql);

        public void Dispose()
        {
            _commands.Dispose();
            Connection.Dispose();
        }
    }
}
