namespace StretchBot.Storage;

/// <summary>Where conversation and user state are kept. Bound from the "Storage" configuration section.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>The file the bot uses when no connection string is configured, relative to the content root.</summary>
    public const string DefaultDataSource = "data/stretchbot.db";

    /// <summary>
    /// A Microsoft.Data.Sqlite connection string. Empty means <c>Data Source=&lt;content root&gt;/data/stretchbot.db</c>;
    /// a relative Data Source is resolved against the content root. The folder is created on first use.
    /// </summary>
    public string ConnectionString { get; set; } = string.Empty;

    /// <summary>How long a writer waits for another writer (thread or process) to finish before giving up.</summary>
    public int BusyTimeoutMilliseconds { get; set; } = 10_000;

    /// <summary>
    /// State of a user or conversation not touched for this long is deleted (health data is kept only while it is
    /// needed). Default 180 days: far longer than the weekly check-in cycle.
    /// </summary>
    public TimeSpan InactiveRetention { get; set; } = TimeSpan.FromDays(180);

    /// <summary>How often the retention pass runs. Default once a day.</summary>
    public TimeSpan RetentionInterval { get; set; } = TimeSpan.FromDays(1);
}
