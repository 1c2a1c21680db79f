using Microsoft.Bot.Builder;
using StretchBot.Hosting;

namespace StretchBot.Tests.TestSupport;

/// <summary>Replies with how many conversations the host's turn lock holds while this turn runs.</summary>
internal sealed class LockReportingBot(ConversationTurnLock turnLock) : IBot
{
    public Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default) =>
        turnContext.SendActivityAsync($"locked:{turnLock.ActiveConversationCount}", cancellationToken: cancellationToken);
}
