using Microsoft.Data.Sqlite;

namespace StretchBot.CheckIns;

/// <summary>
/// The SQLite connection string for the check-in schedule: <c>Storage:ConnectionString</c> (the same database
/// as the bot's state), by default <c>Data Source=&lt;content root&gt;/data/stretchbot.db</c>. A relative file
/// path is taken from the content root, not from whatever directory the process started in.
/// </summary>
public static class CheckInStorageConnection
{
    public const string ConfigurationKey = "Storage:ConnectionString";

    /// <summary>The database file when none is configured, relative to the content root (as for the bot's state).</summary>
    public const string DefaultDataSource = "data/stretchbot.db";

    public static string Resolve(IConfiguration configuration, string contentRootPath)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentException.ThrowIfNullOrWhiteSpace(contentRootPath);

        var configured = configuration[ConfigurationKey];
        var builder = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(configured) ? string.Empty : configured);
        if (string.IsNullOrEmpty(builder.DataSource))
        {
            builder.DataSource = DefaultDataSource;
        }

        var source = builder.DataSource;
        var inMemory = builder.Mode == SqliteOpenMode.Memory
            || source.Equals(":memory:", StringComparison.OrdinalIgnoreCase)
            || source.StartsWith("file:", StringComparison.OrdinalIgnoreCase);
        if (!inMemory && !Path.IsPathRooted(source))
        {
            builder.DataSource = Path.GetFullPath(Path.Combine(contentRootPath, source));
        }

        return builder.ToString();
    }
}
