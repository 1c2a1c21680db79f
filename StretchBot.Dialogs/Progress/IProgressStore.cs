namespace StretchBot.Dialogs.Progress;

/// <summary>What kind of moment a stored <see cref="ProgressEvent"/> is.</summary>
/// <remarks>The names are stored: never rename a value.</remarks>
public enum ProgressEventKind
{
    Plan,
    Screen,
    CheckIn,
    Swap,
}

/// <summary>One moment of a user's history as stored: its kind, when it happened and its record as compact JSON.</summary>
public sealed record ProgressEvent(ProgressEventKind Kind, DateTimeOffset At, string Data);

/// <summary>A share link as stored: whose summary it opens, until when, and the time zone its dates are shown in.</summary>
public sealed record ShareLink(string UserKey, DateTimeOffset CreatedUtc, DateTimeOffset ExpiresUtc, string? TimeZoneId);

/// <summary>A user's history as stored: the consent time, the events oldest first, and the zone their pictures use.</summary>
public sealed record StoredHistory(DateTimeOffset? ConsentUtc, IReadOnlyList<ProgressEvent> Events, string? TimeZoneId);

/// <summary>
/// Where each user's progress is kept, apart from the per-turn state: the moments (<see cref="ProgressEvent"/>), the
/// consent time, the key of their trend pictures and the links they shared with a physio. Bounded (at most
/// <see cref="MaxEventsPerUser"/> events per user, the oldest dropped first; at most <see cref="MaxShareLinksPerUser"/>
/// live links), erased by "delete my data" and by retention. Share links are kept by the hash of their token only.
/// </summary>
public interface IProgressStore
{
    /// <summary>Events kept per user; older ones are dropped when a new one comes.</summary>
    public const int MaxEventsPerUser = 300;

    /// <summary>Share links kept per user; making another drops the oldest.</summary>
    public const int MaxShareLinksPerUser = 5;

    /// <summary>Adds a moment to the user's history (creating it), and counts as activity for retention.</summary>
    Task AppendAsync(string userKey, ProgressEvent progressEvent, CancellationToken cancellationToken);

    /// <summary>Records the time consent was given (the latest), and counts as activity for retention.</summary>
    Task SetConsentAsync(string userKey, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>The user's history, or null when nothing is kept for them.</summary>
    Task<StoredHistory?> ReadAsync(string userKey, CancellationToken cancellationToken);

    /// <summary>
    /// The random key in the addresses of the user's trend pictures (made on first use), remembering the time zone their
    /// dates are drawn in; null when nothing is kept for the user.
    /// </summary>
    Task<string?> PictureKeyAsync(string userKey, string? timeZoneId, CancellationToken cancellationToken);

    /// <summary>Whose pictures a key opens, or null.</summary>
    Task<string?> UserForPictureKeyAsync(string pictureKey, CancellationToken cancellationToken);

    /// <summary>Keeps a new share link under the hash of its token.</summary>
    Task AddShareLinkAsync(string tokenHash, ShareLink link, CancellationToken cancellationToken);

    /// <summary>The link whose token has this hash, if it is still live at <paramref name="now"/>.</summary>
    Task<ShareLink?> FindShareLinkAsync(string tokenHash, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Deletes every share link of the user; returns how many there were.</summary>
    Task<int> RevokeShareLinksAsync(string userKey, CancellationToken cancellationToken);

    /// <summary>Deletes everything kept for the user (history, picture key, share links).</summary>
    Task DeleteUserAsync(string userKey, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes the histories (with their links) of users with no activity since <paramref name="inactiveSince"/>, and every
    /// link expired by <paramref name="now"/>; returns how many users' histories went.
    /// </summary>
    Task<int> DeleteInactiveAsync(DateTimeOffset inactiveSince, DateTimeOffset now, CancellationToken cancellationToken);
}
