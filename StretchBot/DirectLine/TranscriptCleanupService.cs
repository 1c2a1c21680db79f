using Microsoft.Extensions.Options;
using StretchBot.Hosting;

namespace StretchBot.DirectLine;

/// <summary>Removes local Direct Line conversations idle for longer than <see cref="DirectLineOptions.TranscriptRetention"/>.</summary>
public sealed class TranscriptCleanupService : PeriodicPassService
{
    private readonly ITranscriptStore _store;
    private readonly IOptions<DirectLineOptions> _options;
    private readonly TimeProvider _time;
    private readonly ILogger<TranscriptCleanupService> _logger;

    public TranscriptCleanupService(ITranscriptStore store, IOptions<DirectLineOptions> options, TimeProvider time, ILogger<TranscriptCleanupService> logger)
        : base(time)
    {
        _store = store;
        _options = options;
        _time = time;
        _logger = logger;
    }

    /// <summary>One cleanup pass; returns how many conversations were removed. Safe to run on several instances at once.</summary>
    public Task<int> RunOnceAsync(CancellationToken cancellationToken)
        => _store.DeleteInactiveSinceAsync(_time.GetUtcNow() - _options.Value.TranscriptRetention, cancellationToken);

    protected override TimeSpan Interval => _options.Value.CleanupInterval;

    protected override async Task RunPassAsync(CancellationToken cancellationToken)
    {
        var removed = await RunOnceAsync(cancellationToken);
        if (removed > 0)
        {
            _logger.ExpiredRemoved(removed);
        }
    }

    protected override void PassFailed(string exceptionType) => _logger.CleanupFailed(exceptionType);
}
