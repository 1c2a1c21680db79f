using StretchBot.Dialogs.Understanding;

namespace StretchBot.Hosting;

/// <summary>
/// Builds the dialogs (with the stretch catalog) and loads the typed-answer readers' word lists and
/// Microsoft.Recognizers.Text models in the background as the host starts, so start-up and the first welcome are not
/// held up and the first answer is as quick as the rest (a turn that comes sooner builds what it needs itself).
/// </summary>
public sealed partial class UnderstandingWarmUpService : BackgroundService
{
    /// <summary>
    /// How long after the host has started the warm-up waits, so that it does not compete with the first turns for the
    /// CPU (a welcome needs no reader; a typed answer cannot come that soon, and would load what it needs itself).
    /// </summary>
    public static readonly TimeSpan StartDelay = TimeSpan.FromSeconds(1);

    private readonly IServiceProvider _services;
    private readonly IHostApplicationLifetime _lifetime;
    private readonly TimeProvider _time;
    private readonly ILogger<UnderstandingWarmUpService> _logger;

    /// <remarks>
    /// The readers are fetched when the warm-up runs, not when the host makes its services: they need the stretch catalog,
    /// which the turn warm-up builds beside the host's start (<see cref="TurnWarmUp"/>).
    /// </remarks>
    public UnderstandingWarmUpService(IServiceProvider services, IHostApplicationLifetime lifetime, TimeProvider time, ILogger<UnderstandingWarmUpService> logger)
    {
        _services = services;
        _lifetime = lifetime;
        _time = time;
        _logger = logger;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await WhenStartedAsync(stoppingToken);
            await Task.Delay(StartDelay, _time, stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        await Task.Run(
            () =>
            {
                var started = TimeProvider.System.GetTimestamp();
                // The dialogs (and the stretch catalog they read) first: the first answer to the welcome needs them.
                _ = _services.GetRequiredService<Lazy<Dialogs.Engine.DialogManager>>().Value;
                _services.GetRequiredService<AnswerReaders>().WarmUp();
                LogWarm(_logger, TimeProvider.System.GetElapsedTime(started).TotalMilliseconds);
            },
            stoppingToken);
    }

    private Task WhenStartedAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        return started.Task.WaitAsync(stoppingToken);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Typed-answer readers are warm after {Milliseconds:F0} ms.")]
    private static partial void LogWarm(ILogger logger, double milliseconds);
}
