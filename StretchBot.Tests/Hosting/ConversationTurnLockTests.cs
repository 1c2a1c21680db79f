using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using StretchBot.Hosting;

namespace StretchBot.Tests.Hosting;

public sealed class ConversationTurnLockTests
{
    private readonly ConversationTurnLock _turnLock = new();
    private readonly TestAdapter _adapter = new();

    [Fact]
    public async Task TwoTurnsOfOneConversationRunOneAfterTheOther()
    {
        var releaseFirst = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var order = new List<string>();

        var first = _turnLock.OnTurnAsync(Turn("c1"), async _ =>
        {
            order.Add("first started");
            await releaseFirst.Task;
            order.Add("first finished");
        });
        var second = _turnLock.OnTurnAsync(Turn("c1"), _ =>
        {
            order.Add("second started");
            return Task.CompletedTask;
        });

        Assert.Equal(["first started"], order);
        Assert.False(second.IsCompleted);

        releaseFirst.SetResult();
        await Task.WhenAll(first, second);

        Assert.Equal(["first started", "first finished", "second started"], order);
    }

    [Fact]
    public async Task TurnsOfDifferentConversationsDoNotWaitForEachOther()
    {
        var releaseFirst = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = _turnLock.OnTurnAsync(Turn("c1"), _ => releaseFirst.Task);
        var otherRan = false;

        var other = _turnLock.OnTurnAsync(Turn("c2"), _ =>
        {
            otherRan = true;
            return Task.CompletedTask;
        });

        Assert.True(other.IsCompleted);
        Assert.True(otherRan);
        Assert.False(first.IsCompleted);
        releaseFirst.SetResult();
        await first;
    }

    [Fact]
    public async Task TheSameConversationIdOnAnotherChannelIsAnotherConversation()
    {
        var releaseFirst = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = _turnLock.OnTurnAsync(Turn("c1", "msteams"), _ => releaseFirst.Task);

        var other = _turnLock.OnTurnAsync(Turn("c1", "webchat"), _ => Task.CompletedTask);

        Assert.True(other.IsCompleted);
        releaseFirst.SetResult();
        await first;
    }

    [Fact]
    public async Task AWaitingTurnCanBeCancelledWithoutRunning()
    {
        var releaseFirst = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = _turnLock.OnTurnAsync(Turn("c1"), _ => releaseFirst.Task);
        using var cancel = new CancellationTokenSource();
        var secondRan = false;

        var second = _turnLock.OnTurnAsync(
            Turn("c1"),
            _ =>
            {
                secondRan = true;
                return Task.CompletedTask;
            },
            cancel.Token);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => second);
        releaseFirst.SetResult();
        await first;
        Assert.False(secondRan);
        Assert.Equal(0, _turnLock.ActiveConversationCount);
    }

    [Fact]
    public async Task AFailedTurnLetsTheNextTurnOfItsConversationRun()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(
            () => _turnLock.OnTurnAsync(Turn("c1"), _ => throw new InvalidOperationException("broken turn")));
        var nextRan = false;

        var next = _turnLock.OnTurnAsync(Turn("c1"), _ =>
        {
            nextRan = true;
            return Task.CompletedTask;
        });

        Assert.True(next.IsCompleted);
        Assert.True(nextRan);
        await next;
    }

    [Fact]
    public async Task TheLockTableForgetsConversationsWhoseTurnsHaveEnded()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var turns = Enumerable.Range(0, 5)
            .Select(i => _turnLock.OnTurnAsync(Turn($"c{i % 3}"), _ => release.Task))
            .ToArray();
        Assert.Equal(3, _turnLock.ActiveConversationCount);

        release.SetResult();
        await Task.WhenAll(turns);

        Assert.Equal(0, _turnLock.ActiveConversationCount);
    }

    [Fact]
    public async Task ATurnThatStartsANestedTurnForItsOwnConversationDoesNotWaitForItself()
    {
        var adapter = new TestAdapter();
        adapter.Use(_turnLock);
        var reference = Turn("c1").Activity.GetConversationReference();
        var nestedRan = false;
        Task? nested = null;

        await adapter.ContinueConversationAsync("bot", reference, (outer, outerToken) =>
        {
            nested = adapter.ContinueConversationAsync("bot", reference, (inner, innerToken) =>
            {
                nestedRan = true;
                return Task.CompletedTask;
            }, default);

            // A lock that waited for itself would leave the nested turn pending here for ever.
            Assert.True(nested.IsCompleted);
            return Task.CompletedTask;
        }, default);

        Assert.True(nestedRan);
        await nested!;
    }

    private TurnContext Turn(string conversationId, string channelId = "test") => new(
        _adapter,
        new Activity
        {
            Type = ActivityTypes.Message,
            ChannelId = channelId,
            Conversation = new ConversationAccount { Id = conversationId },
            From = new ChannelAccount { Id = "user" },
            Recipient = new ChannelAccount { Id = "bot" },
            ServiceUrl = "https://test.invalid/",
        });
}
