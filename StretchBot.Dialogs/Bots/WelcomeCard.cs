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

    /// <summary>Sends the welcome; returns the id the channel gave it (null if none), to close the card later.</summary>
    public async Task<string?> SendAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var sent = await turnContext.SendActivityAsync(MessageFactory.Attachment(Render(open: true, answered: string.Empty)), cancellationToken);
        return sent?.Id is { Length: > 0 } id ? id : null;
    }

    /// <summary>
    /// Once the conversation is under way the welcome's buttons are removed (updated in place), showing "Let's begin"
    /// as answered when that is what was pressed. A channel that cannot update leaves the card as it was.
    /// </summary>
    public async Task CloseAsync(ITurnContext turnContext, string activityId, bool begun, CancellationToken cancellationToken)
    {
        var closed = MessageFactory.Attachment(Render(open: false, answered: begun ? "Let's begin" : string.Empty));
        closed.Id = activityId;
        try
        {
            await turnContext.UpdateActivityAsync(closed, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Cosmetic: a channel that refuses updates keeps the card, and its button is then answered as stale.
        }
    }

    private Microsoft.Bot.Schema.Attachment Render(bool open, string answered) => _cards.Render("welcome", Data(CardId, Title, Text, open, answered));

    /// <summary>
    /// The welcome template's data, as its own JSON nodes: the first turn after a start then needs no reflection-based
    /// serialiser (whose first use costs a new process tens of milliseconds of compiling).
    /// </summary>
    public static System.Text.Json.Nodes.JsonObject Data(string cardId, string title, string text, bool open, string answered)
        => new() { ["cardId"] = cardId, ["title"] = title, ["text"] = text, ["open"] = open, ["answered"] = answered };
}
