using Microsoft.Extensions.Options;
using StretchBot.Hosting;

namespace StretchBot.Storage;

/// <summary>
/// Deletes the state of users and conversations that have not been touched for <see cref="StorageOptions.InactiveRetention"/>,
/// so health data is not kept for people who never came back (a web visitor who lost their page's resume link, say).
/// Time comes from <see cref="TimeProvider"/>; every instance may run it (deleting the same rows twice is harmless).
/// </summary>
public sealed class StateRetentionService : PeriodicPassService
{
    private readonly BotStateStorage _storage;
    private readonly TimeProvider _time;
    private readonly StorageOptions _options;
    private readonly ILogger<StateRetentionService> _logger;

    public StateRetentionService(BotStateStorage storage, TimeProvider time, IOptions<StorageOptions> options, ILogger<StateRetentionService> logger)
        : base(time)
    {
        _storage = storage;
        _time = time;
        _options = options.Value;
        _logger = logger;
    }

    /// <summary>One pass: returns how many items were deleted.</summary>
    public async Task<int> PurgeAsync(CancellationToken cancellationToken)
    {
        var deleted = await _storage.DeleteNotUpdatedSinceAsync(_time.GetUtcNow() - _options.InactiveRetention, cancellationToken);
        if (deleted > 0)
        {
            _logger.RetentionDeleted(deleted, _options.InactiveRetention);
        }

        return deleted;
    }

    protected override TimeSpan Interval => _options.RetentionInterval;

    protected override Task RunPassAsync(CancellationToken cancellationToken) => PurgeAsync(cancellationToken);

    protected override void PassFailed(string exceptionType) => _logger.RetentionFailed(exceptionType);
}
