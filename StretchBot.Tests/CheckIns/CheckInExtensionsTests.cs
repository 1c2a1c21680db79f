using Microsoft.Bot.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using StretchBot.CheckIns;
using StretchBot.Dialogs.CheckIns;
using StretchBot.Dialogs.Privacy;

namespace StretchBot.Tests.CheckIns;

public sealed class CheckInExtensionsTests : IDisposable
{
    private readonly SqliteTestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task ADemoCanSetTheCheckInIntervalToAMinute()
    {
        using var services = Build(new() { ["CheckIn:Interval"] = "00:01:00", ["CheckIn:PollInterval"] = "00:00:05" });

        var schedule = services.GetRequiredService<CheckInSchedule>();
        var start = new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);
        Assert.Equal(start.AddMinutes(1), schedule.DefaultDue(start));
        Assert.Equal(TimeSpan.FromSeconds(5), schedule.Options.PollInterval);
        Assert.Equal(TimeSpan.FromDays(2), schedule.Options.ReminderAfter);

        var scheduler = services.GetRequiredService<ICheckInScheduler>();
        var checkIn = await scheduler.ScheduleAsync("msteams/ana", CheckInHarness.Reference("ana"), schedule.DefaultDue(start), CancellationToken.None);
        Assert.Equal(checkIn, await scheduler.GetPendingAsync("msteams/ana", CancellationToken.None));
        Assert.True(File.Exists(Path.Combine(_database.Folder, "data", "stretchbot.db")));
    }

    [Fact]
    public void OneStoreServesTheSchedulerTheEraserAndTheDispatcher()
    {
        using var services = Build([], extra: s => s.AddSingleton<IPersonalDataEraser, OtherEraser>());

        var store = Assert.IsType<SqliteCheckInStore>(services.GetRequiredService<ICheckInStore>());
        Assert.Same(store, services.GetRequiredService<ICheckInScheduler>());
        var erasers = services.GetServices<IPersonalDataEraser>().ToList();
        Assert.Contains(erasers, e => ReferenceEquals(e, store));
        Assert.Contains(erasers, e => e is OtherEraser);
        Assert.Equal(2, erasers.Count);
        Assert.Same(services.GetRequiredService<CheckInDispatcher>(), Assert.Single(services.GetServices<IHostedService>().OfType<CheckInDispatcher>()));
    }

    [Fact]
    public void WithThePostgreSqlProviderTheScheduleIsInPostgreSql()
    {
        using var services = Build(new() { ["Storage:Provider"] = "PostgreSQL", ["Storage:ConnectionString"] = "Host=db.example.test;Database=stretchbot" });

        Assert.IsType<PostgresCheckInStore>(services.GetRequiredService<ICheckInScheduler>());
    }

    [Fact]
    public void ATimeProviderAlreadyRegisteredIsKept()
    {
        var clock = new FakeTimeProvider();

        using var services = Build([], extra: s => s.AddSingleton<TimeProvider>(clock));

        Assert.Same(clock, services.GetRequiredService<TimeProvider>());
    }

    [Fact]
    public void AnInvalidIntervalStopsTheHostFromStarting()
    {
        using var services = Build(new() { ["CheckIn:Interval"] = "00:00:00" });

        Assert.ThrowsAny<Exception>(() => services.GetRequiredService<CheckInSchedule>());
    }

    [Fact]
    public void ALeaseShorterThanAPassIsRejected()
    {
        using var services = Build(new() { ["CheckIn:Lease"] = "00:00:05", ["CheckIn:TenantSpacing"] = "00:00:01", ["CheckIn:MaxSendsPerTenantPerPass"] = "10" });

        Assert.ThrowsAny<Exception>(() => services.GetRequiredService<CheckInSchedule>());
    }

    private ServiceProvider Build(Dictionary<string, string?> settings, Action<IServiceCollection>? extra = null)
    {
        settings.TryAdd("Storage:ConnectionString", "Data Source=data/stretchbot.db;Pooling=False");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<IHostEnvironment>(new TestEnvironment(_database.Folder));
        extra?.Invoke(services);
        services.AddSingleton<BotAdapter>(sp => new RecordingChannelAdapter(sp.GetRequiredService<TimeProvider>()));
        services.AddCheckIns(configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    private sealed class OtherEraser : IPersonalDataEraser
    {
        public Task EraseAsync(PersonalDataOwner owner, CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private sealed class TestEnvironment(string contentRoot) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = Environments.Development;

        public string ApplicationName { get; set; } = "StretchBot";

        public string ContentRootPath { get; set; } = contentRoot;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
