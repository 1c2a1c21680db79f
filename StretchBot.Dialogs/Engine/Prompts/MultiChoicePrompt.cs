using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;
using StretchBot.Dialogs.Engine.Recognition;

namespace StretchBot.Dialogs.Engine.Prompts;

/// <summary>
/// Pick one or more options: check boxes on a card (submitted as <c>{ "choices": "a,b" }</c>), or typed words
/// such as "disc bulge and arthritis" or "the first and the third". Returns the values in option order.
/// </summary>
public sealed class MultiChoicePrompt : Prompt<List<string>>
{
    public const string ChoicesKey = "choices";

    public MultiChoicePrompt(string dialogId, PromptValidator<List<string>>? validator = null, ICardRenderer? cards = null)
        : base(dialogId, validator, cards)
    {
    }

    protected override string? DefaultCardTemplate => "multichoice";

    protected override string DescribeAnswer(ITurnContext turnContext, PromptOptions options, List<string> value)
        => string.Join(", ", value.Select(v => TitleOf(options, v) ?? v));

    protected override Task<PromptRecognizerResult<List<string>>> OnRecognizeAsync(ITurnContext turnContext, PromptOptions options, JObject? submitted, CancellationToken cancellationToken)
    {
        var choices = options.Choices ?? new List<Choice>();
        List<string> values;

        var submittedChoices = CardSubmit.GetString(submitted, ChoicesKey) ?? CardSubmit.GetString(submitted, CardSubmit.ChoiceKey);
        if (submittedChoices is not null)
        {
            var picked = submittedChoices.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
            if (picked.Count == 0 || picked.Any(p => choices.All(c => c.Value != p)))
            {
                return Task.FromResult(PromptRecognizerResult<List<string>>.Failure());
            }

            values = choices.Where(c => picked.Contains(c.Value)).Select(c => c.Value).ToList();
        }
        else
        {
            values = ChoiceRecognition.RecognizeMany(turnContext.Activity.Text, choices.Select(c => c.ToOption()).ToList(), turnContext.Activity.Locale)
                .Select(o => o.Value)
                .ToList();
        }

        return Task.FromResult(values.Count > 0
            ? PromptRecognizerResult<List<string>>.Success(values)
            : PromptRecognizerResult<List<string>>.Failure());
    }
}
