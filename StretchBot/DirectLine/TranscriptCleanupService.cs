using Microsoft.Extensions.Options;

namespace StretchBot.DirectLine;

/// <summary>Removes local Direct Line conversations idle for longer than <see cref="DirectLineOptions.TranscriptRetention"/>.</summary>
public sealed class TranscriptCleanupService : BackgroundService
{
    private readonly ITranscriptStore _store;
    private readonly IOptions<DirectLineOptions> _options;
    private readonly TimeProvider _time;
    private readonly ILogger<TranscriptCleanupService> _logger;

    public TranscriptCleanupService(ITranscriptStore store, IOptions<DirectLineOptions> options, TimeProvider time, ILogger<TranscriptCleanupService> logger)
    {
        _store = store;
        _options = options;
        _time = time;
        _logger = logger;
    }

    /// <summary>One cleanup pass; returns how many conversations were removed. Safe to run on several instances at once.</summary>
    public Task<int> RunOnceAsync(CancellationToken cancellationToken)
        => _store.DeleteInactiveSinceAsync(_time.GetUtcNow() - _options.Value.TranscriptRetention, cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_options.Value.CleanupInterval, _time);
        do
        {
            try
            {
                var removed = await RunOnceAsync(stoppingToken);
                if (removed > 0)
                {
                    _logger.ExpiredRemoved(removed);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                _logger.CleanupFailed(exception.GetType().Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
