using Microsoft.Data.Sqlite;

namespace StretchBot.Bench;

/// <summary>Reads what the bot stored about one user straight from its SQLite file (read-only, beside the running bot).</summary>
public static class StateSizeProbe
{
    public sealed record StoredRow(string Key, long Bytes);

    /// <summary>
    /// Every bot_storage row that belongs to the user: their user state (keyed by Azure AD object id or user id) and
    /// their conversation's state. Bytes are key + JSON + ETag as stored.
    /// </summary>
    public static IReadOnlyList<StoredRow> StateRows(string databasePath, BenchUser user)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT key, length(CAST(key AS BLOB)) + length(CAST(json AS BLOB)) + length(CAST(etag AS BLOB))
            FROM bot_storage WHERE instr(key, $user) > 0 OR instr(key, $conversation) > 0;
            """;
        command.Parameters.AddWithValue("$user", user.AadObjectId ?? user.UserId);
        command.Parameters.AddWithValue("$conversation", user.ConversationId);
        var rows = new List<StoredRow>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            rows.Add(new StoredRow(reader.GetString(0), reader.GetInt64(1)));
        }

        return rows;
    }

    /// <summary>
    /// Marks pending check-ins as due a second ago (the week has passed): those whose conversation id ends with
    /// <paramref name="conversationSuffix"/>, or (<paramref name="matching"/> false) all the others.
    /// </summary>
    public static int MakeCheckInsDue(string databasePath, string conversationSuffix, bool matching)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            PRAGMA busy_timeout = 10000;
            UPDATE check_ins SET next_due_utc = $due, due_utc = $due
            WHERE status = 'Pending' AND (substr(conversation_id, -length($suffix)) = $suffix) = {(matching ? "1" : "0")};
            """;
        command.Parameters.AddWithValue("$due", DateTimeOffset.UtcNow.AddSeconds(-1).ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$suffix", conversationSuffix);
        return command.ExecuteNonQuery();
    }
}
