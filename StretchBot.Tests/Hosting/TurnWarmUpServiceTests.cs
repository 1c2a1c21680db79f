using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using StretchBot.Hosting;

namespace StretchBot.Tests.Hosting;

public sealed class TurnWarmUpServiceTests
{
    [Fact]
    public async Task WarmingUpAtStartFinishesAndStoresNothing()
    {
        using var factory = new StretchBotHostFactory();
        using var client = factory.CreateClient();
        var warmUp = factory.Services.GetServices<IHostedService>().OfType<TurnWarmUpService>().Single();

        await warmUp.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.DoesNotContain(factory.Logs.Lines, l => l.Contains("Warming the turn path up failed", StringComparison.Ordinal));
        Assert.Contains(factory.Logs.Lines, l => l.Contains("The turn path is warm", StringComparison.Ordinal));
        await using var connection = new SqliteConnection(factory.ConnectionString);
        await connection.OpenAsync();
        await using var count = connection.CreateCommand();
        count.CommandText = "SELECT count(*) FROM bot_storage;";
        Assert.Equal(0L, await count.ExecuteScalarAsync());
    }

    [Fact]
    public async Task AWarmUpThatFailsOnlyLeavesAWarningWithoutDetails()
    {
        using var factory = new StretchBotHostFactory(configureServices: s => s.AddSingleton<StretchBot.Dialogs.State.IStateStore, UnreachableStateStore>());
        using var client = factory.CreateClient();
        var warmUp = factory.Services.GetServices<IHostedService>().OfType<TurnWarmUpService>().Single();

        await warmUp.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Contains(factory.Logs.Lines, l => l.Contains("Warming the turn path up failed (IOException)", StringComparison.Ordinal));
    }

    private sealed class UnreachableStateStore : StretchBot.Dialogs.State.IStateStore
    {
        public Task<IReadOnlyDictionary<string, StretchBot.Dialogs.State.StoredState>> ReadStateAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken)
            => throw new IOException("The database cannot be reached.");

        public Task WriteStateAsync(IReadOnlyList<StretchBot.Dialogs.State.StateWrite> writes, CancellationToken cancellationToken)
            => throw new IOException("The database cannot be reached.");
    }
}
