using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;
using StretchBot.Dialogs.Engine.Recognition;
using StretchBot.Dialogs.Understanding;
using StretchBot.Dialogs.Understanding.Readers;

namespace StretchBot.Dialogs.Engine.Prompts;

/// <summary>
/// A yes/no question: two buttons (the first means yes), or typed words. A question with words of its own ("Can
/// you get down onto the floor?": "I can get down but not back up") reads them with its <see cref="TypedReader{T}"/>;
/// otherwise the buttons' titles ("Yes, I have" / "Not yet") and the usual yes and no words ("yeah sure", "nope",
/// "not really", "yeah no").
/// </summary>
public sealed class ConfirmPrompt : Prompt<bool>
{
    public const string YesValue = "yes";
    public const string NoValue = "no";

    private readonly TypedReader<bool>? _reader;

    public ConfirmPrompt(string dialogId, PromptValidator<bool>? validator = null, ICardRenderer? cards = null, TypedReader<bool>? reader = null)
        : base(dialogId, validator, cards)
    {
        _reader = reader;
    }

    protected override string? DefaultCardTemplate => "question";

    public override Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options, CancellationToken cancellationToken)
    {
        var promptOptions = StateValues.Convert<PromptOptions>(options) ?? new PromptOptions();
        if (promptOptions.Choices is not { Count: 2 })
        {
            promptOptions.Choices = new List<Choice> { new(YesValue, "Yes"), new(NoValue, "No") };
        }

        return base.BeginDialogAsync(dc, promptOptions, cancellationToken);
    }

    protected override Task<PromptRecognizerResult<bool>> OnRecognizeAsync(ITurnContext turnContext, PromptOptions options, JObject? submitted, CancellationToken cancellationToken)
    {
        var choices = options.Choices ?? new List<Choice>();
        var yes = choices.ElementAtOrDefault(0)?.Value ?? YesValue;
        var no = choices.ElementAtOrDefault(1)?.Value ?? NoValue;

        var submittedChoice = CardSubmit.GetString(submitted, CardSubmit.ChoiceKey);
        if (submittedChoice is not null)
        {
            return Task.FromResult(
                submittedChoice == yes ? PromptRecognizerResult<bool>.Success(true)
                : submittedChoice == no ? PromptRecognizerResult<bool>.Success(false)
                : PromptRecognizerResult<bool>.Failure());
        }

        var text = turnContext.Activity.Text ?? string.Empty;
        var titled = ChoiceRecognition.Recognize(text, choices.Select(c => c.ToOption()).ToList(), turnContext.Activity.Locale);
        var reading = titled is not null && (_reader is null || ChoiceRecognition.IsWholeReply(text, titled))
            ? Reading<bool>.Understood(titled.Value == yes)
            : _reader is not null
                ? _reader(text, ReplyContext(turnContext, options))
                : Plain(text);
        return Task.FromResult(PromptRecognizerResult<bool>.From(reading));
    }

    // The usual yes and no words; a hedge that leans one way is taken that way, "not sure" is asked again.
    private static Reading<bool> Plain(string text)
    {
        var reading = YesNo.Read(text);
        return reading.Answer == YesNoAnswer.Neither || reading.DoesNotKnow ? Reading<bool>.NotUnderstood() : Reading<bool>.Understood(reading.IsYes);
    }
}
