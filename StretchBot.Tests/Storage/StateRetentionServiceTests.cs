using Microsoft.Bot.Builder;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using StretchBot.Storage;

namespace StretchBot.Tests.Storage;

public sealed class StateRetentionServiceTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "stretchbot-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task StateUntouchedForLongerThanTheRetentionIsDeletedAndRecentStateStays()
    {
        Directory.CreateDirectory(_folder);
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var options = Options.Create(new StorageOptions { ConnectionString = $"Data Source={Path.Combine(_folder, "state.db")}", InactiveRetention = TimeSpan.FromDays(180) });
        var storage = new SqliteStorage(options, time);
        var retention = new StateRetentionService(storage, time, options, NullLogger<StateRetentionService>.Instance);

        await storage.WriteAsync(new Dictionary<string, object> { ["users/gone"] = new Dictionary<string, object> { ["x"] = 1 } });
        time.Advance(TimeSpan.FromDays(100));
        await storage.WriteAsync(new Dictionary<string, object> { ["users/active"] = new Dictionary<string, object> { ["x"] = 1 } });
        time.Advance(TimeSpan.FromDays(80) - TimeSpan.FromMinutes(1));

        Assert.Equal(0, await retention.PurgeAsync(CancellationToken.None));

        time.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(1, await retention.PurgeAsync(CancellationToken.None));
        var left = await storage.ReadAsync(new[] { "users/gone", "users/active" });
        Assert.Equal(new[] { "users/active" }, left.Keys);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
