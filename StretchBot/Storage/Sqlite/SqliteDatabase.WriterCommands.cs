using Microsoft.Data.Sqlite;

namespace StretchBot.Storage.Sqlite;

/// <summary>The writer connection's prepared commands, kept while that connection lives.</summary>
public sealed partial class SqliteDatabase
{
    /// <summary>The most prepared commands the writer connection keeps; past that it starts its set again.</summary>
    public const int MaxPreparedForWriter = 64;

    private readonly Dictionary<string, SqliteCommand> _writerCommands = new(StringComparer.Ordinal);

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
            if (_writerCommands.Count >= MaxPreparedForWriter)
            {
                // Only statements made from data (a list of keys of varying length) get here: start again.
                DisposeWriterCommands();
            }

            command = writer.CreateCommand();
            command.CommandText = sql;
            _writerCommands[sql] = command;
        }

        command.Transaction = transaction;
        command.Parameters.Clear();
        return command;
    }

    private void DisposeWriterCommands()
    {
        foreach (var command in _writerCommands.Values)
        {
            command.Dispose();
        }

        _writerCommands.Clear();
    }
}
