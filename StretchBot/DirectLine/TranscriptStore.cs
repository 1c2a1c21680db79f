using System.Globalization;
using Microsoft.Data.Sqlite;

namespace StretchBot.DirectLine;

/// <summary>
/// The durable transcript of local Direct Line conversations. Every activity gets the next sequence number of its
/// conversation (the watermark), assigned inside a write transaction, so concurrent writers from several bot
/// instances never produce gaps or duplicates.
/// </summary>
public sealed class TranscriptStore
{
    private readonly DirectLineDatabase _database;

    public TranscriptStore(DirectLineDatabase database)
    {
        _database = database;
    }

    public async Task CreateConversationAsync(string conversationId, string userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO directline_conversations (conversation_id, user_id, started, created_utc, last_activity_utc)
            VALUES ($id, $user, 0, $now, $now);
            """;
        command.Parameters.AddWithValue("$id", conversationId);
        command.Parameters.AddWithValue("$user", userId);
        command.Parameters.AddWithValue("$now", Format(now));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<DirectLineConversation?> GetConversationAsync(string conversationId, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT user_id, started FROM directline_conversations WHERE conversation_id = $id;";
        command.Parameters.AddWithValue("$id", conversationId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new DirectLineConversation(conversationId, reader.GetString(0), reader.GetInt64(1) != 0);
    }

    /// <summary>Marks the conversation as started; true only for the one caller that did it (the bot greets once).</summary>
    public async Task<bool> TryMarkStartedAsync(string conversationId, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE directline_conversations SET started = 1 WHERE conversation_id = $id AND started = 0;";
        command.Parameters.AddWithValue("$id", conversationId);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>
    /// Appends an activity. <paramref name="render"/> receives the activity's sequence number (its watermark) and
    /// returns the JSON to store. Returns the sequence number, or null when the conversation does not exist.
    /// </summary>
    public async Task<long?> AppendAsync(string conversationId, DateTimeOffset now, Func<long, string> render, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);

        await using (var touch = connection.CreateCommand())
        {
            touch.Transaction = transaction;
            touch.CommandText = "UPDATE directline_conversations SET last_activity_utc = $now WHERE conversation_id = $id;";
            touch.Parameters.AddWithValue("$id", conversationId);
            touch.Parameters.AddWithValue("$now", Format(now));
            if (await touch.ExecuteNonQueryAsync(cancellationToken) == 0)
            {
                return null;
            }
        }

        long seq;
        await using (var next = connection.CreateCommand())
        {
            next.Transaction = transaction;
            next.CommandText = "SELECT COALESCE(MAX(seq), 0) + 1 FROM directline_activities WHERE conversation_id = $id;";
            next.Parameters.AddWithValue("$id", conversationId);
            seq = Convert.ToInt64(await next.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        }

        await using (var insert = connection.CreateCommand())
        {
            insert.Transaction = transaction;
            insert.CommandText = "INSERT INTO directline_activities (conversation_id, seq, json) VALUES ($id, $seq, $json);";
            insert.Parameters.AddWithValue("$id", conversationId);
            insert.Parameters.AddWithValue("$seq", seq);
            insert.Parameters.AddWithValue("$json", render(seq));
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return seq;
    }

    /// <summary>Activities with a watermark greater than <paramref name="afterWatermark"/>, oldest first, at most <paramref name="max"/>.</summary>
    public async Task<TranscriptPage> GetActivitiesAsync(string conversationId, long afterWatermark, int max, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT seq, json FROM directline_activities
            WHERE conversation_id = $id AND seq > $after
            ORDER BY seq LIMIT $max;
            """;
        command.Parameters.AddWithValue("$id", conversationId);
        command.Parameters.AddWithValue("$after", afterWatermark);
        command.Parameters.AddWithValue("$max", max);
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
    public async Task<int> EraseAsync(string conversationId, string userId, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            DELETE FROM directline_activities
            WHERE conversation_id = $id
               OR conversation_id IN (SELECT conversation_id FROM directline_conversations WHERE user_id = $user);
            """;
        command.Parameters.AddWithValue("$id", conversationId);
        command.Parameters.AddWithValue("$user", userId);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Deletes conversations (and their activities) whose last activity is older than <paramref name="cutoff"/>.</summary>
    public async Task<int> DeleteInactiveSinceAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        await using (var activities = connection.CreateCommand())
        {
            activities.Transaction = transaction;
            activities.CommandText = """
                DELETE FROM directline_activities WHERE conversation_id IN
                    (SELECT conversation_id FROM directline_conversations WHERE last_activity_utc < $cutoff);
                """;
            activities.Parameters.AddWithValue("$cutoff", Format(cutoff));
            await activities.ExecuteNonQueryAsync(cancellationToken);
        }

        int removed;
        await using (var conversations = connection.CreateCommand())
        {
            conversations.Transaction = transaction;
            conversations.CommandText = "DELETE FROM directline_conversations WHERE last_activity_utc < $cutoff;";
            conversations.Parameters.AddWithValue("$cutoff", Format(cutoff));
            removed = await conversations.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return removed;
    }

    /// <summary>Returns the stored setting, storing <paramref name="create"/>'s value first if there is none (first writer wins).</summary>
    public async Task<string> GetOrAddSettingAsync(string name, Func<string> create, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using (var insert = connection.CreateCommand())
        {
            insert.CommandText = "INSERT OR IGNORE INTO directline_settings (name, value) VALUES ($name, $value);";
            insert.Parameters.AddWithValue("$name", name);
            insert.Parameters.AddWithValue("$value", create());
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var select = connection.CreateCommand();
        select.CommandText = "SELECT value FROM directline_settings WHERE name = $name;";
        select.Parameters.AddWithValue("$name", name);
        return (string)(await select.ExecuteScalarAsync(cancellationToken))!;
    }

    private static string Format(DateTimeOffset value) => value.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
}
