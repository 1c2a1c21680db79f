using System.Globalization;
using StretchBot.Storage.Sqlite;

namespace StretchBot.DirectLine;

/// <summary>
/// The transcript (<see cref="ITranscriptStore"/>) in SQLite: an append is one IMMEDIATE transaction on the writer
/// path. Other processes on the same file find new activities with <see cref="SqliteTranscriptWatcher"/>.
/// </summary>
public sealed class SqliteTranscriptStore : TranscriptStoreBase
{
    private readonly SqliteDatabase _database;

    public SqliteTranscriptStore(SqliteDatabase database)
        : base(database)
    {
        _database = database;
    }

    public override Task<long?> AppendAsync(string conversationId, DateTimeOffset now, Func<long, string> render, CancellationToken cancellationToken)
        => _database.WriteAsync<long?>(
            async (connection, transaction, ct) =>
            {
                // The number comes from the conversation's own counter, never from the activities still stored: after
                // "delete my data" they are gone, but the page has seen the old numbers and waits for higher ones.
                long seq;
                await using (var next = SqliteDatabase.Command(
                    connection,
                    transaction,
                    """
                    UPDATE directline_conversations SET last_seq = last_seq + 1, last_activity_utc = @now
                    WHERE conversation_id = @id RETURNING last_seq;
                    """,
                    ("@id", conversationId),
                    ("@now", Time(now))))
                {
                    var value = await next.ExecuteScalarAsync(ct).ConfigureAwait(false);
                    if (value is null or DBNull)
                    {
                        return null;
                    }

                    seq = Convert.ToInt64(value, CultureInfo.InvariantCulture);
                }

                await using var insert = SqliteDatabase.Command(
                    connection,
                    transaction,
                    "INSERT INTO directline_activities (conversation_id, seq, json) VALUES (@id, @seq, @json);",
                    ("@id", conversationId),
                    ("@seq", seq),
                    ("@json", render(seq)));
                await insert.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                return seq;
            },
            cancellationToken);

    /// <summary>Round-trip UTC text of one shape, so text order is time order.</summary>
    protected override object Time(DateTimeOffset value) => value.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
}
