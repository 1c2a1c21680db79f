using System.Collections.Concurrent;
using System.Net;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Rest;
using StretchBot.Dialogs.CheckIns;

namespace StretchBot.Tests.TestSupport;

/// <summary>
/// A channel stand-in: records what the bot sends (with the fake clock's time), and can answer a send the way
/// the Bot Connector does when it refuses one (an ErrorResponseException carrying the HTTP response).
/// </summary>
internal sealed class RecordingChannelAdapter(TimeProvider clock) : BotAdapter
{
    private readonly ConcurrentQueue<SentMessage> _sent = new();
    private readonly ConcurrentQueue<(HttpStatusCode Status, string? RetryAfter)> _failNext = new();
    private HttpStatusCode? _failAlways;
    private int _attempts;

    public IReadOnlyList<SentMessage> Sent => _sent.ToArray();

    /// <summary>Every send the bot tried, failed or not.</summary>
    public int Attempts => Volatile.Read(ref _attempts);

    public void FailNextSend(HttpStatusCode status, string? retryAfter = null) => _failNext.Enqueue((status, retryAfter));

    public void FailEverySend(HttpStatusCode status) => _failAlways = status;

    public override async Task ContinueConversationAsync(string botId, ConversationReference reference, BotCallbackHandler callback, CancellationToken cancellationToken)
    {
        using var context = new TurnContext(this, reference.GetContinuationActivity());
        await RunPipelineAsync(context, callback, cancellationToken);
    }

    public override async Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, Activity[] activities, CancellationToken cancellationToken)
    {
        // When the send left: the time the dispatcher's rate limits released it, else now (before the network, which lets
        // other work run meanwhile and the test clock move on).
        var at = activities.Select(a => a.Timestamp).FirstOrDefault() ?? clock.GetUtcNow();
        await Task.Yield();
        Interlocked.Increment(ref _attempts);
        if (_failAlways is { } always)
        {
            throw Refusal(always, null);
        }

        if (_failNext.TryDequeue(out var failure))
        {
            throw Refusal(failure.Status, failure.RetryAfter);
        }

        foreach (var activity in activities)
        {
            _sent.Enqueue(new SentMessage(at, activity.Conversation?.Id, activity.Conversation?.TenantId, activity.Text, activity.Value as DueCheckIn));
        }

        return activities.Select(_ => new ResourceResponse(Guid.NewGuid().ToString("N"))).ToArray();
    }

    public override Task<ResourceResponse> UpdateActivityAsync(ITurnContext turnContext, Activity activity, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public override Task DeleteActivityAsync(ITurnContext turnContext, ConversationReference reference, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    private static ErrorResponseException Refusal(HttpStatusCode status, string? retryAfter)
    {
        using var response = new HttpResponseMessage(status);
        if (retryAfter is not null)
        {
            response.Headers.TryAddWithoutValidation("Retry-After", retryAfter);
        }

        return new ErrorResponseException($"Operation returned an invalid status code '{status}'")
        {
            Response = new HttpResponseMessageWrapper(response, string.Empty),
            Body = new ErrorResponse(new Error(status.ToString(), "refused")),
        };
    }
}
