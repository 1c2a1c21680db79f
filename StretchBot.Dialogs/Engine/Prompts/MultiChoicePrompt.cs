using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;
using StretchBot.Dialogs.Engine.Recognition;
using StretchBot.Dialogs.Understanding;

namespace StretchBot.Dialogs.Engine.Prompts;

/// <summary>
/// Pick one or more options: check boxes on a card (submitted as <c>{ "choices": "a,b" }</c>), or typed words read
/// by the question's <see cref="TypedReader{T}"/> ("not a disc, they think it's arthritis"), or else the options' own
/// words or positions ("the first and the third"). Returns the values in option order.
/// </summary>
public sealed class MultiChoicePrompt : Prompt<List<string>>
{
    public const string ChoicesKey = "choices";

    private readonly TypedReader<List<string>>? _reader;

    public MultiChoicePrompt(string dialogId, PromptValidator<List<string>>? validator = null, ICardRenderer? cards = null, TypedReader<List<string>>? reader = null)
        : base(dialogId, validator, cards)
    {
        _reader = reader;
    }

    protected override string? DefaultCardTemplate => "multichoice";

    protected override Task<PromptRecognizerResult<List<string>>> OnRecognizeAsync(ITurnContext turnContext, PromptOptions options, JObject? submitted, CancellationToken cancellationToken)
    {
        var choices = options.Choices ?? new List<Choice>();
        var submittedChoices = CardSubmit.GetString(submitted, ChoicesKey) ?? CardSubmit.GetString(submitted, CardSubmit.ChoiceKey);
        if (submittedChoices is not null)
        {
            var picked = submittedChoices.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
            return Task.FromResult(picked.Count == 0 || picked.Any(p => choices.All(c => c.Value != p))
                ? PromptRecognizerResult<List<string>>.Failure()
                : PromptRecognizerResult<List<string>>.Success(choices.Where(c => picked.Contains(c.Value)).Select(c => c.Value).ToList()));
        }

        var text = turnContext.Activity.Text ?? string.Empty;
        var reading = _reader is not null
            ? _reader(text, ReplyContext(turnContext, options))
            : ChoiceRecognition.RecognizeMany(text, choices.Select(c => c.ToOption()).ToList(), turnContext.Activity.Locale).Select(o => o.Value).ToList() is { Count: > 0 } values
                ? Reading<List<string>>.Understood(values)
                : Reading<List<string>>.NotUnderstood();
        return Task.FromResult(PromptRecognizerResult<List<string>>.From(reading));
    }
}
