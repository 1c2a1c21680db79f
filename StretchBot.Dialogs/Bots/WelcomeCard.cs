using Microsoft.Bot.Builder;
using StretchBot.Dialogs.Engine;

namespace StretchBot.Dialogs.Bots;

/// <summary>The welcome: the bot's name, that it gives general information and is not a doctor, and a button to begin.</summary>
public sealed class WelcomeCard
{
    /// <summary>The welcome's card id: its button is a stale submit once a question is open.</summary>
    public const string CardId = "welcome";

    public const string Title = "Hi, I'm StretchBot";

    public const string Text =
        "I suggest gentle stretches for back pain and check in a week later to see how they went. " +
        "I give general information only: I'm not a doctor and I can't examine you. " +
        "If your pain is severe, sudden or worrying, please contact a doctor.";

    private readonly ICardRenderer _cards;

    public WelcomeCard(ICardRenderer cards)
    {
        _cards = cards;
    }

    public Task SendAsync(ITurnContext turnContext, CancellationToken cancellationToken)
        => turnContext.SendActivityAsync(
            MessageFactory.Attachment(_cards.Render("welcome", new { cardId = CardId, title = Title, text = Text })),
            cancellationToken);
}
