namespace StretchBot.Storage;

/// <summary>One change to the database, written once for each provider.</summary>
/// <param name="Number">Its place in the list (1, 2, 3, ...); a database records the last number applied.</param>
/// <param name="Description">What it adds, for the people reading the list.</param>
/// <param name="Sqlite">The change in SQLite's dialect.</param>
/// <param name="PostgreSql">The same change in PostgreSQL's dialect.</param>
public sealed record SchemaVersion(int Number, string Description, string Sqlite, string PostgreSql);

/// <summary>
/// Every version of the bot's schema, in order, for both providers: SQLite (<see cref="Sqlite.SqliteSchema"/> applies
/// them keyed on <c>PRAGMA user_version</c>) and PostgreSQL (<see cref="Postgres.PostgresSchema"/> applies them under an
/// advisory lock, keyed on its <c>schema_versions</c> table). Both apply at start-up whatever a database lacks, in one
/// transaction, so two instances starting at the same moment apply each version once.
/// </summary>
/// <remarks>
/// A store that needs a table adds a version at the end, with the same change in both dialects; a released version is
/// never edited. Versions 1-3 use IF NOT EXISTS on SQLite because files made before this list existed already have
/// those tables. Types follow each database: SQLite keeps times as round-trip text or Unix milliseconds and flags as
/// 0/1; PostgreSQL as timestamptz or bigint milliseconds and boolean. Keys are compared byte by byte on both
/// (PostgreSQL's key columns use the "C" collation). PostgreSQL's version 1 also makes the function with which a state
/// write refuses itself when a row's ETag is stale (see <see cref="Postgres.PostgresStorage"/>).
/// </remarks>
public static class SchemaVersions
{
    public static IReadOnlyList<SchemaVersion> All { get; } =
    [
        new(
            1,
            "bot state (IStorage)",
            """
            CREATE TABLE IF NOT EXISTS bot_storage (
                key TEXT NOT NULL PRIMARY KEY,
                json TEXT NOT NULL,
                etag TEXT NOT NULL,
                store_type TEXT NULL,
                updated_utc TEXT NOT NULL
            ) WITHOUT ROWID;
            """,
            """
            CREATE TABLE bot_storage (
                key text COLLATE "C" NOT NULL PRIMARY KEY,
                json text NOT NULL,
                etag text NOT NULL,
                store_type text NULL,
                updated_utc timestamptz NOT NULL
            );
            CREATE FUNCTION stretchbot_refuse_stale_write(item_key text) RETURNS integer LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION USING ERRCODE = 'SB409', MESSAGE = item_key, HINT = 'The stored item was changed or deleted since it was read; nothing was written.';
            END;
            $$;
            """),
        new(
            2,
            "check-in schedule",
            """
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
            """,
            """
            CREATE TABLE check_ins (
                id text COLLATE "C" NOT NULL PRIMARY KEY,
                user_id text COLLATE "C" NOT NULL,
                channel_id text NULL,
                conversation_id text NULL,
                conversation_reference text NOT NULL,
                tenant_id text NULL,
                spread_key text NOT NULL,
                due_utc bigint NOT NULL,
                status text NOT NULL,
                next_kind text NOT NULL,
                next_due_utc bigint NULL,
                reminder_sent boolean NOT NULL DEFAULT false,
                lease_owner text NULL,
                lease_until_utc bigint NULL,
                attempts integer NOT NULL DEFAULT 0,
                next_attempt_utc bigint NULL,
                sent_utc bigint NULL,
                created_utc bigint NOT NULL,
                updated_utc bigint NOT NULL
            );
            CREATE INDEX ix_check_ins_next_due ON check_ins (next_due_utc) WHERE next_due_utc IS NOT NULL;
            CREATE INDEX ix_check_ins_user ON check_ins (user_id);
            CREATE UNIQUE INDEX ux_check_ins_user_open ON check_ins (user_id) WHERE status IN ('Pending','Sent');
            """),
        new(
            3,
            "local Direct Line transcripts and settings",
            """
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
            """,
            """
            CREATE TABLE directline_conversations (
                conversation_id text COLLATE "C" NOT NULL PRIMARY KEY,
                user_id text COLLATE "C" NOT NULL,
                started boolean NOT NULL DEFAULT false,
                created_utc timestamptz NOT NULL,
                last_activity_utc timestamptz NOT NULL
            );
            CREATE INDEX ix_directline_conversations_user ON directline_conversations (user_id);
            CREATE INDEX ix_directline_conversations_last ON directline_conversations (last_activity_utc);
            CREATE TABLE directline_activities (
                conversation_id text COLLATE "C" NOT NULL,
                seq bigint NOT NULL,
                json text NOT NULL,
                PRIMARY KEY (conversation_id, seq)
            );
            CREATE TABLE directline_settings (
                name text COLLATE "C" NOT NULL PRIMARY KEY,
                value text NOT NULL
            );
            """),
        new(
            4,
            "transcript numbering kept per conversation, so it never goes back after an erase",
            """
            ALTER TABLE directline_conversations ADD COLUMN last_seq INTEGER NOT NULL DEFAULT 0;
            UPDATE directline_conversations SET last_seq = COALESCE(
                (SELECT MAX(seq) FROM directline_activities a WHERE a.conversation_id = directline_conversations.conversation_id), 0);
            """,
            """
            ALTER TABLE directline_conversations ADD COLUMN last_seq bigint NOT NULL DEFAULT 0;
            UPDATE directline_conversations c SET last_seq = COALESCE(
                (SELECT MAX(seq) FROM directline_activities a WHERE a.conversation_id = c.conversation_id), 0);
            """),
        new(
            5,
            "state retention finds untouched rows by index",
            """
            CREATE INDEX IF NOT EXISTS ix_bot_storage_updated ON bot_storage (updated_utc);
            """,
            """
            CREATE INDEX ix_bot_storage_updated ON bot_storage (updated_utc);
            """),
        new(
            6,
            "progress history (pain, plans, check-ins, screens, swaps) and share links",
            """
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
            """,
            """
            CREATE TABLE progress_users (
                user_key text COLLATE "C" NOT NULL PRIMARY KEY,
                consent_utc bigint NULL,
                picture_key text COLLATE "C" NULL,
                time_zone text NULL,
                updated_utc bigint NOT NULL
            );
            CREATE UNIQUE INDEX ux_progress_users_picture ON progress_users (picture_key) WHERE picture_key IS NOT NULL;
            CREATE INDEX ix_progress_users_updated ON progress_users (updated_utc);
            CREATE TABLE progress_events (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                user_key text COLLATE "C" NOT NULL,
                kind text NOT NULL,
                at_utc bigint NOT NULL,
                data text NOT NULL
            );
            CREATE INDEX ix_progress_events_user ON progress_events (user_key, id);
            CREATE TABLE share_links (
                token_hash text COLLATE "C" NOT NULL PRIMARY KEY,
                user_key text COLLATE "C" NOT NULL,
                created_utc bigint NOT NULL,
                expires_utc bigint NOT NULL,
                time_zone text NULL
            );
            CREATE INDEX ix_share_links_user ON share_links (user_key);
            CREATE INDEX ix_share_links_expires ON share_links (expires_utc);
            """),
        new(
            7,
            "state rows kept whole in their page",
            // SQLite: a WITHOUT ROWID table keeps at most about 1,000 bytes of a row in its b-tree page and chains the
            // rest through overflow pages, so every read of a 2-3 KB state row read three pages or more, and every write
            // freed, zeroed (secure_delete) and allocated a chain of them. A rowid table keeps up to about 4,000 bytes in
            // the page, with the key in an index of its own. The rows are copied across unchanged.
            """
            CREATE TABLE bot_storage_rows (
                key TEXT NOT NULL PRIMARY KEY,
                json TEXT NOT NULL,
                etag TEXT NOT NULL,
                store_type TEXT NULL,
                updated_utc TEXT NOT NULL
            );
            INSERT INTO bot_storage_rows (key, json, etag, store_type, updated_utc)
                SELECT key, json, etag, store_type, updated_utc FROM bot_storage;
            DROP TABLE bot_storage;
            ALTER TABLE bot_storage_rows RENAME TO bot_storage;
            CREATE INDEX ix_bot_storage_updated ON bot_storage (updated_utc);
            """,
            // PostgreSQL keeps long values out of line itself (TOAST): nothing to change.
            """
            SELECT 1;
            """),
    ];

    /// <summary>The version a database is at once every known version is applied.</summary>
    public static int Latest => All[^1].Number;
}
