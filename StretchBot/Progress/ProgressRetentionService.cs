using Microsoft.Extensions.Options;
using StretchBot.Dialogs.Progress;
using StretchBot.Storage;

namespace StretchBot.Progress;

/// <summary>
/// Deletes the progress of users with no new moment for <see cref="StorageOptions.InactiveRetention"/> (as state
/// retention does for state), with their links, and every expired share link; runs every
/// <see cref="StorageOptions.RetentionInterval"/>. Every instance may run it.
/// </summary>
public sealed class ProgressRetentionService : BackgroundService
{
    private readonly IProgressStore _store;
    private readonly TimeProvider _time;
    private readonly StorageOptions _options;
    private readonly ILogger<ProgressRetentionService> _logger;

    public ProgressRetentionService(IProgressStore store, TimeProvider time, IOptions<StorageOptions> options, ILogger<ProgressRetentionService> logger)
    {
        _store = store;
        _time = time;
        _options = options.Value;
        _logger = logger;
    }

    /// <summary>One pass: returns how many users' histories were deleted.</summary>
    public async Task<int> PurgeAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var deleted = await _store.DeleteInactiveAsync(now - _options.InactiveRetention, now, cancellationToken);
        if (deleted > 0)
        {
            _logger.ProgressRetentionDeleted(deleted, _options.InactiveRetention);
        }

        return deleted;
    }

    // A pass at start, then every RetentionInterval on the host's clock; a failed pass is logged (its type only) and retried.
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_options.RetentionInterval, _time);
        do
        {
            try
            {
                await PurgeAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                _logger.ProgressRetentionFailed(ex.GetType().Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
