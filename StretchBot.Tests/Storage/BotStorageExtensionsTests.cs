using Microsoft.Bot.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Moq;
using StretchBot.Storage;

namespace StretchBot.Tests.Storage;

public sealed class BotStorageExtensionsTests : IDisposable
{
    private readonly SqliteTestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task WithoutAConnectionStringStateGoesToTheDataFolderUnderTheContentRoot()
    {
        await using var services = Build(new Dictionary<string, string?>());

        var options = services.GetRequiredService<IOptions<StorageOptions>>().Value;
        var storage = services.GetRequiredService<IStorage>();
        await storage.WriteAsync(new Dictionary<string, object> { ["k"] = new PlanStoreItem { Pain = 3 } });

        Assert.Equal(_database.FilePath, new SqliteConnectionStringBuilder(options.ConnectionString).DataSource);
        Assert.True(File.Exists(_database.FilePath));
    }

    [Fact]
    public async Task ARelativeDataSourceIsResolvedAgainstTheContentRoot()
    {
        await using var services = Build(new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = "Data Source=state/bot.db",
        });

        var options = services.GetRequiredService<IOptions<StorageOptions>>().Value;

        Assert.Equal(
            Path.Combine(_database.Folder, "state", "bot.db"),
            new SqliteConnectionStringBuilder(options.ConnectionString).DataSource);
    }

    [Fact]
    public async Task TheStorageBehindIStorageIsTheSqliteStorageThatDeletesByPrefix()
    {
        await using var services = Build(new Dictionary<string, string?>());

        Assert.IsType<SqliteStorage>(services.GetRequiredService<BotStateStorage>());
        Assert.Same(services.GetRequiredService<BotStateStorage>(), services.GetRequiredService<IStorage>());
    }

    [Fact]
    public async Task WithThePostgreSqlProviderEveryStoreIsPostgreSqls()
    {
        await using var services = Build(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "PostgreSQL",
            ["Storage:ConnectionString"] = "Host=db.example.test;Database=stretchbot;Username=bot",
        });

        Assert.IsType<StretchBot.Storage.Postgres.PostgresStorage>(services.GetRequiredService<IStorage>());
        Assert.IsType<StretchBot.Storage.Postgres.PostgresDatabase>(services.GetRequiredService<IStoreDatabase>());
        Assert.Equal("Host=db.example.test;Database=stretchbot;Username=bot", services.GetRequiredService<IOptions<StorageOptions>>().Value.ConnectionString);
    }

    [Theory]
    [InlineData("PostgreSQL", "")]
    [InlineData("PostgreSQL", "Data Source=data/stretchbot.db")]
    [InlineData("PostgreSQL", "Database=stretchbot")]
    public async Task PostgreSqlWithoutAServerToReachStopsTheHostFromStarting(string provider, string connectionString)
    {
        await using var services = Build(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = provider,
            ["Storage:ConnectionString"] = connectionString,
        });

        var failure = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<StorageOptions>>().Value);
        Assert.Contains("Storage:ConnectionString", failure.Message);
    }

    private ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var environment = new Mock<IHostEnvironment>();
        environment.SetupGet(e => e.ContentRootPath).Returns(_database.Folder);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(environment.Object);
        services.AddBotStorage(configuration);
        return services.BuildServiceProvider();
    }
}
