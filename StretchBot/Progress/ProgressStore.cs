using System.Data.Common;
using StretchBot.Dialogs.Privacy;
using StretchBot.Dialogs.Progress;
using StretchBot.Storage;

namespace StretchBot.Progress;

/// <summary>
/// The progress history and share links (<see cref="IProgressStore"/>) in the bot's one database, on either provider:
/// the tables are schema version 6 of <see cref="SchemaVersions"/> (in SQLite's and PostgreSQL's dialects), and every
/// statement (<see cref="ProgressSql"/>) is SQL both speak, run through <see cref="IStoreDatabase"/>, so nothing here
/// knows the provider. Times are Unix milliseconds. Each write is one transaction (on SQLite through the one writer
/// path; on PostgreSQL READ COMMITTED, where the per-user bound is re-applied by every append).
/// </summary>
public sealed class ProgressStore : IProgressStore, IPersonalDataEraser
{
    private readonly IStoreDatabase _database;

    public ProgressStore(IStoreDatabase database)
    {
        _database = database ?? throw new ArgumentNullException(nameof(database));
    }

    public Task AppendAsync(string userKey, ProgressEvent progressEvent, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userKey);
        ArgumentNullException.ThrowIfNull(progressEvent);
        return _database.ExecuteInTransactionAsync(
            [
                new(ProgressSql.Touch, ("@user", userKey), ("@now", Unix(progressEvent.At))),
                new(ProgressSql.Append, ("@user", userKey), ("@kind", progressEvent.Kind.ToString()), ("@at", Unix(progressEvent.At)), ("@data", progressEvent.Data)),
                new(ProgressSql.TrimEvents, ("@user", userKey), ("@max", IProgressStore.MaxEventsPerUser)),
            ],
            cancellationToken);
    }

    public Task SetConsentAsync(string userKey, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userKey);
        return _database.ExecuteAsync(ProgressSql.Consent, cancellationToken, ("@user", userKey), ("@now", Unix(at)));
    }

    public async Task<StoredHistory?> ReadAsync(string userKey, CancellationToken cancellationToken)
    {
        var users = await _database.QueryAsync(
            ProgressSql.ReadUser,
            r => (Consent: NullableTime(r, 0), Zone: r.IsDBNull(1) ? null : r.GetString(1)),
            cancellationToken,
            ("@user", userKey)).ConfigureAwait(false);
        if (users.Count == 0)
        {
            return null;
        }

        var events = await _database.QueryAsync(ProgressSql.ReadEvents, ReadEvent, cancellationToken, ("@user", userKey)).ConfigureAwait(false);
        return new StoredHistory(users[0].Consent, events.OfType<ProgressEvent>().ToList(), users[0].Zone);
    }

    public async Task<string?> PictureKeyAsync(string userKey, string? timeZoneId, CancellationToken cancellationToken)
    {
        await _database.ExecuteAsync(ProgressSql.SetPictureKey, cancellationToken, ("@user", userKey), ("@key", ProgressTokens.NewToken()), ("@zone", timeZoneId)).ConfigureAwait(false);
        var keys = await _database.QueryAsync(ProgressSql.ReadPictureKey, r => r.IsDBNull(0) ? null : r.GetString(0), cancellationToken, ("@user", userKey)).ConfigureAwait(false);
        return keys.FirstOrDefault();
    }

    public async Task<string?> UserForPictureKeyAsync(string pictureKey, CancellationToken cancellationToken)
        => (await _database.QueryAsync(ProgressSql.UserForPictureKey, r => r.GetString(0), cancellationToken, ("@key", pictureKey)).ConfigureAwait(false))
            .FirstOrDefault();

    public Task AddShareLinkAsync(string tokenHash, ShareLink link, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tokenHash);
        ArgumentNullException.ThrowIfNull(link);
        return _database.ExecuteInTransactionAsync(
            [
                new(ProgressSql.TrimLinks, ("@user", link.UserKey), ("@keep", IProgressStore.MaxShareLinksPerUser - 1)),
                new(ProgressSql.AddLink, ("@hash", tokenHash), ("@user", link.UserKey), ("@created", Unix(link.CreatedUtc)), ("@expires", Unix(link.ExpiresUtc)), ("@zone", link.TimeZoneId)),
            ],
            cancellationToken);
    }

    public async Task<ShareLink?> FindShareLinkAsync(string tokenHash, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var links = await _database.QueryAsync(
            ProgressSql.FindLink,
            r => new ShareLink(r.GetString(0), Time(r.GetInt64(1)), Time(r.GetInt64(2)), r.IsDBNull(3) ? null : r.GetString(3)),
            cancellationToken,
            ("@hash", tokenHash),
            ("@now", Unix(now))).ConfigureAwait(false);
        return links.FirstOrDefault();
    }

    public Task<int> RevokeShareLinksAsync(string userKey, CancellationToken cancellationToken)
        => _database.ExecuteAsync(ProgressSql.RevokeLinks, cancellationToken, ("@user", userKey));

    public Task DeleteUserAsync(string userKey, CancellationToken cancellationToken)
        => _database.ExecuteInTransactionAsync(ProgressSql.DeleteUser.Select(sql => new SqlStatement(sql, ("@user", userKey))).ToList(), cancellationToken);

    public async Task<int> DeleteInactiveAsync(DateTimeOffset inactiveSince, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var statements = ProgressSql.DeleteInactive.Select(sql => new SqlStatement(sql, ("@cutoff", Unix(inactiveSince)), ("@now", Unix(now)))).ToList();
        var counts = await _database.ExecuteInTransactionAsync(statements, cancellationToken).ConfigureAwait(false);
        return counts[^1];
    }

    /// <summary>"delete my data": the user's history, picture key and share links.</summary>
    public Task EraseAsync(PersonalDataOwner owner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(owner);
        return DeleteUserAsync(owner.UserId, cancellationToken);
    }

    // A kind this version does not know (written by a newer one) is left out rather than failing the whole history.
    private static ProgressEvent? ReadEvent(DbDataReader reader)
        => Enum.TryParse<ProgressEventKind>(reader.GetString(0), out var kind)
            ? new ProgressEvent(kind, Time(reader.GetInt64(1)), reader.GetString(2))
            : null;

    private static DateTimeOffset? NullableTime(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : Time(reader.GetInt64(ordinal));

    private static long Unix(DateTimeOffset time) => time.ToUnixTimeMilliseconds();

    private static DateTimeOffset Time(long unixMilliseconds) => DateTimeOffset.FromUnixTimeMilliseconds(unixMilliseconds);
}
