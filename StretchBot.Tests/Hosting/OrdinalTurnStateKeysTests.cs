using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using StretchBot.Hosting;

namespace StretchBot.Tests.Hosting;

/// <summary>A turn's state after its keys are switched to ordinal matching: the same entries, found the same ways.</summary>
public sealed class OrdinalTurnStateKeysTests
{
    [Fact]
    public async Task TheTurnKeepsEveryEntryAndFindsThemIgnoringCase()
    {
        var adapter = new TestAdapterStub();
        using var turn = new TurnContext(adapter, new Activity(ActivityTypes.Message) { Text = "hi" });
        var client = new object();
        turn.TurnState.Add("Microsoft.Bot.Connector.IConnectorClient", client);
        turn.TurnState.Add("ConversationState", "cached");
        object? seen = null;

        await new OrdinalTurnStateKeys().OnTurnAsync(turn, _ =>
        {
            seen = turn.TurnState.Get<object>("microsoft.bot.connector.iconnectorclient");
            turn.TurnState["conversationstate"] = "saved";
            return Task.CompletedTask;
        });

        Assert.Same(StringComparer.OrdinalIgnoreCase, turn.TurnState.Comparer);
        Assert.Same(client, seen);
        Assert.Equal("saved", turn.TurnState["ConversationState"]);
        Assert.Equal(2, turn.TurnState.Count);
    }

    private sealed class TestAdapterStub : BotAdapter
    {
        public override Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, Activity[] activities, CancellationToken cancellationToken)
            => Task.FromResult(Array.Empty<ResourceResponse>());

        public override Task<ResourceResponse> UpdateActivityAsync(ITurnContext turnContext, Activity activity, CancellationToken cancellationToken)
            => Task.FromResult(new ResourceResponse());

        public override Task DeleteActivityAsync(ITurnContext turnContext, ConversationReference reference, CancellationToken cancellationToken)
            => Task.CompletedTask;
    }
}
