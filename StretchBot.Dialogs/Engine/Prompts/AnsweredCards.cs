using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace StretchBot.Dialogs.Engine.Prompts;

/// <summary>
/// A question card stays live only while its question is open: once answered (or asked again, or left), the card is
/// updated in place (UpdateActivity: Teams, and this bot's own Direct Line for the web page) to show the question and
/// what was answered, with no buttons or inputs left. One live card at a time.
/// </summary>
public static class AnsweredCards
{
    public const string TemplateName = "answered";
    public const string AskedAgainNote = "Asked again below.";
    public const string NotAnsweredNote = "Not answered.";
    public const string CheckingNote = "Checking what you meant: see below.";
    public const string ErasedNote = "Deleted with the rest of your data.";
    public const string ReplacedNote = "This question was answered in another message: please use the newest one.";

    private const string SentThisTurnKey = "StretchBot.QuestionCardsSentThisTurn";
    private const string RetiredThisTurnKey = "StretchBot.QuestionCardsRetiredThisTurn";

    /// <summary>Remembers a question card sent in this turn, so a turn whose state is not saved can retire it.</summary>
    public static void Remember(ITurnContext turnContext, string activityId, string question)
    {
        if (turnContext.TurnState.Get<List<(string, string)>>(SentThisTurnKey) is not { } sent)
        {
            sent = new List<(string, string)>();
            turnContext.TurnState.Set(SentThisTurnKey, sent);
        }

        sent.Add((activityId, question));
    }

    /// <summary>The question cards sent in this turn (activity id, question), oldest first.</summary>
    public static IReadOnlyList<(string ActivityId, string Question)> SentThisTurn(ITurnContext turnContext)
        => turnContext.TurnState.Get<List<(string, string)>>(SentThisTurnKey) ?? new List<(string, string)>();

    /// <summary>
    /// Updates the card sent as <paramref name="activityId"/> to its answered form. A channel that cannot update
    /// messages (Azure's Direct Line, say) leaves the card as it was: a later press on it is answered as a stale submit.
    /// </summary>
    public static async Task RetireAsync(ITurnContext turnContext, ICardRenderer cards, string activityId, string question, string? answer, string? note, CancellationToken cancellationToken)
    {
        if (turnContext.TurnState.Get<List<Retired>>(RetiredThisTurnKey) is not { } retired)
        {
            retired = new List<Retired>();
            turnContext.TurnState.Set(RetiredThisTurnKey, retired);
        }

        retired.Add(new Retired(activityId, question, answer, note));
        await UpdateAsync(turnContext, cards, activityId, question, answer, note, cancellationToken);
    }

    /// <summary>
    /// Sends every card retired in this turn again, answers left out: after "delete my data" has erased the web
    /// transcript (the earlier updates with it), the page still shows those cards and must see them closed.
    /// </summary>
    public static async Task RetireAgainWithoutAnswersAsync(ITurnContext turnContext, ICardRenderer cards, CancellationToken cancellationToken)
    {
        foreach (var card in turnContext.TurnState.Get<List<Retired>>(RetiredThisTurnKey)?.ToList() ?? [])
        {
            await UpdateAsync(turnContext, cards, card.ActivityId, card.Question, null, ErasedNote, cancellationToken);
        }
    }

    private static async Task UpdateAsync(ITurnContext turnContext, ICardRenderer cards, string activityId, string question, string? answer, string? note, CancellationToken cancellationToken)
    {
        // The template's own JSON nodes (as a prompt's card data is built), not an object for the serialiser to reflect on.
        var data = new System.Text.Json.Nodes.JsonObject { ["text"] = question, ["answer"] = answer ?? string.Empty, ["note"] = note ?? string.Empty };
        var activity = MessageFactory.Attachment(cards.Render(TemplateName, data));
        activity.Id = activityId;
        activity.Summary = string.IsNullOrEmpty(answer) ? question : $"{question} {answer}";
        try
        {
            await turnContext.UpdateActivityAsync(activity, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Showing the answer is a courtesy: a channel that refuses the update must not fail the user's turn.
        }
    }

    private sealed record Retired(string ActivityId, string Question, string? Answer, string? Note);
}
