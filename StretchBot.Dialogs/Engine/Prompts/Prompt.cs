using System.Text.Json.Nodes;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;
using StretchBot.Dialogs.Cards;
using StretchBot.Dialogs.Engine.Recognition;

namespace StretchBot.Dialogs.Engine.Prompts;

/// <summary>
/// Base of every prompt: asks a question (as a card when a template is given), recognizes the reply, confirms a
/// reading it is unsure of with one yes/no question, runs the validator, re-asks on a miss, offers a way out after
/// <see cref="PromptOptions.MaxAttempts"/> misses, and recognises a submit from an older card (a clear reply, the
/// current question brought back; the prompt's state untouched). As in Microsoft.Bot.Builder.Dialogs, the validator
/// always runs, and the retry is sent only when the validator did not reply itself. Its card is the one live card:
/// answered, asked again or left, it is updated in place to show the question and the answer and to take no more
/// input (<see cref="AnsweredCards"/>).
/// </summary>
public abstract class Prompt<T> : Dialog
{
    public const int DefaultMaxAttempts = 3;

    public const string StaleCardMessage =
        "That button belongs to an earlier question, so I've left your answers as they were. Here's the current question again:";

    public const string WayOutMessage =
        "I'm having trouble understanding that answer. You can use the buttons, type help to see what I can do, or type start over to begin again.";

    private const string OptionsKey = "options";
    private const string AttemptsKey = "attempts";
    private const string CardActivityKey = "cardActivityId";
    private const string SentCardKey = "StretchBot.PromptCardActivityId";

    private readonly PromptValidator<T>? _validator;

    protected Prompt(string dialogId, PromptValidator<T>? validator, ICardRenderer? cards)
        : base(dialogId)
    {
        _validator = validator;
        Cards = cards;
    }

    protected ICardRenderer? Cards { get; }

    /// <summary>The card template used when the options do not name one (null: text only).</summary>
    protected virtual string? DefaultCardTemplate => null;

    public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options, CancellationToken cancellationToken)
    {
        var promptOptions = StateValues.Convert<PromptOptions>(options)
            ?? throw new ArgumentException("A prompt needs PromptOptions.", nameof(options));
        promptOptions.CardId ??= Guid.NewGuid().ToString("N");

        var state = dc.ActiveDialog!.State;
        state[OptionsKey] = promptOptions;
        state[AttemptsKey] = 0L;

        await AskAsync(dc.Context, state, promptOptions, () => OnPromptAsync(dc.Context, promptOptions, isRetry: false, cancellationToken), cancellationToken);
        return EndOfTurn;
    }

    public override async Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        var activity = dc.Context.Activity;
        if (activity.Type != ActivityTypes.Message)
        {
            return EndOfTurn;
        }

        var state = dc.ActiveDialog!.State;
        var options = state.Get<PromptOptions>(OptionsKey) ?? new PromptOptions();
        var submitted = CardSubmit.GetValues(activity);
        var submittedCardId = CardSubmit.GetString(submitted, CardSubmit.CardIdKey);
        var confirmation = new PromptConfirmation<T>(state, Cards);
        if (submittedCardId is not null && submittedCardId != options.CardId && !confirmation.IsItsCard(submittedCardId))
        {
            // A card from an earlier question (a reply that was lost, a lost race, an old card scrolled back to): bring
            // the current question back, as the one live card.
            await dc.Context.SendActivityAsync(MessageFactory.Text(StaleCardMessage), cancellationToken);
            await RepromptDialogAsync(dc.Context, dc.ActiveDialog!, cancellationToken);
            return EndOfTurn;
        }

        var recognized = await confirmation.AnswerAsync(dc.Context, submitted, () => OnRecognizeAsync(dc.Context, options, submitted, cancellationToken), cancellationToken);
        if (recognized is null)
        {
            return EndOfTurn; // the confirming question was asked again
        }

        return await HandleAsync(dc, options, recognized, confirmation, cancellationToken);
    }

    public override Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, DialogReason reason, object? result, CancellationToken cancellationToken)
        => RepromptThenWaitAsync(dc, cancellationToken);

    public override Task RepromptDialogAsync(ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken)
    {
        var confirmation = new PromptConfirmation<T>(instance.State, Cards);
        if (confirmation.IsPending)
        {
            return confirmation.AskAgainAsync(turnContext, null, cancellationToken);
        }

        var options = instance.State.Get<PromptOptions>(OptionsKey) ?? new PromptOptions();
        return AskAsync(turnContext, instance.State, options, () => OnPromptAsync(turnContext, options, isRetry: false, cancellationToken), cancellationToken);
    }

    /// <summary>Left unanswered ("start over", "delete my data", "go back"): the card stops taking input.</summary>
    public override Task EndDialogAsync(ITurnContext turnContext, DialogInstance instance, DialogReason reason, CancellationToken cancellationToken)
    {
        var options = instance.State.Get<PromptOptions>(OptionsKey) ?? new PromptOptions();
        return reason == DialogReason.CancelCalled
            ? RetireCardAsync(turnContext, instance.State, options, null, AnsweredCards.NotAnsweredNote, cancellationToken)
            : Task.CompletedTask;
    }

    /// <summary>True when the active prompt can read the current message as an answer (used before taking it for a command).</summary>
    public override async Task<bool> CanReadReplyAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        var state = dc.ActiveDialog!.State;
        if (new PromptConfirmation<T>(state, Cards).IsPending && Understanding.Readers.YesNo.Read(dc.Context.Activity.Text).Answer != Understanding.Readers.YesNoAnswer.Neither)
        {
            return true;
        }

        var options = state.Get<PromptOptions>(OptionsKey) ?? new PromptOptions();
        var recognized = await OnRecognizeAsync(dc.Context, options, CardSubmit.GetValues(dc.Context.Activity), cancellationToken);
        return recognized.Succeeded || recognized.Confirmation is not null;
    }

    /// <summary>Sends the question: a card when a template applies, otherwise text.</summary>
    protected virtual async Task OnPromptAsync(ITurnContext turnContext, PromptOptions options, bool isRetry, CancellationToken cancellationToken)
        => await SendQuestionAsync(turnContext, options, isRetry ? options.RetryPrompt : null, cancellationToken);

    /// <summary>Makes sense of the reply: <paramref name="submitted"/> holds a card's values, if any.</summary>
    protected abstract Task<PromptRecognizerResult<T>> OnRecognizeAsync(ITurnContext turnContext, PromptOptions options, JObject? submitted, CancellationToken cancellationToken);

    /// <summary>The data a card template receives: the options' own data plus cardId, text and choices.</summary>
    protected virtual JsonObject BuildCardData(PromptOptions options, string? text)
    {
        // Built as the template's own JSON nodes: the options' card data copied node by node, then the prompt's part.
        var data = options.CardData is null ? new JsonObject() : CardJson.ObjectToNode(options.CardData);
        data[CardSubmit.CardIdKey] = options.CardId;
        data["text"] = text ?? string.Empty;
        var choices = new JsonArray();
        foreach (var choice in options.Choices ?? [])
        {
            choices.Add(new JsonObject { ["value"] = choice.Value, ["title"] = choice.Title });
        }

        data["choices"] = choices;
        return data;
    }

    /// <summary>
    /// The answer in words for the answered card ("6 to 12 weeks", "Yes, I can"). By default the typed words, or
    /// "Answered" for a card's own values.
    /// </summary>
    protected virtual string DescribeAnswer(ITurnContext turnContext, PromptOptions options, T value)
        => turnContext.Activity.Text?.Trim() is { Length: > 0 } typed ? typed : "Answered";

    /// <summary>The title of the option with this value, if the prompt has one.</summary>
    protected static string? TitleOf(PromptOptions options, string? value)
        => options.Choices?.FirstOrDefault(c => c.Value == value)?.Title;

    /// <summary>What typed-answer readers know about this turn: the question, and the user's language and time zone.</summary>
    protected static TypedReplyContext ReplyContext(ITurnContext turnContext, PromptOptions options)
        => new(options, turnContext.Activity.Locale, DateTimeRecognition.ResolveUserZone(turnContext.Activity.LocalTimezone, turnContext.Activity.LocalTimestamp));

    // The question again, with the retry text (or the reader's own explanation) in place of the question's text.
    private async Task SendQuestionAsync(ITurnContext turnContext, PromptOptions options, string? retryText, CancellationToken cancellationToken)
    {
        var text = !string.IsNullOrWhiteSpace(retryText) ? retryText : options.Prompt;
        var template = options.CardTemplate ?? DefaultCardTemplate;
        var message = template is not null && Cards is not null
            ? MessageFactory.Attachment(Cards.Render(template, BuildCardData(options, text)))
            : MessageFactory.Text(AppendChoices(text, options.Choices));
        var sent = await turnContext.SendActivityAsync(message, cancellationToken);
        if (message.Attachments?.Count > 0 && sent?.Id is { Length: > 0 } id)
        {
            turnContext.TurnState.Set(SentCardKey, id);
        }
    }

    /// <summary>Asks (or asks again): the card sent before becomes inert, the new one is remembered as the live card.</summary>
    private async Task AskAsync(ITurnContext turnContext, IDictionary<string, object?> state, PromptOptions options, Func<Task> send, CancellationToken cancellationToken)
    {
        await RetireCardAsync(turnContext, state, options, null, AnsweredCards.AskedAgainNote, cancellationToken);
        turnContext.TurnState.Remove(SentCardKey);
        await send();
        if (turnContext.TurnState.Get<string>(SentCardKey) is { } id)
        {
            state[CardActivityKey] = id;
            AnsweredCards.Remember(turnContext, id, options.Prompt ?? string.Empty);
        }
        else
        {
            state.Remove(CardActivityKey);
        }
    }

    private Task RetireCardAsync(ITurnContext turnContext, IDictionary<string, object?> state, PromptOptions options, string? answer, string? note, CancellationToken cancellationToken)
        => Cards is not null && state.TryGetValue(CardActivityKey, out var id) && id?.ToString() is { Length: > 0 } activityId
            ? AnsweredCards.RetireAsync(turnContext, Cards, activityId, options.Prompt ?? string.Empty, answer, note, cancellationToken)
            : Task.CompletedTask;

    private async Task<DialogTurnResult> HandleAsync(DialogContext dc, PromptOptions options, PromptRecognizerResult<T> recognized, PromptConfirmation<T> confirmation, CancellationToken cancellationToken)
    {
        if (recognized.Confirmation is { } reading)
        {
            // One live card at a time: the question's card waits (inert) while its reading is checked below.
            await RetireCardAsync(dc.Context, dc.ActiveDialog!.State, options, null, AnsweredCards.CheckingNote, cancellationToken);
            await confirmation.AskAsync(dc.Context, reading, cancellationToken);
            return EndOfTurn;
        }

        var state = dc.ActiveDialog!.State;
        var attempts = (int)(state.Get<long?>(AttemptsKey) ?? 0) + 1;
        state[AttemptsKey] = (long)attempts;

        var respondedBefore = dc.Context.Responded;
        var valid = _validator is not null
            ? await _validator(new PromptValidatorContext<T>(dc.Context, recognized, options, attempts), cancellationToken)
            : recognized.Succeeded;
        if (valid)
        {
            await RetireCardAsync(dc.Context, state, options, DescribeAnswer(dc.Context, options, recognized.Value!), null, cancellationToken);
            state.Remove(CardActivityKey);
            if (!string.IsNullOrWhiteSpace(recognized.Remark))
            {
                await dc.Context.SendActivityAsync(MessageFactory.Text(recognized.Remark), cancellationToken);
            }

            return await dc.EndDialogAsync(recognized.Value, cancellationToken);
        }

        if (!respondedBefore && dc.Context.Responded)
        {
            return EndOfTurn; // the validator replied itself
        }

        if (attempts >= (options.MaxAttempts ?? DefaultMaxAttempts))
        {
            var wayOut = MessageFactory.SuggestedActions(new[] { "help", "start over" }, WayOutMessage, null, null);
            await dc.Context.SendActivityAsync(wayOut, cancellationToken);
        }

        await AskAsync(dc.Context, state, options, () => SendQuestionAsync(dc.Context, options, recognized.Remark ?? options.RetryPrompt, cancellationToken), cancellationToken);
        return EndOfTurn;
    }

    private static string AppendChoices(string? text, List<Choice>? choices)
    {
        if (choices is null || choices.Count == 0)
        {
            return text ?? string.Empty;
        }

        var list = string.Join(Environment.NewLine, choices.Select((c, i) => $"{i + 1}. {c.Title}"));
        return $"{text}{Environment.NewLine}{Environment.NewLine}{list}";
    }

    private async Task<DialogTurnResult> RepromptThenWaitAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        await RepromptDialogAsync(dc.Context, dc.ActiveDialog!, cancellationToken);
        return EndOfTurn;
    }
}
