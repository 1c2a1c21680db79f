using Microsoft.Bot.Builder;
using StretchBot.Dialogs.Engine;

namespace StretchBot.Dialogs.Commands;

/// <summary>The help card: what StretchBot does, that it is not a doctor, and the commands as buttons.</summary>
public sealed class HelpCard
{
    private readonly ICardRenderer _cards;

    public HelpCard(ICardRenderer cards)
    {
        _cards = cards;
    }

    public Task SendAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var data = new
        {
            commands = new[]
            {
                new { title = "Back", command = CommandRecognizer.CardValue(BotCommand.ChangeAnswer), description = "Change your previous answer while I ask about your pain." },
                new { title = "Start over", command = CommandRecognizer.CardValue(BotCommand.StartOver), description = "Answer the questions again for a new plan." },
                new { title = "My plan", command = CommandRecognizer.CardValue(BotCommand.MyPlan), description = "Show your current stretches again." },
                new { title = "My progress", command = CommandRecognizer.CardValue(BotCommand.MyProgress), description = "See your pain over the weeks and how each stretch went, and share a summary with your physio." },
                new { title = "Stop check-ins", command = CommandRecognizer.CardValue(BotCommand.StopCheckIns), description = "Cancel the weekly check-in messages." },
                new { title = "Delete my data", command = CommandRecognizer.CardValue(BotCommand.DeleteMyData), description = "Remove everything I have stored about you." },
            },
        };
        return turnContext.SendActivityAsync(MessageFactory.Attachment(_cards.Render("help", data)), cancellationToken);
    }
}
