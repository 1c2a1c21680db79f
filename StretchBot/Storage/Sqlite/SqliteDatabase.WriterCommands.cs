using Microsoft.Data.Sqlite;

namespace StretchBot.Storage.Sqlite;

/// <summary>The writer connection's prepared commands, kept while that connection lives.</summary>
public sealed partial class SqliteDatabase
{
    /// <summary>The most prepared commands the writer connection keeps; past that it starts its set again.</summary>
    public const int MaxPreparedForWriter = 64;

    private PreparedCommands? _writerCommands;

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

        _writerCommands ??= new PreparedCommands(writer, MaxPreparedForWriter);
        var command = _writerCommands.Get(sql);
        command.Transaction = transaction;
        return command;
    }

    private void DisposeWriterCommands()
    {
        _writerCommands?.Dispose();
        _writerCommands = null;
    }
}
