using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;
using StretchBot.Dialogs.Understanding;
using StretchBot.Dialogs.Understanding.Readers;

namespace StretchBot.Dialogs.Engine.Prompts;

/// <summary>
/// A prompt's pending yes/no question about a reading it was unsure of ("Did you mean about 3 weeks?"), kept in
/// the prompt's state with what each answer means. A yes or no (button or typed) moves on; a fresh answer to the
/// original question replaces it; a hedge on a safety question asks for a clear yes or no.
/// </summary>
internal sealed class PromptConfirmation<T>
{
    public const string ClearAnswerPrefix = "Sorry, I need a clear yes or no.";

    private const string PendingKey = "confirm";
    private const string CardIdKey = "confirmCardId";

    private readonly IDictionary<string, object?> _state;
    private readonly ICardRenderer? _cards;

    public PromptConfirmation(IDictionary<string, object?> state, ICardRenderer? cards)
    {
        _state = state;
        _cards = cards;
    }

    public bool IsPending => _state.ContainsKey(PendingKey);

    public bool IsItsCard(string cardId) => _state.Get<string>(CardIdKey) == cardId;

    /// <summary>Asks the reading's question and keeps the reading until it is answered.</summary>
    public Task AskAsync(ITurnContext turnContext, Reading<T> reading, CancellationToken cancellationToken)
    {
        _state[PendingKey] = JObject.FromObject(reading);
        _state[CardIdKey] = Guid.NewGuid().ToString("N");
        return AskAgainAsync(turnContext, null, cancellationToken);
    }

    /// <summary>Sends the pending question again (after "help", or an unclear answer).</summary>
    public Task AskAgainAsync(ITurnContext turnContext, string? prefix, CancellationToken cancellationToken)
    {
        var question = _state.Get<Reading<T>>(PendingKey)?.Question ?? string.Empty;
        var text = prefix is null ? question : $"{prefix} {question}";
        var choices = new[] { new { value = ConfirmPrompt.YesValue, title = "Yes" }, new { value = ConfirmPrompt.NoValue, title = "No" } };
        var message = _cards is not null
            ? MessageFactory.Attachment(_cards.Render("question", new JObject
            {
                [CardSubmit.CardIdKey] = _state.Get<string>(CardIdKey),
                ["text"] = text,
                ["choices"] = JArray.FromObject(choices),
            }))
            : MessageFactory.Text($"{text}{Environment.NewLine}{Environment.NewLine}1. Yes{Environment.NewLine}2. No");
        return turnContext.SendActivityAsync(message, cancellationToken);
    }

    /// <summary>
    /// What this reply means: the pending reading's yes or no branch, a fresh answer to the original question, or
    /// null when the pending question was asked again.
    /// </summary>
    public async Task<PromptRecognizerResult<T>?> AnswerAsync(ITurnContext turnContext, JObject? submitted, Func<Task<PromptRecognizerResult<T>>> recognizeFresh, CancellationToken cancellationToken)
    {
        var pending = IsPending ? _state.Get<Reading<T>>(PendingKey) : null;
        if (pending is null)
        {
            return await recognizeFresh();
        }

        var answer = AnswerOf(turnContext, submitted, pending);
        var keepsWarningSign = answer == ConfirmationAnswer.Yes && pending.SafeAnswer == true; // a yes to a warning sign is never lost
        if (!keepsWarningSign && (answer == ConfirmationAnswer.SomethingElse || !IsPlain(turnContext, submitted)))
        {
            // "no, 5 weeks", or the original card's own button: a fresh answer to the original question.
            var fresh = await recognizeFresh();
            if (fresh.Succeeded || fresh.Confirmation is not null || submitted is not null)
            {
                Clear();
                return fresh;
            }

            if (answer == ConfirmationAnswer.SomethingElse)
            {
                await AskAgainAsync(turnContext, null, cancellationToken);
                return null;
            }
        }

        if (answer == ConfirmationAnswer.Unclear)
        {
            await AskAgainAsync(turnContext, ClearAnswerPrefix, cancellationToken);
            return null;
        }

        Clear();
        var next = answer == ConfirmationAnswer.Yes ? pending.IfYes : pending.IfNo;
        return PromptRecognizerResult<T>.From(next ?? Reading<T>.NotUnderstood());
    }

    private ConfirmationAnswer AnswerOf(ITurnContext turnContext, JObject? submitted, Reading<T> pending)
    {
        if (submitted is not null)
        {
            var isOurs = IsItsCard(CardSubmit.GetString(submitted, CardSubmit.CardIdKey) ?? string.Empty);
            return CardSubmit.GetString(submitted, CardSubmit.ChoiceKey) switch
            {
                ConfirmPrompt.YesValue when isOurs => ConfirmationAnswer.Yes,
                ConfirmPrompt.NoValue when isOurs => ConfirmationAnswer.No,
                _ => ConfirmationAnswer.SomethingElse,
            };
        }

        return ConfirmationReply.Read(turnContext.Activity.Text, pending.SafeAnswer, pending.About);
    }

    private static bool IsPlain(ITurnContext turnContext, JObject? submitted)
        => submitted is not null || ConfirmationReply.IsPlain(turnContext.Activity.Text);

    private void Clear()
    {
        _state.Remove(PendingKey);
        _state.Remove(CardIdKey);
    }
}
