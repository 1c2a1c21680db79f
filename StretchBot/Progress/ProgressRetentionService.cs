using Microsoft.Extensions.Options;
using StretchBot.Dialogs.Progress;
using StretchBot.Hosting;
using StretchBot.Storage;

namespace StretchBot.Progress;

/// <summary>
/// Deletes the progress of users with no new moment for <see cref="StorageOptions.InactiveRetention"/> (as state
/// retention does for state), with their links, and every expired share link; runs every
/// <see cref="StorageOptions.RetentionInterval"/>. Every instance may run it.
/// </summary>
public sealed class ProgressRetentionService : PeriodicPassService
{
    private readonly IProgressStore _store;
    private readonly TimeProvider _time;
    private readonly StorageOptions _options;
    private readonly ILogger<ProgressRetentionService> _logger;

    public ProgressRetentionService(IProgressStore store, TimeProvider time, IOptions<StorageOptions> options, ILogger<ProgressRetentionService> logger)
        : base(time)
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

    protected override TimeSpan Interval => _options.RetentionInterval;

    protected override Task RunPassAsync(CancellationToken cancellationToken) => PurgeAsync(cancellationToken);

    protected override void PassFailed(string exceptionType) => _logger.ProgressRetentionFailed(exceptionType);
}
