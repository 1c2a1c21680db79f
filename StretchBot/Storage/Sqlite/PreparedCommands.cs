using Microsoft.Data.Sqlite;

namespace StretchBot.Storage.Sqlite;

/// <summary>
/// The commands prepared on one connection, kept while it lives, so SQLite parses and plans each statement once rather
/// than for every command. At most <c>capacity</c> are kept: past that only statements made from data (a list of keys of
/// varying length) can arrive, and the set starts again. One user at a time, as its connection.
/// </summary>
internal sealed class PreparedCommands(SqliteConnection connection, int capacity) : IDisposable
{
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);

    /// <summary>The connection's command for <paramref name="sql"/>, with no parameters; never dispose it.</summary>
    public SqliteCommand Get(string sql)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            if (_commands.Count >= capacity)
            {
                Dispose();
            }

            command = connection.CreateCommand();
            command.CommandText = sql;
            _commands[sql] = command;
        }

        command.Parameters.Clear();
        return command;
    }

    /// <summary>Disposes every kept command (the connection stays open).</summary>
    public void Dispose()
    {
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }

        _commands.Clear();
    }
}
