using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;
using StretchBot.Dialogs.Engine.Recognition;

namespace StretchBot.Dialogs.Engine.Prompts;

/// <summary>
/// A yes/no question: two buttons (the first means yes), or typed words such as yes, yeah, yep, sure, no, nope,
/// not really. Button titles may be custom ("Yes, I have" / "Not yet") and can be typed too.
/// </summary>
public sealed class ConfirmPrompt : Prompt<bool>
{
    public const string YesValue = "yes";
    public const string NoValue = "no";

    public ConfirmPrompt(string dialogId, PromptValidator<bool>? validator = null, ICardRenderer? cards = null)
        : base(dialogId, validator, cards)
    {
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

    protected override string DescribeAnswer(ITurnContext turnContext, PromptOptions options, bool value)
        => options.Choices?.ElementAtOrDefault(value ? 0 : 1)?.Title ?? (value ? "Yes" : "No");

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

        var text = turnContext.Activity.Text;
        var culture = turnContext.Activity.Locale;
        var byTitle = ChoiceRecognition.Recognize(text, choices.Select(c => c.ToOption()).ToList(), culture);
        if (byTitle is not null)
        {
            return Task.FromResult(PromptRecognizerResult<bool>.Success(byTitle.Value == yes));
        }

        var answer = YesNoRecognition.Recognize(text, culture);
        return Task.FromResult(answer is null ? PromptRecognizerResult<bool>.Failure() : PromptRecognizerResult<bool>.Success(answer.Value));
    }
}
