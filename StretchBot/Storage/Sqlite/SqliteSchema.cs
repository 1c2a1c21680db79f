using System.Globalization;
using Microsoft.Data.Sqlite;

namespace StretchBot.Storage.Sqlite;

/// <summary>
/// Every version of the bot's SQLite schema, in order. A file records the last version applied in
/// <c>PRAGMA user_version</c>; at start the missing ones are applied in one IMMEDIATE transaction, so two instances
/// starting together apply each once. Add a change as a new version at the end; never edit a released one.
/// Versions 1-3 use IF NOT EXISTS because files made before this list existed already have those tables.
/// </summary>
public static class SqliteSchema
{
    public sealed record Version(int Number, string Description, string Sql);

    public static IReadOnlyList<Version> Versions { get; } =
    [
        new(1, "bot state (IStorage)", """
            CREATE TABLE IF NOT EXISTS bot_storage (
                key TEXT NOT NULL PRIMARY KEY,
                json TEXT NOT NULL,
                etag TEXT NOT NULL,
                store_type TEXT NULL,
                updated_utc TEXT NOT NULL
            ) WITHOUT ROWID;
            """),
        new(2, "check-in schedule", """
            CREATE TABLE IF NOT EXISTS check_ins (
                id TEXT NOT NULL PRIMARY KEY,
                user_id TEXT NOT NULL,
                channel_id TEXT NULL,
                conversation_id TEXT NULL,
                conversation_reference TEXT NOT NULL,
                tenant_id TEXT NULL,
                spread_key TEXT NOT NULL,
                due_utc INTEGER NOT NULL,
                status TEXT NOT NULL,
                next_kind TEXT NOT NULL,
                next_due_utc INTEGER NULL,
                reminder_sent INTEGER NOT NULL DEFAULT 0,
                lease_owner TEXT NULL,
                lease_until_utc INTEGER NULL,
                attempts INTEGER NOT NULL DEFAULT 0,
                next_attempt_utc INTEGER NULL,
                sent_utc INTEGER NULL,
                created_utc INTEGER NOT NULL,
                updated_utc INTEGER NOT NULL
            );
            CREATE INDEX IF NOT EXISTS ix_check_ins_next_due ON check_ins (next_due_utc) WHERE next_due_utc IS NOT NULL;
            CREATE INDEX IF NOT EXISTS ix_check_ins_user ON check_ins (user_id);
            CREATE UNIQUE INDEX IF NOT EXISTS ux_check_ins_user_open ON check_ins (user_id) WHERE status IN ('Pending','Sent');
            """),
        new(3, "local Direct Line transcripts and settings", """
            CREATE TABLE IF NOT EXISTS directline_conversations (
                conversation_id TEXT NOT NULL PRIMARY KEY,
                user_id TEXT NOT NULL,
                started INTEGER NOT NULL DEFAULT 0,
                created_utc TEXT NOT NULL,
                last_activity_utc TEXT NOT NULL
            );
            CREATE INDEX IF NOT EXISTS ix_directline_conversations_user ON directline_conversations (user_id);
            CREATE INDEX IF NOT EXISTS ix_directline_conversations_last ON directline_conversations (last_activity_utc);
            CREATE TABLE IF NOT EXISTS directline_activities (
                conversation_id TEXT NOT NULL,
                seq INTEGER NOT NULL,
                json TEXT NOT NULL,
                PRIMARY KEY (conversation_id, seq)
            );
            CREATE TABLE IF NOT EXISTS directline_settings (
                name TEXT NOT NULL PRIMARY KEY,
                value TEXT NOT NULL
            );
            """),
        new(4, "transcript numbering kept per conversation, so it never goes back after an erase", """
            ALTER TABLE directline_conversations ADD COLUMN last_seq INTEGER NOT NULL DEFAULT 0;
            UPDATE directline_conversations SET last_seq = COALESCE(
                (SELECT MAX(seq) FROM directline_activities a WHERE a.conversation_id = directline_conversations.conversation_id), 0);
            """),
        new(5, "state retention finds untouched rows by index", """
            CREATE INDEX IF NOT EXISTS ix_bot_storage_updated ON bot_storage (updated_utc);
            """),
        new(6, "progress history (pain, plans, check-ins, screens, swaps) and share links", """
            CREATE TABLE progress_users (
                user_key TEXT NOT NULL PRIMARY KEY,
                consent_utc INTEGER NULL,
                picture_key TEXT NULL,
                time_zone TEXT NULL,
                updated_utc INTEGER NOT NULL
            ) WITHOUT ROWID;
            CREATE UNIQUE INDEX ux_progress_users_picture ON progress_users (picture_key) WHERE picture_key IS NOT NULL;
            CREATE INDEX ix_progress_users_updated ON progress_users (updated_utc);
            CREATE TABLE progress_events (
                id INTEGER NOT NULL PRIMARY KEY,
                user_key TEXT NOT NULL,
                kind TEXT NOT NULL,
                at_utc INTEGER NOT NULL,
                data TEXT NOT NULL
            );
            CREATE INDEX ix_progress_events_user ON progress_events (user_key, id);
            CREATE TABLE share_links (
                token_hash TEXT NOT NULL PRIMARY KEY,
                user_key TEXT NOT NULL,
                created_utc INTEGER NOT NULL,
                expires_utc INTEGER NOT NULL,
                time_zone TEXT NULL
            ) WITHOUT ROWID;
            CREATE INDEX ix_share_links_user ON share_links (user_key);
            CREATE INDEX ix_share_links_expires ON share_links (expires_utc);
            """),
    ];

    /// <summary>The version a file is at once every known version is applied.</summary>
    public static int Latest => Versions[^1].Number;

    /// <summary>Applies the versions the file lacks; returns the version it is at afterwards.</summary>
    public static async Task<int> MigrateAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var transaction = connection.BeginTransaction(deferred: false);
        int current;
        await using (var read = SqliteDatabase.Command(connection, transaction, "PRAGMA user_version;"))
        {
            current = Convert.ToInt32(await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
        }

        var applied = current;
        foreach (var version in Versions.Where(v => v.Number > current))
        {
            await using var apply = SqliteDatabase.Command(connection, transaction, version.Sql);
            await apply.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            applied = version.Number;
        }

        if (applied != current)
        {
            await using var mark = SqliteDatabase.Command(connection, transaction, $"PRAGMA user_version = {applied.ToString(CultureInfo.InvariantCulture)};");
            await mark.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return applied;
    }
}
