using Microsoft.Data.Sqlite;

namespace StretchBot.Storage.Sqlite;

/// <summary>Connections: opening one with the database's settings, the idle readers, commands, the data folder.</summary>
public sealed partial class SqliteDatabase
{
    /// <summary>A command with named parameters (null becomes SQL NULL).</summary>
    public static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        AddParameters(command, parameters);
        return command;
    }

    /// <summary>Adds named parameters to a command (null becomes SQL NULL).</summary>
    public static void AddParameters(SqliteCommand command, params (string Name, object? Value)[] parameters)
    {
        ArgumentNullException.ThrowIfNull(command);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }
    }

    private void Return(PooledReader reader)
    {
        if (_disposed || reader.Discarded || _idleReaders.Count >= MaxIdleReaders || reader.Connection.State != System.Data.ConnectionState.Open)
        {
            reader.Dispose();
            return;
        }

        _idleReaders.Add(reader);
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
}
