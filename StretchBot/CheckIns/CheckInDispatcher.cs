using Microsoft.Bot.Builder;
using StretchBot.Dialogs.CheckIns;

namespace StretchBot.CheckIns;

/// <summary>
/// Sends due check-ins (and their single reminder) proactively. Every poll interval it claims due messages
/// from the shared store with a lease, sends each with the adapter's ContinueConversationAsync and the bot's
/// app id, and completes it; throttled or failed sends are retried with backoff, a removed bot ends the
/// user's schedule. Sends into one tenant are spaced out and tenants take turns, so there is never a burst.
/// All time, including the polling delay, comes from <see cref="TimeProvider"/>.
/// </summary>
/// <remarks>
/// Stopping (SIGTERM, a redeploy) never sends a check-in twice: the stopping token only stops claiming and starting
/// sends, while a send already out finishes and is recorded; what was claimed but not started is handed back at once.
/// Only when the host's shutdown timeout runs out is a send still out abandoned; that message alone is sent again after
/// its lease (as after a kill, when only the send in flight at that instant can repeat).
/// </remarks>
public sealed class CheckInDispatcher : BackgroundService
{
    private readonly SqliteCheckInStore _store;
    private readonly BotAdapter _adapter;
    private readonly IServiceScopeFactory _scopeFactory;
    private readonly CheckInSchedule _schedule;
    private readonly CheckInOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<CheckInDispatcher> _logger;
    private readonly string _botAppId;

    // Cancelled only when the host's shutdown timeout runs out: the one thing that may cut short a send already out.
    private readonly CancellationTokenSource _abortSends = new();

    // When this instance last sent into each tenant, kept across passes so that spacing holds between passes too.
    private readonly Dictionary<string, DateTimeOffset> _lastSendByTenant = new(StringComparer.Ordinal);

    public CheckInDispatcher(
        SqliteCheckInStore store,
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
        DispatcherId = $"{Environment.MachineName}/{Guid.NewGuid():N}";
    }

    /// <summary>This dispatcher's lease owner name: unique per instance.</summary>
    public string DispatcherId { get; }

    /// <summary>
    /// One pass: forgets check-ins closed longer than ClosedRetention ago, claims what is due now, sends it, and
    /// returns how many messages reached their users.
    /// Waits (on the TimeProvider) between two sends into the same tenant. Cancelling <paramref name="cancellationToken"/>
    /// stops the pass from starting further sends (the claimed rest is released for an immediate retry); a send already
    /// out is never cancelled by it.
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
        if (claimed.Count == 0)
        {
            return 0;
        }

        _logger.Claimed(claimed.Count);
        ForgetTenantsSentLongAgo();
        var delivered = 0;
        var unsent = new Queue<ClaimedCheckIn>(TakeTurnsByTenant(claimed));
        try
        {
            while (unsent.TryPeek(out var item))
            {
                await WaitForTenantTurnAsync(item.TenantKey, cancellationToken).ConfigureAwait(false);
                cancellationToken.ThrowIfCancellationRequested();
                unsent.Dequeue();
                if (await SendAsync(item).ConfigureAwait(false))
                {
                    delivered++;
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await ReleaseUnsentAsync(unsent).ConfigureAwait(false);
            throw;
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

    /// <summary>Waits until this instance's last send into the tenant is at least TenantSpacing ago, then books the next slot.</summary>
    private async Task WaitForTenantTurnAsync(string tenantKey, CancellationToken cancellationToken)
    {
        while (true)
        {
            TimeSpan wait;
            lock (_lastSendByTenant)
            {
                var now = _time.GetUtcNow();
                wait = _lastSendByTenant.TryGetValue(tenantKey, out var last)
                    ? last + _options.TenantSpacing - now
                    : TimeSpan.Zero;
                if (wait <= TimeSpan.Zero)
                {
                    _lastSendByTenant[tenantKey] = now;
                    return;
                }
            }

            await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    private void ForgetTenantsSentLongAgo()
    {
        lock (_lastSendByTenant)
        {
            var now = _time.GetUtcNow();
            foreach (var tenant in _lastSendByTenant.Where(p => p.Value + _options.TenantSpacing <= now).Select(p => p.Key).ToList())
            {
                _lastSendByTenant.Remove(tenant);
            }
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

    /// <summary>Sends one claimed message and records the outcome; only the shutdown timeout can cut it short.</summary>
    private async Task<bool> SendAsync(ClaimedCheckIn item)
    {
        var abort = _abortSends.Token;
        if (item.Reference is null)
        {
            _logger.UnreadableReference(item.Id);
            await _store.GiveUpAsync(item.Id, CancellationToken.None).ConfigureAwait(false);
            return false;
        }

        var due = new DueCheckIn(item.Id, item.UserId, item.Kind);
        Exception? failure = null;
        try
        {
            await _adapter.ContinueConversationAsync(
                _botAppId,
                item.Reference,
                async (turnContext, turnCancellation) =>
                {
                    try
                    {
                        await using var scope = _scopeFactory.CreateAsyncScope();
                        var delivery = scope.ServiceProvider.GetRequiredService<ICheckInDelivery>();
                        await delivery.DeliverAsync(turnContext, due, turnCancellation).ConfigureAwait(false);
                    }
                    catch (Exception ex)
                    {
                        // Not rethrown: the adapter's OnTurnError would apologise to the user and wipe their
                        // conversation state over what is often only throttling. The dispatcher decides instead.
                        failure = ex;
                    }
                },
                abort).ConfigureAwait(false);
        }
        catch (Exception ex) when (!abort.IsCancellationRequested)
        {
            // Failures outside the turn itself (for example getting a token for the connector).
            failure ??= ex;
        }

        if (failure is null)
        {
            // Recorded even if shutdown has begun: the message went out, and must not go out twice.
            await _store.CompleteSendAsync(item.Id, item.Kind, CancellationToken.None).ConfigureAwait(false);
            _logger.Sent(item.Kind, item.Id, item.Attempt);
            return true;
        }

        // Abandoned at the shutdown timeout: the channel may or may not have it, so the lease runs out and it is tried again.
        abort.ThrowIfCancellationRequested();
        await HandleFailureAsync(item, failure, CancellationToken.None).ConfigureAwait(false);
        return false;
    }

    private async Task HandleFailureAsync(ClaimedCheckIn item, Exception exception, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var failure = ChannelFailure.From(exception, now);
        switch (CheckInSchedule.ActionFor(failure.StatusCode))
        {
            case SendFailureAction.EndSchedule:
                await _store.EndScheduleAsync(item.UserId, cancellationToken).ConfigureAwait(false);
                _logger.ScheduleEnded(item.Id, failure.StatusCode);
                break;

            case SendFailureAction.Retry when _schedule.MayRetry(item.Attempt):
                var delay = _schedule.RetryDelay(item.Attempt, Random.Shared.NextDouble(), failure.RetryAfter);
                await _store.ReleaseForRetryAsync(item.Id, now + delay, cancellationToken).ConfigureAwait(false);
                _logger.WillRetry(item.Kind, item.Id, item.Attempt, failure.StatusCode, failure.ExceptionType, delay);
                break;

            default:
                await _store.GiveUpAsync(item.Id, cancellationToken).ConfigureAwait(false);
                _logger.GaveUp(item.Kind, item.Id, item.Attempt, failure.StatusCode, failure.ExceptionType);
                break;
        }
    }
}
