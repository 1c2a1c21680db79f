using Microsoft.Bot.Builder;
using StretchBot.Dialogs.CheckIns;

namespace StretchBot.CheckIns;

/// <summary>
/// Sends due check-ins (and their single reminder) proactively. Every poll interval it claims due messages
/// from the shared store with a lease, sends them with the adapter's ContinueConversationAsync and the bot's
/// app id, several at once (<see cref="CheckInOptions.MaxConcurrentSends"/>), and completes each; throttled or failed
/// sends are retried with backoff, a removed bot ends the user's schedule. Every outgoing message waits for room in
/// its conversation's and its tenant's rate limits (Teams' published limits by default; users without a tenant are
/// limited per conversation only), and tenants take turns. A full batch is followed by the next pass at once.
/// All time, including the polling delay and the rate limits, comes from <see cref="TimeProvider"/>.
/// </summary>
/// <remarks>
/// Stopping (SIGTERM, a redeploy) never sends a check-in twice: the stopping token only stops claiming and starting
/// sends, while a send already out finishes and is recorded; what was claimed but not started is handed back at once.
/// Only when the host's shutdown timeout runs out is a send still out abandoned; that message alone is sent again after
/// its lease (as after a kill, when only the send in flight at that instant can repeat).
/// </remarks>
public sealed partial class CheckInDispatcher : BackgroundService
{
    private readonly ICheckInStore _store;
    private readonly BotAdapter _adapter;
    private readonly IServiceScopeFactory _scopeFactory;
    private readonly CheckInSchedule _schedule;
    private readonly CheckInOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<CheckInDispatcher> _logger;
    private readonly string _botAppId;

    // Cancelled only when the host's shutdown timeout runs out: the one thing that may cut short a send already out.
    private readonly CancellationTokenSource _abortSends = new();

    // Kept across passes, so that the limits hold between passes too.
    private readonly SendRateLimiter _limiter;
    private readonly IReadOnlyList<RateWindow> _conversationLimits;
    private readonly IReadOnlyList<RateWindow> _tenantLimits;

    // How many messages the last pass claimed: a full batch means more may be due right now.
    private int _lastClaimed;

    public CheckInDispatcher(
        ICheckInStore store,
        BotAdapter adapter,
        IServiceScopeFactory scopeFactory,
        CheckInSchedule schedule,
        TimeProvider timeProvider,
        IConfiguration configuration,
        ILogger<CheckInDispatcher> logger)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _adapter = adapter ?? throw new ArgumentNullException(nameof(adapter));
        _scopeFactory = scopeFactory ?? throw new ArgumentNullException(nameof(scopeFactory));
        _schedule = schedule ?? throw new ArgumentNullException(nameof(schedule));
        _options = schedule.Options;
        _time = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));

        // CloudAdapter turns the app id into the proactive turn's claims; an empty id (local, no auth) is valid.
        _botAppId = configuration["MicrosoftAppId"] ?? string.Empty;
        _limiter = new SendRateLimiter(_time, _options.RateLimitMargin);
        _conversationLimits = RateWindow.ParseList(_options.ConversationRateLimits);
        var tenantLimits = RateWindow.ParseList(_options.TenantRateLimits).ToList();
        if (_options.TenantSpacing > TimeSpan.Zero)
        {
            tenantLimits.Add(new RateWindow(1, _options.TenantSpacing));
        }

        _tenantLimits = tenantLimits;
        DispatcherId = $"{Environment.MachineName}/{Guid.NewGuid():N}";
    }

    /// <summary>This dispatcher's lease owner name: unique per instance.</summary>
    public string DispatcherId { get; }

    /// <summary>
    /// One pass: forgets check-ins closed longer than ClosedRetention ago, claims what is due now, sends it (several at
    /// once, each message within its conversation's and tenant's rate limits), and returns how many messages reached
    /// their users. Cancelling <paramref name="cancellationToken"/> stops the pass from starting further sends (the
    /// claimed rest is released for an immediate retry); a send already out is never cancelled by it.
    /// </summary>
    public async Task<int> DispatchDueAsync(CancellationToken cancellationToken)
    {
        await _store.PurgeClosedAsync(_time.GetUtcNow() - _options.ClosedRetention, cancellationToken).ConfigureAwait(false);
        var claimed = await _store.ClaimDueAsync(
            _time.GetUtcNow(),
            DispatcherId,
            _options.Lease,
            _options.BatchSize,
            _options.MaxSendsPerTenantPerPass,
            cancellationToken).ConfigureAwait(false);
        _lastClaimed = claimed.Count;
        if (claimed.Count == 0)
        {
            return 0;
        }

        _logger.Claimed(claimed.Count);
        _limiter.Prune();
        var delivered = 0;
        var unsent = new System.Collections.Concurrent.ConcurrentQueue<ClaimedCheckIn>(TakeTurnsByTenant(claimed));
        var workers = Enumerable.Range(0, Math.Clamp(_options.MaxConcurrentSends, 1, claimed.Count)).Select(_ => Task.Run(async () =>
        {
            while (!cancellationToken.IsCancellationRequested && unsent.TryDequeue(out var item))
            {
                if (await SendAsync(item).ConfigureAwait(false))
                {
                    Interlocked.Increment(ref delivered);
                }
            }
        }, CancellationToken.None));
        await Task.WhenAll(workers).ConfigureAwait(false);

        if (cancellationToken.IsCancellationRequested)
        {
            await ReleaseUnsentAsync(unsent).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
        }

        return delivered;
    }

    /// <summary>
    /// Stops claiming and starting sends at once, but lets a send already out finish and be recorded, unless the host's
    /// shutdown timeout (<paramref name="cancellationToken"/>) runs out first.
    /// </summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _logger.DispatcherStopping(DispatcherId);
        try
        {
            await base.StopAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            // Back before the pass ended: the shutdown timeout ran out with a send still out, so abandon it.
            if (ExecuteTask is { IsCompleted: false })
            {
                _logger.SendAbandonedAtShutdown(DispatcherId);
                await _abortSends.CancelAsync().ConfigureAwait(false);
            }
        }
    }

    public override void Dispose()
    {
        base.Dispose();
        _abortSends.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.DispatcherEnabled)
        {
            _logger.DispatcherDisabled();
            return;
        }

        _logger.DispatcherStarted(DispatcherId, _options.PollInterval);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await DispatchDueAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The store or the adapter failed as a whole; whatever was claimed is re-sent once its lease ends.
                _logger.PassFailed(ex.GetType().Name);
            }

            if (_lastClaimed >= _options.BatchSize)
            {
                // A full batch: more may be due already, so go on without waiting.
                continue;
            }

            try
            {
                await Task.Delay(_options.PollInterval, _time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Stopping: hands back what was claimed but never started, so the next instance need not wait out the lease.</summary>
    private async Task ReleaseUnsentAsync(IEnumerable<ClaimedCheckIn> unsent)
    {
        foreach (var item in unsent)
        {
            await _store.ReleaseForRetryAsync(item.Id, _time.GetUtcNow(), CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>Orders the claimed messages so that tenants take turns: first of each tenant, then second of each, ...</summary>
    private static IEnumerable<ClaimedCheckIn> TakeTurnsByTenant(IReadOnlyList<ClaimedCheckIn> claimed)
    {
        var queues = claimed
            .GroupBy(c => c.TenantKey, StringComparer.Ordinal)
            .Select(g => new Queue<ClaimedCheckIn>(g))
            .ToList();
        while (queues.Count > 0)
        {
            foreach (var queue in queues)
            {
                yield return queue.Dequeue();
            }

            queues.RemoveAll(q => q.Count == 0);
        }
    }
}
