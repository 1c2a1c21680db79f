using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace StretchBot.Dialogs.Bots;

/// <summary>Placeholder bot: welcomes new members. Replaced by the dialog-driven bot.</summary>
public sealed class StretchBotActivityHandler : ActivityHandler
{
    public const string WelcomeText =
        "Hi, I'm StretchBot. I give general information about gentle stretches for back pain. I'm not a doctor.";

    protected override async Task OnMembersAddedAsync(IList<ChannelAccount> membersAdded, ITurnContext<IConversationUpdateActivity> turnContext, CancellationToken cancellationToken)
    {
        foreach (var member in membersAdded)
        {
            if (member.Id != turnContext.Activity.Recipient?.Id)
            {
                await turnContext.SendActivityAsync(MessageFactory.Text(WelcomeText), cancellationToken);
            }
        }
    }

    protected override Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken)
        => turnContext.SendActivityAsync(MessageFactory.Text(WelcomeText), cancellationToken);
}
