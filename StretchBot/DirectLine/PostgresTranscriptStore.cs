using System.Globalization;
using StretchBot.Storage.Postgres;

namespace StretchBot.DirectLine;

/// <summary>
/// The transcript (<see cref="ITranscriptStore"/>) in PostgreSQL. An append takes the next number from the
/// conversation's row (its row lock makes concurrent appends from any instance take turns), stores the activity and
/// announces it on <see cref="PostgresDatabase.NotificationChannel"/> ("seq|conversation id"), all in one transaction:
/// the notification goes out when the activity is committed, to every instance's <see cref="PostgresTranscriptListener"/>.
/// </summary>
public sealed class PostgresTranscriptStore : TranscriptStoreBase
{
    private readonly PostgresDatabase _database;

    public PostgresTranscriptStore(PostgresDatabase database)
        : base(database)
    {
        _database = database;
    }

    public override Task<long?> AppendAsync(string conversationId, DateTimeOffset now, Func<long, string> render, CancellationToken cancellationToken)
        => _database.InTransactionAsync<long?>(
            async (connection, transaction, ct) =>
            {
                long seq;
                await using (var next = PostgresDatabase.Command(
                    connection,
                    transaction,
                    """
                    UPDATE directline_conversations SET last_seq = last_seq + 1, last_activity_utc = @now
                    WHERE conversation_id = @id RETURNING last_seq;
                    """,
                    ("@id", conversationId),
                    ("@now", Time(now))))
                {
                    if (await next.ExecuteScalarAsync(ct).ConfigureAwait(false) is not long value)
                    {
                        return null;
                    }

                    seq = value;
                }

                await using var insert = PostgresDatabase.Command(
                    connection,
                    transaction,
                    """
                    INSERT INTO directline_activities (conversation_id, seq, json) VALUES (@id, @seq, @json);
                    SELECT pg_notify(@channel, @payload);
                    """,
                    ("@id", conversationId),
                    ("@seq", seq),
                    ("@json", render(seq)),
                    ("@channel", _database.NotificationChannel),
                    ("@payload", seq.ToString(CultureInfo.InvariantCulture) + "|" + conversationId));
                await insert.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                return seq;
            },
            cancellationToken);

    protected override object Time(DateTimeOffset value) => value.UtcDateTime;
}
