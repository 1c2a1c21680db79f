using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using StretchBot.Dialogs.State;
using StretchBot.Hosting;

namespace StretchBot.Tests.Hosting;

public sealed class TurnWarmUpTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task TheWarmUpAtStartFinishesAndLeavesNothingInTheDatabase()
    {
        using var factory = new StretchBotAppFactory().CaptureLogs();
        using var client = factory.CreateClient();

        await factory.Services.GetRequiredService<TurnWarmUp>().Completion.WaitAsync(Patience);

        Assert.Contains(factory.Logs!.Lines, l => l.Contains("The turn path is warm", StringComparison.Ordinal));
        Assert.DoesNotContain(factory.Logs.Lines, l => l.Contains("Warming the turn path up failed", StringComparison.Ordinal));
        await using var connection = new SqliteConnection($"Data Source={factory.DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var count = connection.CreateCommand();
        count.CommandText = "SELECT count(*) FROM bot_storage;";
        Assert.Equal(0L, await count.ExecuteScalarAsync());
    }

    [Fact]
    public async Task AWarmUpThatFailsLeavesOneWarningNamingOnlyTheExceptionTypeAndTheHostStillServes()
    {
        using var factory = new UnreachableStateFactory().CaptureLogs();
        using var client = factory.CreateClient();

        await factory.Services.GetRequiredService<TurnWarmUp>().Completion.WaitAsync(Patience);
        using var health = await client.GetAsync("/healthz");

        var warning = Assert.Single(factory.Logs!.Lines, l => l.Contains("Warming the turn path up failed", StringComparison.Ordinal));
        Assert.Contains("(IOException)", warning, StringComparison.Ordinal);
        Assert.DoesNotContain(UnreachableStateStore.Secret, factory.Logs.AllText, StringComparison.Ordinal);
        Assert.True(health.IsSuccessStatusCode);
    }

    private sealed class UnreachableStateFactory : StretchBotAppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services =>
            {
                services.RemoveAll<IStateStore>();
                services.AddSingleton<IStateStore, UnreachableStateStore>();
            });
        }
    }

    private sealed class UnreachableStateStore : IStateStore
    {
        public const string Secret = "my back hurts when I sneeze";

        public Task<IReadOnlyDictionary<string, StoredState>> ReadStateAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken)
            => throw new IOException(Secret);

        public Task WriteStateAsync(IReadOnlyList<StateWrite> writes, CancellationToken cancellationToken)
            => throw new IOException(Secret);
    }
}
