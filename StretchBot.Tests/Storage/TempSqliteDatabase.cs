using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using StretchBot.Storage;

namespace StretchBot.Tests.Storage;

/// <summary>A SQLite file in a fresh temp folder (in a "data" subfolder that does not exist yet); deleted on Dispose.</summary>
internal sealed class TempSqliteDatabase : IDisposable
{
    public TempSqliteDatabase()
    {
        Folder = Path.Combine(Path.GetTempPath(), "stretchbot-tests", Guid.NewGuid().ToString("N"));
        FilePath = Path.Combine(Folder, "data", "stretchbot.db");
    }

    public string Folder { get; }

    public string FilePath { get; }

    public string ConnectionString => $"Data Source={FilePath}";

    /// <summary>A new storage over the same file, as a restarted process or another instance would have.</summary>
    public SqliteStorage NewStorage() =>
        new(Options.Create(new StorageOptions { ConnectionString = ConnectionString }), TimeProvider.System);

    public void Dispose()
    {
        using (var connection = new SqliteConnection(ConnectionString))
        {
            SqliteConnection.ClearPool(connection);
        }

        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }
}
