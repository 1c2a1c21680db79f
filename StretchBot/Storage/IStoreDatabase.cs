using System.Data.Common;

namespace StretchBot.Storage;

/// <summary>One SQL statement with its named parameters (written @name in the SQL; null is SQL NULL).</summary>
public sealed class SqlStatement
{
    public SqlStatement(string sql, params (string Name, object? Value)[] parameters)
    {
        Sql = sql;
        Parameters = parameters;
    }

    public string Sql { get; }

    public IReadOnlyList<(string Name, object? Value)> Parameters { get; }
}

/// <summary>
/// What a store needs from its database, the same on every provider (<see cref="Sqlite.SqliteDatabase"/>,
/// <see cref="Postgres.PostgresDatabase"/>), so a store's rules can be written once in SQL both speak: parameters as
/// @name, flags as true/false, times as Unix milliseconds (bigint), text compared byte by byte. What cannot be shared
/// (locking, notifications, dialect) stays in the provider's subclass of the store.
/// </summary>
public interface IStoreDatabase
{
    StorageProvider Provider { get; }

    /// <summary>The schema version the database is at (after <see cref="EnsureReadyAsync"/>).</summary>
    int SchemaVersion { get; }

    /// <summary>Applies the schema versions the database lacks (every other method does it first).</summary>
    Task EnsureReadyAsync(CancellationToken cancellationToken = default);

    /// <summary>One statement on its own (SQLite: on the writer path); returns the rows it changed.</summary>
    Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters);

    /// <summary>One query; each row mapped by <paramref name="map"/>.</summary>
    Task<List<T>> QueryAsync<T>(string sql, Func<DbDataReader, T> map, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters);

    /// <summary>The statements in order in one transaction, all or nothing; returns the rows each changed.</summary>
    Task<int[]> ExecuteInTransactionAsync(IReadOnlyList<SqlStatement> statements, CancellationToken cancellationToken);
}
