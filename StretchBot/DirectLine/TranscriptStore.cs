using System.Globalization;
using StretchBot.Storage.Sqlite;

namespace StretchBot.DirectLine;

/// <summary>
/// The durable transcript of local Direct Line conversations. Every activity gets the next sequence number of its
/// conversation (the watermark), counted on the conversation's row inside a write transaction, so concurrent writers
/// from several bot instances never produce gaps or duplicates, and an erase never makes the numbering go back (an
/// open Web Chat page, which has seen the higher watermark, still sees what comes after).
/// </summary>
public sealed class TranscriptStore
{
    private readonly SqliteDatabase _database;

    public TranscriptStore(SqliteDatabase database)
    {
        _database = database;
    }

    public Task CreateConversationAsync(string conversationId, string userId, DateTimeOffset now, CancellationToken cancellationToken)
        => _database.ExecuteWriteAsync(
            """
            INSERT INTO directline_conversations (conversation_id, user_id, started, created_utc, last_activity_utc)
            VALUES ($id, $user, 0, $now, $now);
            """,
            cancellationToken,
            ("$id", conversationId),
            ("$user", userId),
            ("$now", Format(now)));

    public async Task<DirectLineConversation?> GetConversationAsync(string conversationId, CancellationToken cancellationToken)
    {
        await using var lease = await _database.ReadAsync(cancellationToken);
        await using var command = lease.Command("SELECT user_id, started, last_seq FROM directline_conversations WHERE conversation_id = $id;", ("$id", conversationId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new DirectLineConversation(conversationId, reader.GetString(0), reader.GetInt64(1) != 0, reader.GetInt64(2));
    }

    /// <summary>Marks the conversation as started; true only for the one caller that did it (the bot greets once).</summary>
    public async Task<bool> TryMarkStartedAsync(string conversationId, CancellationToken cancellationToken)
        => await _database.ExecuteWriteAsync(
            "UPDATE directline_conversations SET started = 1 WHERE conversation_id = $id AND started = 0;",
            cancellationToken,
            ("$id", conversationId)) == 1;

    /// <summary>
    /// Appends an activity. <paramref name="render"/> receives the activity's sequence number (its watermark) and
    /// returns the JSON to store. Returns the sequence number, or null when the conversation does not exist.
    /// </summary>
    public Task<long?> AppendAsync(string conversationId, DateTimeOffset now, Func<long, string> render, CancellationToken cancellationToken)
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
                    UPDATE directline_conversations SET last_seq = last_seq + 1, last_activity_utc = $now
                    WHERE conversation_id = $id RETURNING last_seq;
                    """,
                    ("$id", conversationId),
                    ("$now", Format(now))))
                {
                    var value = await next.ExecuteScalarAsync(ct);
                    if (value is null or DBNull)
                    {
                        return null;
                    }

                    seq = Convert.ToInt64(value, CultureInfo.InvariantCulture);
                }

                await using var insert = SqliteDatabase.Command(
                    connection,
                    transaction,
                    "INSERT INTO directline_activities (conversation_id, seq, json) VALUES ($id, $seq, $json);",
                    ("$id", conversationId),
                    ("$seq", seq),
                    ("$json", render(seq)));
                await insert.ExecuteNonQueryAsync(ct);
                return seq;
            },
            cancellationToken);

    /// <summary>Activities with a watermark greater than <paramref name="afterWatermark"/>, oldest first, at most <paramref name="max"/>.</summary>
    public async Task<TranscriptPage> GetActivitiesAsync(string conversationId, long afterWatermark, int max, CancellationToken cancellationToken)
    {
        await using var lease = await _database.ReadAsync(cancellationToken);
        await using var command = lease.Command(
            """
            SELECT seq, json FROM directline_activities
            WHERE conversation_id = $id AND seq > $after
            ORDER BY seq LIMIT $max;
            """,
            ("$id", conversationId),
            ("$after", afterWatermark),
            ("$max", max));
        var activities = new List<string>();
        var watermark = afterWatermark;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            watermark = reader.GetInt64(0);
            activities.Add(reader.GetString(1));
        }

        return new TranscriptPage(activities, watermark);
    }

    /// <summary>
    /// Removes every stored activity of the conversation and of any other local conversation of the same user. The
    /// conversation itself (ids only) stays, so the bot can still confirm the deletion in it.
    /// </summary>
    public Task<int> EraseAsync(string conversationId, string userId, CancellationToken cancellationToken)
        => _database.ExecuteWriteAsync(
            """
            DELETE FROM directline_activities
            WHERE conversation_id = $id
               OR conversation_id IN (SELECT conversation_id FROM directline_conversations WHERE user_id = $user);
            """,
            cancellationToken,
            ("$id", conversationId),
            ("$user", userId));

    /// <summary>Deletes conversations (and their activities) whose last activity is older than <paramref name="cutoff"/>.</summary>
    public Task<int> DeleteInactiveSinceAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
        => _database.WriteAsync(
            async (connection, transaction, ct) =>
            {
                await using (var activities = SqliteDatabase.Command(
                    connection,
                    transaction,
                    """
                    DELETE FROM directline_activities WHERE conversation_id IN
                        (SELECT conversation_id FROM directline_conversations WHERE last_activity_utc < $cutoff);
                    """,
                    ("$cutoff", Format(cutoff))))
                {
                    await activities.ExecuteNonQueryAsync(ct);
                }

                await using var conversations = SqliteDatabase.Command(
                    connection,
                    transaction,
                    "DELETE FROM directline_conversations WHERE last_activity_utc < $cutoff;",
                    ("$cutoff", Format(cutoff)));
                return await conversations.ExecuteNonQueryAsync(ct);
            },
            cancellationToken);

    /// <summary>Returns the stored setting, storing <paramref name="create"/>'s value first if there is none (first writer wins).</summary>
    public Task<string> GetOrAddSettingAsync(string name, Func<string> create, CancellationToken cancellationToken)
        => _database.WriteAsync(
            async (connection, transaction, ct) =>
            {
                await using (var insert = SqliteDatabase.Command(
                    connection,
                    transaction,
                    "INSERT OR IGNORE INTO directline_settings (name, value) VALUES ($name, $value);",
                    ("$name", name),
                    ("$value", create())))
                {
                    await insert.ExecuteNonQueryAsync(ct);
                }

                await using var select = SqliteDatabase.Command(connection, transaction, "SELECT value FROM directline_settings WHERE name = $name;", ("$name", name));
                return (string)(await select.ExecuteScalarAsync(ct))!;
            },
            cancellationToken);

    private static string Format(DateTimeOffset value) => value.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
}
