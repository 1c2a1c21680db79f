using StretchBot.Dialogs.Progress;
using StretchBot.Progress;
using StretchBot.Storage;
using StretchBot.Storage.Sqlite;
using StretchBot.Tests.Storage;

namespace StretchBot.Tests.Progress;

/// <summary>The progress store contract on SQLite (a file in a temp folder; a second store opens the same file).</summary>
public sealed class SqliteProgressStoreTests : ProgressStoreContract
{
    private readonly TempSqliteDatabase _file = new();
    private readonly List<SqliteDatabase> _databases = [];

    public override async Task DisposeAsync()
    {
        foreach (var database in _databases)
        {
            await database.DisposeAsync();
        }

        _file.Dispose();
    }

    protected override Task<IProgressStore> CreateStoreAsync() => Task.FromResult(SecondStore());

    protected override IProgressStore SecondStore()
    {
        var database = new SqliteDatabase(_file.ConnectionString, new StorageOptions().BusyTimeoutMilliseconds);
        _databases.Add(database);
        return new SqliteProgressStore(database);
    }
}
