using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using StretchBot.CheckIns;
using StretchBot.Dialogs.CheckIns;

namespace StretchBot.Tests.TestSupport;

/// <summary>
/// One bot instance's check-in machinery on a database of its own (a temporary SQLite file unless another
/// <see cref="TestDatabase"/> is given): a fake clock, the store, the dispatcher, a recording channel and a stand-in
/// delivery. More instances on the same database come from NewStore/NewDispatcher.
/// </summary>
internal sealed class CheckInHarness : IDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

    private readonly ServiceProvider _services;
    private readonly IConfiguration _configuration;

    public CheckInHarness(Action<CheckInOptions>? configure = null, TestDatabase? database = null)
    {
        Options = new CheckInOptions();
        configure?.Invoke(Options);
        Schedule = new CheckInSchedule(Options);
        Clock = new SignallingTimeProvider(Start);
        Database = database ?? new SqliteTestDatabase();
        Channel = new RecordingChannelAdapter(Clock);
        _services = new ServiceCollection().AddScoped<ICheckInDelivery, CardDelivery>().BuildServiceProvider();
        _configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["MicrosoftAppId"] = string.Empty })
            .Build();
        Store = NewStore();
        Dispatcher = NewDispatcher(Store);
    }

    public CheckInOptions Options { get; }

    public CheckInSchedule Schedule { get; }

    public SignallingTimeProvider Clock { get; }

    public TestDatabase Database { get; }

    public RecordingChannelAdapter Channel { get; }

    public ICheckInStore Store { get; }

    public CheckInDispatcher Dispatcher { get; }

    /// <summary>Another instance's store on the same database (or this one's after a restart).</summary>
    public ICheckInStore NewStore() => Database.NewCheckInStore(Schedule, Clock);

    public CheckInDispatcher NewDispatcher(ICheckInStore store, BotAdapter? adapter = null) => new(
        store,
        adapter ?? Channel,
        _services.GetRequiredService<IServiceScopeFactory>(),
        Schedule,
        Clock,
        _configuration,
        NullLogger<CheckInDispatcher>.Instance);

    public static ConversationReference Reference(string user, string? tenant = null) => new()
    {
        ChannelId = "msteams",
        ServiceUrl = "https://smba.example.test/emea/",
        Bot = new ChannelAccount("28:stretchbot", "StretchBot"),
        User = new ChannelAccount("29:" + user, user),
        Conversation = new ConversationAccount(id: "a:conversation-" + user, tenantId: tenant ?? "tenant-" + user),
    };

    public static string UserKey(string user) => "msteams/" + user;

    /// <summary>Schedules a check-in for <paramref name="user"/> due <paramref name="dueIn"/> from now (by default in a tenant of their own).</summary>
    public Task<ScheduledCheckIn> ScheduleAsync(string user, TimeSpan dueIn, string? tenant = null) =>
        Store.ScheduleAsync(UserKey(user), Reference(user, tenant), Clock.GetUtcNow() + dueIn, CancellationToken.None);

    /// <summary>A plan given now: the check-in is due one interval later.</summary>
    public Task<ScheduledCheckIn> PlanGivenAsync(string user, string? tenant = null) =>
        Store.ScheduleAsync(UserKey(user), Reference(user, tenant), Schedule.DefaultDue(Clock.GetUtcNow()), CancellationToken.None);

    /// <summary>
    /// Runs one dispatcher pass. Whenever the dispatcher waits on the clock (spacing sends to one tenant), the
    /// clock is moved on by exactly that spacing, so the pass finishes without real waiting.
    /// </summary>
    public Task<int> DispatchAsync() => DispatchAsync(Dispatcher);

    public async Task<int> DispatchAsync(CheckInDispatcher dispatcher)
    {
        var pass = dispatcher.DispatchDueAsync(CancellationToken.None);
        while (!pass.IsCompleted)
        {
            using var stop = new CancellationTokenSource();
            var waiting = Clock.WaitForTimerAsync(stop.Token);
            var first = await Task.WhenAny(pass, waiting);
            if (first == pass)
            {
                await stop.CancelAsync();
                break;
            }

            // The dispatcher waits for room in a rate limit: move the clock on by a window (or the tenant spacing) and
            // the margin the limits keep for the network.
            Clock.Advance((Options.TenantSpacing > TimeSpan.Zero ? Options.TenantSpacing : TimeSpan.FromSeconds(1)) + Options.RateLimitMargin);
        }

        return await pass;
    }

    public void Advance(TimeSpan by) => Clock.Advance(by);

    public void Dispose()
    {
        _services.Dispose();
        Database.Dispose();
    }
}
