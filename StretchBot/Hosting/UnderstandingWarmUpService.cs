using StretchBot.Dialogs.Understanding;

namespace StretchBot.Hosting;

/// <summary>
/// Loads the typed-answer readers' word lists and Microsoft.Recognizers.Text models in the background as the host
/// starts, so start-up is not held up and the first typed answer is as quick as the rest.
/// </summary>
public sealed partial class UnderstandingWarmUpService : BackgroundService
{
    private readonly AnswerReaders _readers;
    private readonly ILogger<UnderstandingWarmUpService> _logger;

    public UnderstandingWarmUpService(AnswerReaders readers, ILogger<UnderstandingWarmUpService> logger)
    {
        _readers = readers;
        _logger = logger;
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
        => Task.Run(
            () =>
            {
                var started = TimeProvider.System.GetTimestamp();
                _readers.WarmUp();
                LogWarm(_logger, TimeProvider.System.GetElapsedTime(started).TotalMilliseconds);
            },
            stoppingToken);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Typed-answer readers are warm after {Milliseconds:F0} ms.")]
    private static partial void LogWarm(ILogger logger, double milliseconds);
}
