using Microsoft.Bot.Builder;

namespace StretchBot.Tests.TestSupport;

/// <summary>
/// Counts answers in conversation state. On <see cref="Race"/>, another instance saves this conversation while the
/// turn is running, so this turn's save is stale.
/// </summary>
internal sealed class RacingBot(ConversationState conversationState, IStorage storage) : IBot
{
    public const string Race = "race";
    public const int OtherInstancesAnswers = 100;

    public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        var answers = conversationState.CreateProperty<int>("answers");
        var count = await answers.GetAsync(turnContext, () => 0, cancellationToken);

        if (turnContext.Activity.Text == Race)
        {
            var key = TestActivities.ConversationStateKey(turnContext.Activity.Conversation.Id);
            await storage.WriteAsync(
                new Dictionary<string, object> { [key] = new Dictionary<string, object> { ["answers"] = OtherInstancesAnswers } },
                cancellationToken);
        }

        await answers.SetAsync(turnContext, count + 1, cancellationToken);
        await conversationState.SaveChangesAsync(turnContext, false, cancellationToken);
        await turnContext.SendActivityAsync("saved", cancellationToken: cancellationToken);
    }
}
