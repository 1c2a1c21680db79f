using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;
using StretchBot.Dialogs.Engine.Recognition;

namespace StretchBot.Dialogs.Engine.Prompts;

/// <summary>
/// Base of every prompt: asks a question (as a card when a template is given), recognizes the reply, confirms a
/// reading it is unsure of with one yes/no question, runs the validator, re-asks on a miss, offers a way out after
/// <see cref="PromptOptions.MaxAttempts"/> misses, and recognises a submit from an older card (a clear reply; the
/// prompt's state untouched). As in Microsoft.Bot.Builder.Dialogs, the validator always runs, and the retry is sent
/// only when the validator did not reply itself.
/// </summary>
public abstract class Prompt<T> : Dialog
{
    public const int DefaultMaxAttempts = 3;

    public const string StaleCardMessage =
        "That button belongs to an earlier question, so I've left your answers as they were. Please answer the latest question.";

    public const string WayOutMessage =
        "I'm having trouble understanding that answer. You can use the buttons, type help to see what I can do, or type start over to begin again.";

    private const string OptionsKey = "options";
    private const string AttemptsKey = "attempts";

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

        await OnPromptAsync(dc.Context, promptOptions, isRetry: false, cancellationToken);
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
            await dc.Context.SendActivityAsync(MessageFactory.Text(StaleCardMessage), cancellationToken);
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
        return OnPromptAsync(turnContext, options, isRetry: false, cancellationToken);
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
    protected virtual JObject BuildCardData(PromptOptions options, string? text)
    {
        var data = options.CardData is null ? new JObject() : (JObject)options.CardData.DeepClone();
        data[CardSubmit.CardIdKey] = options.CardId;
        data["text"] = text ?? string.Empty;
        data["choices"] = JArray.FromObject((options.Choices ?? new List<Choice>()).Select(c => new { value = c.Value, title = c.Title }));
        return data;
    }

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
        await turnContext.SendActivityAsync(message, cancellationToken);
    }

    private async Task<DialogTurnResult> HandleAsync(DialogContext dc, PromptOptions options, PromptRecognizerResult<T> recognized, PromptConfirmation<T> confirmation, CancellationToken cancellationToken)
    {
        if (recognized.Confirmation is { } reading)
        {
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

        await SendQuestionAsync(dc.Context, options, recognized.Remark ?? options.RetryPrompt, cancellationToken);
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
