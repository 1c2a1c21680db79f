using System.Collections.Concurrent;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using StretchBot.Dialogs.CheckIns;

namespace StretchBot.Tests.TestSupport;

/// <summary>
/// A channel whose answer the test holds back: a message reaches the channel the moment it is sent (the request is
/// out), but the send only completes when the test releases it. Whether the bot gave up on a send (cancelled it while
/// waiting for the answer) is recorded, as a real HTTP client would abort its request.
/// </summary>
internal sealed class HeldChannelAdapter : BotAdapter
{
    private readonly ConcurrentQueue<DueCheckIn?> _reached = new();
    private readonly SemaphoreSlim _sendsOut = new(0);
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _abandoned;

    /// <summary>Every message that reached the channel, in order (a repeat appears twice).</summary>
    public IReadOnlyList<DueCheckIn?> Reached => _reached.ToArray();

    /// <summary>How many sends the bot cancelled while waiting for the channel's answer.</summary>
    public int Abandoned => Volatile.Read(ref _abandoned);

    /// <summary>Completes when a message has reached the channel and is waiting for its answer.</summary>
    public Task WaitForSendOutAsync() => _sendsOut.WaitAsync(TimeSpan.FromSeconds(30));

    /// <summary>From now on the channel answers every send at once.</summary>
    public void Release() => _release.TrySetResult();

    public override async Task ContinueConversationAsync(string botId, ConversationReference reference, BotCallbackHandler callback, CancellationToken cancellationToken)
    {
        using var context = new TurnContext(this, reference.GetContinuationActivity());
        await RunPipelineAsync(context, callback, cancellationToken);
    }

    public override async Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, Activity[] activities, CancellationToken cancellationToken)
    {
        await Task.Yield();
        foreach (var activity in activities)
        {
            _reached.Enqueue(activity.Value as DueCheckIn);
        }

        _sendsOut.Release();
        try
        {
            await _release.Task.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            Interlocked.Increment(ref _abandoned);
            throw;
        }

        return activities.Select(_ => new ResourceResponse(Guid.NewGuid().ToString("N"))).ToArray();
    }

    public override Task<ResourceResponse> UpdateActivityAsync(ITurnContext turnContext, Activity activity, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public override Task DeleteActivityAsync(ITurnContext turnContext, ConversationReference reference, CancellationToken cancellationToken) =>
        throw new NotSupportedException();
}
