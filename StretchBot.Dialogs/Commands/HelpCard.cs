using Microsoft.Bot.Builder;
using StretchBot.Dialogs.Engine;

namespace StretchBot.Dialogs.Commands;

/// <summary>The help card: what StretchBot does, that it is not a doctor, the commands as buttons and the typed-only ones.</summary>
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
                new { title = "Stop check-ins", command = CommandRecognizer.CardValue(BotCommand.StopCheckIns), description = "Cancel the weekly check-in messages." },
                new { title = "Delete my data", command = CommandRecognizer.CardValue(BotCommand.DeleteMyData), description = "Remove everything I have stored about you." },
            },

            // Typed only: a card shows at most five buttons.
            more = new[]
            {
                new { title = "My progress", description = "See your pain over the weeks and how each stretch went." },
                new { title = "Share with my physio", description = "Get a link to a printable summary for your physio or doctor." },
                new { title = "Stop sharing", description = "Turn off any summary link you shared." },
            },
        };
        return turnContext.SendActivityAsync(MessageFactory.Attachment(_cards.Render("help", data)), cancellationToken);
    }
}
