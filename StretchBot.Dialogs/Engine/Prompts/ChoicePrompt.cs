using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;
using StretchBot.Dialogs.Engine.Recognition;

namespace StretchBot.Dialogs.Engine.Prompts;

/// <summary>
/// Pick one option: a button, or typed words - the title, a synonym, or an ordinal such as "the second one".
/// A submitted value that is not one of the options (a tampered card) counts as a miss.
/// </summary>
public sealed class ChoicePrompt : Prompt<FoundChoice>
{
    private readonly Func<string, string?, string?>? _typedFallback;

    /// <param name="typedFallback">
    /// Maps typed text that matched no option to an option's value (an age typed as a number, say); null for none.
    /// </param>
    public ChoicePrompt(string dialogId, PromptValidator<FoundChoice>? validator = null, ICardRenderer? cards = null, Func<string, string?, string?>? typedFallback = null)
        : base(dialogId, validator, cards)
    {
        _typedFallback = typedFallback;
    }

    protected override string? DefaultCardTemplate => "question";

    protected override string DescribeAnswer(ITurnContext turnContext, PromptOptions options, FoundChoice value)
        => TitleOf(options, value.Value) ?? value.Value;

    protected override Task<PromptRecognizerResult<FoundChoice>> OnRecognizeAsync(ITurnContext turnContext, PromptOptions options, JObject? submitted, CancellationToken cancellationToken)
    {
        var choices = options.Choices ?? new List<Choice>();

        var submittedChoice = CardSubmit.GetString(submitted, CardSubmit.ChoiceKey);
        if (submittedChoice is not null)
        {
            var index = choices.FindIndex(c => c.Value == submittedChoice);
            return Task.FromResult(index >= 0
                ? PromptRecognizerResult<FoundChoice>.Success(new FoundChoice(choices[index].Value, index))
                : PromptRecognizerResult<FoundChoice>.Failure());
        }

        var text = turnContext.Activity.Text;
        var matchedValue = ChoiceRecognition.Recognize(text, choices.Select(c => c.ToOption()).ToList(), turnContext.Activity.Locale)?.Value;
        if (matchedValue is null && _typedFallback is not null && !string.IsNullOrWhiteSpace(text))
        {
            matchedValue = _typedFallback(text, turnContext.Activity.Locale);
        }

        var found = matchedValue is null ? -1 : choices.FindIndex(c => c.Value == matchedValue);
        if (found < 0)
        {
            return Task.FromResult(PromptRecognizerResult<FoundChoice>.Failure());
        }

        return Task.FromResult(PromptRecognizerResult<FoundChoice>.Success(new FoundChoice(choices[found].Value, found)));
    }
}
