using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace EchoBot;

/// <summary>Says hello to a new member and echoes every message (its text, or that a card was submitted).</summary>
public sealed class EchoActivityHandler : ActivityHandler
{
    protected override Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken)
    {
        var text = turnContext.Activity.Text ?? (turnContext.Activity.Value is null ? string.Empty : "(a card was submitted)");
        return turnContext.SendActivityAsync(MessageFactory.Text("Echo: " + text), cancellationToken);
    }

    protected override async Task OnMembersAddedAsync(IList<ChannelAccount> membersAdded, ITurnContext<IConversationUpdateActivity> turnContext, CancellationToken cancellationToken)
    {
        foreach (var member in membersAdded)
        {
            if (member.Id != turnContext.Activity.Recipient?.Id)
            {
                await turnContext.SendActivityAsync(MessageFactory.Text("Hello and welcome!"), cancellationToken);
            }
        }
    }
}
