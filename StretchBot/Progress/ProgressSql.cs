namespace StretchBot.Progress;

/// <summary>
/// The progress store's statements, in SQL that SQLite and PostgreSQL both speak (parameters as @name, times as Unix
/// milliseconds), run by <see cref="ProgressStore"/> on either provider.
/// </summary>
internal static class ProgressSql
{
    public const string Touch = """
        INSERT INTO progress_users (user_key, updated_utc) VALUES (@user, @now)
        ON CONFLICT (user_key) DO UPDATE SET updated_utc = excluded.updated_utc;
        """;

    public const string Consent = """
        INSERT INTO progress_users (user_key, consent_utc, updated_utc) VALUES (@user, @now, @now)
        ON CONFLICT (user_key) DO UPDATE SET consent_utc = excluded.consent_utc, updated_utc = excluded.updated_utc;
        """;

    public const string Append = "INSERT INTO progress_events (user_key, kind, at_utc, data) VALUES (@user, @kind, @at, @data);";

    // The newest @max events stay; anything older goes.
    public const string TrimEvents = """
        DELETE FROM progress_events WHERE user_key = @user AND id NOT IN (
            SELECT id FROM progress_events WHERE user_key = @user ORDER BY id DESC LIMIT @max);
        """;

    public const string ReadUser = "SELECT consent_utc, time_zone FROM progress_users WHERE user_key = @user;";

    public const string ReadEvents = "SELECT kind, at_utc, data FROM progress_events WHERE user_key = @user ORDER BY id;";

    public const string SetPictureKey = """
        UPDATE progress_users SET picture_key = COALESCE(picture_key, @key), time_zone = COALESCE(@zone, time_zone)
        WHERE user_key = @user;
        """;

    public const string ReadPictureKey = "SELECT picture_key FROM progress_users WHERE user_key = @user;";

    public const string UserForPictureKey = "SELECT user_key FROM progress_users WHERE picture_key = @key;";

    // Before a new link: the newest @keep stay, so with the new one there are at most MaxShareLinksPerUser.
    public const string TrimLinks = """
        DELETE FROM share_links WHERE user_key = @user AND token_hash NOT IN (
            SELECT token_hash FROM share_links WHERE user_key = @user ORDER BY created_utc DESC, token_hash LIMIT @keep);
        """;

    public const string AddLink = """
        INSERT INTO share_links (token_hash, user_key, created_utc, expires_utc, time_zone)
        VALUES (@hash, @user, @created, @expires, @zone);
        """;

    public const string FindLink = "SELECT user_key, created_utc, expires_utc, time_zone FROM share_links WHERE token_hash = @hash AND expires_utc > @now;";

    public const string RevokeLinks = "DELETE FROM share_links WHERE user_key = @user;";

    public static readonly string[] DeleteUser =
    [
        "DELETE FROM share_links WHERE user_key = @user;",
        "DELETE FROM progress_events WHERE user_key = @user;",
        "DELETE FROM progress_users WHERE user_key = @user;",
    ];

    // Expired links, then the histories (and links) of users inactive since the cutoff; the last count is the users.
    public static readonly string[] DeleteInactive =
    [
        "DELETE FROM share_links WHERE expires_utc <= @now;",
        "DELETE FROM share_links WHERE user_key IN (SELECT user_key FROM progress_users WHERE updated_utc < @cutoff);",
        "DELETE FROM progress_events WHERE user_key IN (SELECT user_key FROM progress_users WHERE updated_utc < @cutoff);",
        "DELETE FROM progress_users WHERE updated_utc < @cutoff;",
    ];
}
