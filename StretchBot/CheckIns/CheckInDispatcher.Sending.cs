using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using StretchBot.Dialogs.CheckIns;

namespace StretchBot.CheckIns;

/// <summary>Sending one claimed check-in: its turn, its rate limits, and what a failure leads to.</summary>
public sealed partial class CheckInDispatcher
{
    /// <summary>
    /// The limits one message of this check-in must fit: its conversation's, and its tenant's when it has one (Web Chat
    /// and Direct Line users have none and are never throttled together as if they were one tenant).
    /// </summary>
    private IReadOnlyList<(string Key, IReadOnlyList<RateWindow> Windows)> LimitsFor(ClaimedCheckIn item)
    {
        var reference = item.Reference!;
        var conversation = $"conversation:{reference.ChannelId}/{reference.Conversation?.Id}";
        var tenant = reference.Conversation?.TenantId;
        return string.IsNullOrWhiteSpace(tenant)
            ? [(conversation, _conversationLimits)]
            : [(conversation, _conversationLimits), ("tenant:" + tenant, _tenantLimits)];
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

        var failure = await ContinueWithCheckInAsync(item, item.Reference, abort).ConfigureAwait(false);
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

    /// <summary>Runs the check-in's turn in its conversation; returns what failed, or null once it is delivered.</summary>
    private async Task<Exception?> ContinueWithCheckInAsync(ClaimedCheckIn item, ConversationReference reference, CancellationToken abort)
    {
        var due = new DueCheckIn(item.Id, item.UserId, item.Kind);
        var limits = LimitsFor(item);
        Exception? failure = null;
        try
        {
            await _adapter.ContinueConversationAsync(
                _botAppId,
                reference,
                async (turnContext, turnCancellation) =>
                {
                    try
                    {
                        await DeliverAsync(turnContext, due, limits, turnCancellation).ConfigureAwait(false);
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

        return failure;
    }

    /// <summary>Delivers the check-in in its turn, every message of the turn waiting for room in its limits.</summary>
    private async Task DeliverAsync(ITurnContext turnContext, DueCheckIn due, IReadOnlyList<(string Key, IReadOnlyList<RateWindow> Windows)> limits, CancellationToken cancellationToken)
    {
        StretchBot.Dialogs.Bots.SharedConnectorContracts.Apply(turnContext);
        turnContext.OnSendActivities(async (context, activities, next) =>
        {
            // The time the messages were booked at, not a second reading of the clock, which may have moved on.
            var released = await _limiter.AcquireAsync(limits, activities.Count, cancellationToken).ConfigureAwait(false);
            foreach (var activity in activities)
            {
                activity.Timestamp ??= released; // when the limits let it go (the channel sets its own on arrival)
            }

            return await next().ConfigureAwait(false);
        });

        await using var scope = _scopeFactory.CreateAsyncScope();
        var delivery = scope.ServiceProvider.GetRequiredService<ICheckInDelivery>();
        await delivery.DeliverAsync(turnContext, due, cancellationToken).ConfigureAwait(false);
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
