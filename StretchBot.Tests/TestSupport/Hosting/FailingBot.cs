using Microsoft.Bot.Builder;

namespace StretchBot.Tests.TestSupport;

/// <summary>
/// Saves some dialog progress every turn; then answers "saved" to <see cref="SaveOnly"/> and throws on anything
/// else, with an exception message that quotes the user (as a parse error might).
/// </summary>
internal sealed class FailingBot(ConversationState conversationState) : IBot
{
    public const string SaveOnly = "remember where we are";

    public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        var step = conversationState.CreateProperty<string>("step");
        await step.SetAsync(turnContext, "pain-score", cancellationToken);
        await conversationState.SaveChangesAsync(turnContext, false, cancellationToken);

        if (turnContext.Activity.Text == SaveOnly)
        {
            await turnContext.SendActivityAsync("saved", cancellationToken: cancellationToken);
            return;
        }

        throw new InvalidOperationException($"Could not read a pain score from '{turnContext.Activity.Text}'.");
    }
}
