using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace StretchBot.Dialogs.Engine.Prompts;

/// <summary>
/// Base of every prompt: asks a question (as a card when a template is given), recognizes the reply, runs the
/// validator, re-asks on a miss, offers a way out after <see cref="PromptOptions.MaxAttempts"/> misses, and
/// recognises a submit from an older card (a clear reply; the prompt's state untouched).
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
        if (submittedCardId is not null && !string.Equals(submittedCardId, options.CardId, StringComparison.Ordinal))
        {
            await dc.Context.SendActivityAsync(MessageFactory.Text(StaleCardMessage), cancellationToken);
            return EndOfTurn;
        }

        var recognized = await OnRecognizeAsync(dc.Context, options, submitted, cancellationToken);
        var attempts = (int)(state.Get<long?>(AttemptsKey) ?? 0) + 1;
        state[AttemptsKey] = (long)attempts;

        var valid = recognized.Succeeded;
        if (valid && _validator is not null)
        {
            valid = await _validator(new PromptValidatorContext<T>(dc.Context, recognized, options, attempts), cancellationToken);
        }

        if (valid)
        {
            return await dc.EndDialogAsync(recognized.Value, cancellationToken);
        }

        if (attempts >= (options.MaxAttempts ?? DefaultMaxAttempts))
        {
            var wayOut = MessageFactory.SuggestedActions(new[] { "help", "start over" }, WayOutMessage, null, null);
            await dc.Context.SendActivityAsync(wayOut, cancellationToken);
        }

        await OnPromptAsync(dc.Context, options, isRetry: true, cancellationToken);
        return EndOfTurn;
    }

    public override Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, DialogReason reason, object? result, CancellationToken cancellationToken)
        => RepromptThenWaitAsync(dc, cancellationToken);

    public override Task RepromptDialogAsync(ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken)
    {
        var options = instance.State.Get<PromptOptions>(OptionsKey) ?? new PromptOptions();
        return OnPromptAsync(turnContext, options, isRetry: false, cancellationToken);
    }

    /// <summary>Sends the question: a card when a template applies, otherwise text.</summary>
    protected virtual async Task OnPromptAsync(ITurnContext turnContext, PromptOptions options, bool isRetry, CancellationToken cancellationToken)
    {
        var text = isRetry && !string.IsNullOrWhiteSpace(options.RetryPrompt) ? options.RetryPrompt : options.Prompt;
        var template = options.CardTemplate ?? DefaultCardTemplate;

        IMessageActivity message;
        if (template is not null && Cards is not null)
        {
            var card = Cards.Render(template, BuildCardData(options, text));
            message = MessageFactory.Attachment(card);
        }
        else
        {
            message = MessageFactory.Text(AppendChoices(text, options.Choices));
        }

        await turnContext.SendActivityAsync(message, cancellationToken);
    }

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
