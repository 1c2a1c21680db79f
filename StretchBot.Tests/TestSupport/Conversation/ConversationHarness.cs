using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using StretchBot.CheckIns;
using StretchBot.Dialogs;
using StretchBot.Dialogs.CheckIns;
using StretchBot.Dialogs.Privacy;
using StretchBot.Dialogs.Progress;
using StretchBot.Dialogs.State;
using StretchBot.Progress;
using StretchBot.Storage;
using StretchBot.Tests.Storage;

namespace StretchBot.Tests.TestSupport;

/// <summary>
/// The whole bot as the host wires it - real dialogs, cards, catalog, SQLite state and SQLite check-in schedule
/// on temporary files - driven through a TestAdapter, with time from a FakeTimeProvider.
/// </summary>
internal sealed class ConversationHarness : IDisposable
{
    // Tuesday 24 November 2026, 14:00 UTC.
    public static readonly DateTimeOffset Start = new(2026, 11, 24, 14, 0, 0, TimeSpan.Zero);

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "stretchbot-tests", Guid.NewGuid().ToString("N"));

    public ConversationHarness(IDictionary<string, string?>? settings = null, string conversationId = "conversation-1", string userId = "user-1", Func<CountingStateStore<SqliteStorage>, IStorage>? wrapStorage = null, Action<IServiceCollection>? configureServices = null)
    {
        Directory.CreateDirectory(_folder);
        var connectionString = $"Data Source={Path.Combine(_folder, "stretchbot.db")}";
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Bot:PublicBaseUrl"] = "https://stretchbot.example",
                ["Storage:ConnectionString"] = connectionString,
            })
            .AddInMemoryCollection(settings ?? new Dictionary<string, string?>())
            .Build();

        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<TimeProvider>(Time);
        Storage = new SqliteStorage(Microsoft.Extensions.Options.Options.Create(new StorageOptions { ConnectionString = connectionString }), Time);
        StorageCalls = new CountingStateStore<SqliteStorage>(Storage);
        var storage = wrapStorage?.Invoke(StorageCalls) ?? StorageCalls;
        services.AddSingleton(storage);
        services.AddSingleton(storage as IStateStore ?? StorageCalls);
        configureServices?.Invoke(services);

        // Progress is kept as the host keeps it: in the same database, and erased by "delete my data".
        services.TryAddSingleton(sp => new ProgressStore(Storage.Database));
        services.TryAddSingleton<IProgressStore>(sp => sp.GetRequiredService<ProgressStore>());
        services.AddSingleton<IPersonalDataEraser>(sp => sp.GetRequiredService<ProgressStore>());
        services.AddStretchBotConversation(configuration);
        services.AddSingleton(sp => new SqliteCheckInStore(connectionString, new CheckInSchedule(new CheckInOptions()), Time));
        services.AddSingleton<ICheckInScheduler>(sp => sp.GetRequiredService<SqliteCheckInStore>());
        services.AddSingleton<IPersonalDataEraser>(sp => sp.GetRequiredService<SqliteCheckInStore>());
        Services = services.BuildServiceProvider();

        var reference = TestAdapter.CreateConversation(conversationId, userId, "stretchbot");
        Adapter = new TestAdapter(reference);
        Adapter.Use(new RecordingMiddleware(Sent, Updates));
        Driver = new ConversationDriver(Adapter, Services.GetRequiredService<IBot>());
    }

    public FakeTimeProvider Time { get; } = new(Start);

    /// <summary>Every activity the bot sent, with the id the channel gave it.</summary>
    public List<IActivity> Sent { get; } = new();

    /// <summary>Every activity the bot updated in place (an answered card), in order.</summary>
    public List<IActivity> Updates { get; } = new();

    public SqliteStorage Storage { get; }

    /// <summary>Every read and write the bot makes to its state storage.</summary>
    public CountingStateStore<SqliteStorage> StorageCalls { get; }

    public ServiceProvider Services { get; }

    public TestAdapter Adapter { get; }

    public ConversationDriver Driver { get; }

    public SqliteCheckInStore CheckIns => Services.GetRequiredService<SqliteCheckInStore>();

    /// <summary>The progress history the conversation records into.</summary>
    public IProgressStore Progress => Services.GetRequiredService<IProgressStore>();

    public string UserKey => $"{Adapter.Conversation.ChannelId}/{Adapter.Conversation.User.Id}";

    public TestFlow Flow() => new(Adapter, Services.GetRequiredService<IBot>());

    /// <summary>The real dispatcher over this harness's schedule and adapter, on the fake clock, with no tenant spacing.</summary>
    public CheckInDispatcher NewDispatcher() => new(
        CheckIns,
        Adapter,
        Services.GetRequiredService<IServiceScopeFactory>(),
        new CheckInSchedule(new CheckInOptions { TenantSpacing = TimeSpan.Zero }),
        Time,
        new ConfigurationBuilder().Build(),
        Microsoft.Extensions.Logging.Abstractions.NullLogger<CheckInDispatcher>.Instance);

    public async Task<UserProfile?> ReadProfileAsync()
    {
        var key = StretchBotUserState.StorageKeyFor(UserKey);
        var items = await Storage.ReadAsync(new[] { key });
        return items.TryGetValue(key, out var state)
            ? Newtonsoft.Json.Linq.JObject.FromObject(state)[nameof(UserProfile)]?.ToObject<UserProfile>()
            : null;
    }

    public void Dispose()
    {
        Services.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
