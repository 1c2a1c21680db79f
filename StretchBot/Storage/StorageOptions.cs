namespace StretchBot.Storage;

/// <summary>
/// Where every store keeps its data (conversation and user state, the check-in schedule, web transcripts, the token
/// signing key). Bound from the "Storage" configuration section once and validated at start.
/// </summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>Sqlite (the default: an embedded file) or PostgreSQL (a server any number of instances share).</summary>
    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>The file the bot uses when no connection string is configured, relative to the content root.</summary>
    public const string DefaultDataSource = "data/stretchbot.db";

    /// <summary>
    /// SQLite: a Microsoft.Data.Sqlite connection string. Empty means <c>Data Source=&lt;content root&gt;/data/stretchbot.db</c>;
    /// a relative Data Source is resolved against the content root. The folder is created on first use.
    /// PostgreSQL: an Npgsql connection string (required), e.g. <c>Host=db;Database=stretchbot;Username=stretchbot;Password=...</c>;
    /// the tables go into the first schema of its search path.
    /// </summary>
    public string ConnectionString { get; set; } = string.Empty;

    /// <summary>SQLite: how long a writer waits for another writer (thread or process) to finish before giving up.</summary>
    public int BusyTimeoutMilliseconds { get; set; } = 10_000;

    /// <summary>
    /// PostgreSQL: how long start-up keeps trying to reach the server (it may be starting at the same moment) before
    /// the instance gives up and exits.
    /// </summary>
    public TimeSpan StartupTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// SQLite: how often an instance looks for transcript activities another process on the same file wrote, while a
    /// web page's stream is open (PostgreSQL is told at once, by LISTEN/NOTIFY). Activities written by this process
    /// reach its streams at once either way.
    /// </summary>
    public TimeSpan ChangeCheckInterval { get; set; } = TimeSpan.FromMilliseconds(25);

    /// <summary>
    /// State of a user or conversation not touched for this long is deleted (health data is kept only while it is
    /// needed). Default 180 days: far longer than the weekly check-in cycle.
    /// </summary>
    public TimeSpan InactiveRetention { get; set; } = TimeSpan.FromDays(180);

    /// <summary>How often the retention pass runs. Default once a day.</summary>
    public TimeSpan RetentionInterval { get; set; } = TimeSpan.FromDays(1);
}
