using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using StretchBot.Dialogs.Cards;
using StretchBot.Dialogs.Engine;
using StretchBot.Dialogs.State;

namespace StretchBot.Hosting;

/// <summary>
/// Does, while the host is still starting, the one-off work the first turn would otherwise do in front of its user:
/// builds the bot, its adapter and every dialog, parses every card template, and reads and writes each kind of state
/// and an activity once in memory (which builds the JSON serialisers' contracts), then reads one state key that cannot
/// exist (which opens the database). It runs on its own thread beside the host's start-up, stores nothing, and a
/// failure only means the first turn does this work itself.
/// </summary>
public sealed partial class TurnWarmUpService : BackgroundService
{
    private readonly IServiceProvider _services;
    private readonly ILogger<TurnWarmUpService> _logger;

    public TurnWarmUpService(IServiceProvider services, ILogger<TurnWarmUpService> logger)
    {
        _services = services;
        _logger = logger;
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Run(
        async () =>
        {
            var started = TimeProvider.System.GetTimestamp();
            try
            {
                await WarmUpAsync(stoppingToken).ConfigureAwait(false);
                LogWarm(_logger, TimeProvider.System.GetElapsedTime(started).TotalMilliseconds);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogWarmUpFailed(_logger, ex.GetType().Name);
            }
        },
        stoppingToken);

    private async Task WarmUpAsync(CancellationToken cancellationToken)
    {
        _services.GetRequiredService<DialogManager>();
        _services.GetRequiredService<IBot>();
        _services.GetRequiredService<BotAdapter>();

        var cards = _services.GetRequiredService<CardLibrary>();
        foreach (var name in cards.TemplateNames)
        {
            cards.GetTemplate(name);
        }

        foreach (var state in new object[] { new UserProfile(), new ConversationData(), new DialogState() })
        {
            StateJson.ParseProperties($"{{\"{state.GetType().Name}\":{StateJson.Serialize(state)}}}", new Dictionary<string, Type> { [state.GetType().Name] = state.GetType() });
        }

        var activity = JsonConvert.DeserializeObject<Activity>(JsonConvert.SerializeObject(MessageFactory.Text("warm-up")));
        GC.KeepAlive(activity);

        // A key no channel can produce: the read finds nothing and changes nothing.
        await _services.GetRequiredService<IStateStore>().ReadStateAsync(["warm-up/none"], cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "The turn path is warm after {Milliseconds:F0} ms.")]
    private static partial void LogWarm(ILogger logger, double milliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Warming the turn path up failed ({ExceptionType}); the first turn will do that work itself.")]
    private static partial void LogWarmUpFailed(ILogger logger, string exceptionType);
}
