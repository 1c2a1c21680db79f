using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace StretchBot.Storage;

/// <summary>
/// SQLite: fills in the default database file (&lt;content root&gt;/data/stretchbot.db) and resolves a relative Data
/// Source against the content root, so the database does not move with the working directory. PostgreSQL's connection
/// string is used as given.
/// </summary>
internal sealed class StorageOptionsSetup(IHostEnvironment environment) : IPostConfigureOptions<StorageOptions>
{
    public void PostConfigure(string? name, StorageOptions options)
    {
        if (options.Provider != StorageProvider.Sqlite)
        {
            return;
        }

        var builder = new SqliteConnectionStringBuilder(
            string.IsNullOrWhiteSpace(options.ConnectionString) ? string.Empty : options.ConnectionString);
        if (string.IsNullOrEmpty(builder.DataSource))
        {
            builder.DataSource = StorageOptions.DefaultDataSource;
        }

        var dataSource = builder.DataSource;
        var inMemory = builder.Mode == SqliteOpenMode.Memory
            || string.Equals(dataSource, ":memory:", StringComparison.OrdinalIgnoreCase)
            || dataSource.StartsWith("file:", StringComparison.OrdinalIgnoreCase);
        if (!inMemory && !Path.IsPathRooted(dataSource))
        {
            builder.DataSource = Path.GetFullPath(Path.Combine(environment.ContentRootPath, dataSource));
        }

        options.ConnectionString = builder.ToString();
    }
}
