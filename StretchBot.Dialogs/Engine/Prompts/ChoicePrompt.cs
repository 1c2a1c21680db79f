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
    public ChoicePrompt(string dialogId, PromptValidator<FoundChoice>? validator = null, ICardRenderer? cards = null)
        : base(dialogId, validator, cards)
    {
    }

    protected override string? DefaultCardTemplate => "question";

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

        var match = ChoiceRecognition.Recognize(turnContext.Activity.Text, choices.Select(c => c.ToOption()).ToList(), turnContext.Activity.Locale);
        if (match is null)
        {
            return Task.FromResult(PromptRecognizerResult<FoundChoice>.Failure());
        }

        var found = choices.FindIndex(c => c.Value == match.Value);
        return Task.FromResult(PromptRecognizerResult<FoundChoice>.Success(new FoundChoice(match.Value, found)));
    }
}
