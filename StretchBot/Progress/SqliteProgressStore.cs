using Microsoft.Data.Sqlite;
using StretchBot.Dialogs.Privacy;
using StretchBot.Dialogs.Progress;
using StretchBot.Storage.Sqlite;

namespace StretchBot.Progress;

/// <summary>
/// The progress history and share links in the shared SQLite database (schema version 6 of <see cref="SqliteSchema"/>).
/// Times are Unix milliseconds; every statement is plain SQL that PostgreSQL speaks too. Appends go through the one
/// writer path, so the per-user bound holds with several instances on the file.
/// </summary>
public sealed class SqliteProgressStore : IProgressStore, IPersonalDataEraser
{
    private readonly SqliteDatabase _database;

    public SqliteProgressStore(SqliteDatabase database)
    {
        _database = database ?? throw new ArgumentNullException(nameof(database));
    }

    public Task AppendAsync(string userKey, ProgressEvent progressEvent, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userKey);
        ArgumentNullException.ThrowIfNull(progressEvent);
        return InTransactionAsync(
            cancellationToken,
            (ProgressSql.Touch, [("@user", userKey), ("@now", Unix(progressEvent.At))]),
            (ProgressSql.Append, [("@user", userKey), ("@kind", progressEvent.Kind.ToString()), ("@at", Unix(progressEvent.At)), ("@data", progressEvent.Data)]),
            (ProgressSql.TrimEvents, [("@user", userKey), ("@max", IProgressStore.MaxEventsPerUser)]));
    }

    public Task SetConsentAsync(string userKey, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userKey);
        return InTransactionAsync(cancellationToken, (ProgressSql.Consent, [("@user", userKey), ("@now", Unix(at))]));
    }

    public async Task<StoredHistory?> ReadAsync(string userKey, CancellationToken cancellationToken)
    {
        await using var lease = await _database.ReadAsync(cancellationToken).ConfigureAwait(false);
        var users = await QueryAsync(lease.Connection, ProgressSql.ReadUser, r => (Consent: NullableTime(r, 0), Zone: r.IsDBNull(1) ? null : r.GetString(1)), cancellationToken, ("@user", userKey)).ConfigureAwait(false);
        if (users.Count == 0)
        {
            return null;
        }

        var events = await QueryAsync(lease.Connection, ProgressSql.ReadEvents, ReadEvent, cancellationToken, ("@user", userKey)).ConfigureAwait(false);
        return new StoredHistory(users[0].Consent, events.OfType<ProgressEvent>().ToList(), users[0].Zone);
    }

    public async Task<string?> PictureKeyAsync(string userKey, string? timeZoneId, CancellationToken cancellationToken)
    {
        await InTransactionAsync(cancellationToken, (ProgressSql.SetPictureKey, [("@user", userKey), ("@key", ProgressTokens.NewToken()), ("@zone", timeZoneId)])).ConfigureAwait(false);
        await using var lease = await _database.ReadAsync(cancellationToken).ConfigureAwait(false);
        var keys = await QueryAsync(lease.Connection, ProgressSql.ReadPictureKey, r => r.IsDBNull(0) ? null : r.GetString(0), cancellationToken, ("@user", userKey)).ConfigureAwait(false);
        return keys.FirstOrDefault();
    }

    public async Task<string?> UserForPictureKeyAsync(string pictureKey, CancellationToken cancellationToken)
    {
        await using var lease = await _database.ReadAsync(cancellationToken).ConfigureAwait(false);
        var users = await QueryAsync(lease.Connection, ProgressSql.UserForPictureKey, r => r.GetString(0), cancellationToken, ("@key", pictureKey)).ConfigureAwait(false);
        return users.FirstOrDefault();
    }

    public Task AddShareLinkAsync(string tokenHash, ShareLink link, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tokenHash);
        ArgumentNullException.ThrowIfNull(link);
        return InTransactionAsync(
            cancellationToken,
            (ProgressSql.TrimLinks, [("@user", link.UserKey), ("@keep", IProgressStore.MaxShareLinksPerUser - 1)]),
            (ProgressSql.AddLink, [("@hash", tokenHash), ("@user", link.UserKey), ("@created", Unix(link.CreatedUtc)), ("@expires", Unix(link.ExpiresUtc)), ("@zone", link.TimeZoneId)]));
    }

    public async Task<ShareLink?> FindShareLinkAsync(string tokenHash, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var lease = await _database.ReadAsync(cancellationToken).ConfigureAwait(false);
        var links = await QueryAsync(
            lease.Connection,
            ProgressSql.FindLink,
            r => new ShareLink(r.GetString(0), Time(r.GetInt64(1)), Time(r.GetInt64(2)), r.IsDBNull(3) ? null : r.GetString(3)),
            cancellationToken,
            ("@hash", tokenHash),
            ("@now", Unix(now))).ConfigureAwait(false);
        return links.FirstOrDefault();
    }

    public async Task<int> RevokeShareLinksAsync(string userKey, CancellationToken cancellationToken)
        => (await InTransactionAsync(cancellationToken, (ProgressSql.RevokeLinks, [("@user", userKey)])).ConfigureAwait(false))[0];

    public Task DeleteUserAsync(string userKey, CancellationToken cancellationToken)
        => InTransactionAsync(cancellationToken, ProgressSql.DeleteUser.Select(sql => (sql, new (string, object?)[] { ("@user", userKey) })).ToArray());

    public async Task<int> DeleteInactiveAsync(DateTimeOffset inactiveSince, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var parameters = new (string, object?)[] { ("@cutoff", Unix(inactiveSince)), ("@now", Unix(now)) };
        var counts = await InTransactionAsync(cancellationToken, ProgressSql.DeleteInactive.Select(sql => (sql, parameters)).ToArray()).ConfigureAwait(false);
        return counts[^1];
    }

    /// <summary>"delete my data": the user's history, picture key and share links.</summary>
    public Task EraseAsync(PersonalDataOwner owner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(owner);
        return DeleteUserAsync(owner.UserId, cancellationToken);
    }

    private Task<int[]> InTransactionAsync(CancellationToken cancellationToken, params (string Sql, (string Name, object? Value)[] Parameters)[] statements)
        => _database.WriteAsync(
            async (connection, transaction, ct) =>
            {
                var counts = new int[statements.Length];
                for (var i = 0; i < statements.Length; i++)
                {
                    await using var command = SqliteDatabase.Command(connection, transaction, statements[i].Sql, statements[i].Parameters);
                    counts[i] = await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                }

                return counts;
            },
            cancellationToken);

    private static async Task<List<T>> QueryAsync<T>(SqliteConnection connection, string sql, Func<SqliteDataReader, T> map, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = SqliteDatabase.Command(connection, null, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(map(reader));
        }

        return rows;
    }

    // A kind this version does not know (written by a newer one) is left out rather than failing the whole history.
    private static ProgressEvent? ReadEvent(SqliteDataReader reader)
        => Enum.TryParse<ProgressEventKind>(reader.GetString(0), out var kind)
            ? new ProgressEvent(kind, Time(reader.GetInt64(1)), reader.GetString(2))
            : null;

    private static DateTimeOffset? NullableTime(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : Time(reader.GetInt64(ordinal));

    private static long Unix(DateTimeOffset time) => time.ToUnixTimeMilliseconds();

    private static DateTimeOffset Time(long unixMilliseconds) => DateTimeOffset.FromUnixTimeMilliseconds(unixMilliseconds);
}
