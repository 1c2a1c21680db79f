namespace StretchBot.DirectLine;

/// <summary>
/// The durable transcript of local Direct Line conversations and the Direct Line's shared settings, kept in the
/// database every instance shares (<see cref="SqliteTranscriptStore"/>, <see cref="PostgresTranscriptStore"/>).
/// </summary>
/// <remarks>
/// Every activity gets the next sequence number of its conversation (its watermark), counted on the conversation's row
/// inside the append's transaction, so concurrent writers on several instances never produce gaps or duplicates, and
/// an erase never makes the numbering go back (an open Web Chat page, which has seen the higher watermark, still sees
/// what comes after). An append is announced to every instance's <see cref="TranscriptFeed"/>: to this one's by the
/// caller, to the others' by the provider (PostgreSQL NOTIFY; SQLite's other processes look for it).
/// </remarks>
public interface ITranscriptStore
{
    Task CreateConversationAsync(string conversationId, string userId, DateTimeOffset now, CancellationToken cancellationToken);

    Task<DirectLineConversation?> GetConversationAsync(string conversationId, CancellationToken cancellationToken);

    /// <summary>Marks the conversation as started; true only for the one caller that did it (the bot greets once).</summary>
    Task<bool> TryMarkStartedAsync(string conversationId, CancellationToken cancellationToken);

    /// <summary>
    /// Appends an activity. <paramref name="render"/> receives the activity's sequence number (its watermark) and
    /// returns the JSON to store. Returns the sequence number, or null when the conversation does not exist.
    /// </summary>
    Task<long?> AppendAsync(string conversationId, DateTimeOffset now, Func<long, string> render, CancellationToken cancellationToken);

    /// <summary>Activities with a watermark greater than <paramref name="afterWatermark"/>, oldest first, at most <paramref name="max"/>.</summary>
    Task<TranscriptPage> GetActivitiesAsync(string conversationId, long afterWatermark, int max, CancellationToken cancellationToken);

    /// <summary>
    /// Removes every stored activity of the conversation and of any other local conversation of the same user. The
    /// conversation itself (ids only) stays, so the bot can still confirm the deletion in it. Returns how many.
    /// </summary>
    Task<int> EraseAsync(string conversationId, string userId, CancellationToken cancellationToken);

    /// <summary>Deletes conversations (and their activities) whose last activity is older than <paramref name="cutoff"/>.</summary>
    Task<int> DeleteInactiveSinceAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);

    /// <summary>Returns the stored setting, storing <paramref name="create"/>'s value first if there is none (first writer wins).</summary>
    Task<string> GetOrAddSettingAsync(string name, Func<string> create, CancellationToken cancellationToken);
}
