using Microsoft.Data.Sqlite;

namespace StretchBot.Storage.Sqlite;

public sealed partial class SqliteDatabase
{
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
