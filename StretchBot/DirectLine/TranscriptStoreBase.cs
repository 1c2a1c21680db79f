using StretchBot.Storage;

namespace StretchBot.DirectLine;

/// <summary>
/// The transcript's rules (<see cref="ITranscriptStore"/>), written once in SQL both SQLite and PostgreSQL speak (see
/// <see cref="IStoreDatabase"/>). A provider supplies the append (the numbering transaction, and telling the other
/// instances) and how its time columns are stored.
/// </summary>
public abstract class TranscriptStoreBase : ITranscriptStore
{
    protected TranscriptStoreBase(IStoreDatabase database)
    {
        Database = database ?? throw new ArgumentNullException(nameof(database));
    }

    protected IStoreDatabase Database { get; }

    public Task CreateConversationAsync(string conversationId, string userId, DateTimeOffset now, CancellationToken cancellationToken)
        => Database.ExecuteAsync(
            """
            INSERT INTO directline_conversations (conversation_id, user_id, started, created_utc, last_activity_utc)
            VALUES (@id, @user, false, @now, @now);
            """,
            cancellationToken,
            ("@id", conversationId),
            ("@user", userId),
            ("@now", Time(now)));

    public async Task<DirectLineConversation?> GetConversationAsync(string conversationId, CancellationToken cancellationToken)
    {
        var rows = await Database.QueryAsync(
            "SELECT user_id, started, last_seq FROM directline_conversations WHERE conversation_id = @id;",
            reader => new DirectLineConversation(conversationId, reader.GetString(0), reader.GetBoolean(1), reader.GetInt64(2)),
            cancellationToken,
            ("@id", conversationId)).ConfigureAwait(false);
        return rows.FirstOrDefault();
    }

    public async Task<bool> TryMarkStartedAsync(string conversationId, CancellationToken cancellationToken)
        => await Database.ExecuteAsync(
            "UPDATE directline_conversations SET started = true WHERE conversation_id = @id AND started = false;",
            cancellationToken,
            ("@id", conversationId)).ConfigureAwait(false) == 1;

    public abstract Task<long?> AppendAsync(string conversationId, DateTimeOffset now, Func<long, string> render, CancellationToken cancellationToken);

    public async Task<TranscriptPage> GetActivitiesAsync(string conversationId, long afterWatermark, int max, CancellationToken cancellationToken)
    {
        var rows = await Database.QueryAsync(
            """
            SELECT seq, json FROM directline_activities
            WHERE conversation_id = @id AND seq > @after
            ORDER BY seq LIMIT @max;
            """,
            reader => (Seq: reader.GetInt64(0), Json: reader.GetString(1)),
            cancellationToken,
            ("@id", conversationId),
            ("@after", afterWatermark),
            ("@max", max)).ConfigureAwait(false);
        return new TranscriptPage(rows.Select(r => r.Json).ToList(), rows.Count > 0 ? rows[^1].Seq : afterWatermark);
    }

    public Task<int> EraseAsync(string conversationId, string userId, CancellationToken cancellationToken)
        => Database.ExecuteAsync(
            """
            DELETE FROM directline_activities
            WHERE conversation_id = @id
               OR conversation_id IN (SELECT conversation_id FROM directline_conversations WHERE user_id = @user);
            """,
            cancellationToken,
            ("@id", conversationId),
            ("@user", userId));

    public async Task<int> DeleteInactiveSinceAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        var changed = await Database.ExecuteInTransactionAsync(
            [
                new SqlStatement(
                    """
                    DELETE FROM directline_activities WHERE conversation_id IN
                        (SELECT conversation_id FROM directline_conversations WHERE last_activity_utc < @cutoff)
                    """,
                    ("@cutoff", Time(cutoff))),
                new SqlStatement("DELETE FROM directline_conversations WHERE last_activity_utc < @cutoff", ("@cutoff", Time(cutoff))),
            ],
            cancellationToken).ConfigureAwait(false);
        return changed[1];
    }

    public async Task<string> GetOrAddSettingAsync(string name, Func<string> create, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(create);
        await Database.ExecuteAsync(
            "INSERT INTO directline_settings (name, value) VALUES (@name, @value) ON CONFLICT (name) DO NOTHING;",
            cancellationToken,
            ("@name", name),
            ("@value", create())).ConfigureAwait(false);
        var rows = await Database.QueryAsync(
            "SELECT value FROM directline_settings WHERE name = @name;",
            reader => reader.GetString(0),
            cancellationToken,
            ("@name", name)).ConfigureAwait(false);
        return rows[0];
    }

    /// <summary>A time as this provider's time columns keep it.</summary>
    protected abstract object Time(DateTimeOffset value);
}
