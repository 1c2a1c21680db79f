using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;
using StretchBot.Dialogs.Engine.Recognition;
using StretchBot.Dialogs.Understanding;

namespace StretchBot.Dialogs.Engine.Prompts;

/// <summary>
/// Pick one option: a button, or typed words. A question with words of its own ("How long have you had it?") reads
/// typing with its <see cref="TypedReader{T}"/> (the option's value); otherwise the option's title, a synonym, or a
/// reply that is nothing but a position ("the second one"). A submitted value that is not one of the options (a
/// tampered card) counts as a miss.
/// </summary>
public sealed class ChoicePrompt : Prompt<FoundChoice>
{
    private readonly TypedReader<string>? _reader;

    /// <param name="reader">Reads typed words as an option's value; null for the options' own words.</param>
    public ChoicePrompt(string dialogId, PromptValidator<FoundChoice>? validator = null, ICardRenderer? cards = null, TypedReader<string>? reader = null)
        : base(dialogId, validator, cards)
    {
        _reader = reader;
    }

    protected override string? DefaultCardTemplate => "question";

    protected override Task<PromptRecognizerResult<FoundChoice>> OnRecognizeAsync(ITurnContext turnContext, PromptOptions options, JObject? submitted, CancellationToken cancellationToken)
    {
        var choices = options.Choices ?? new List<Choice>();
        var submittedChoice = CardSubmit.GetString(submitted, CardSubmit.ChoiceKey);
        if (submittedChoice is not null)
        {
            return Task.FromResult(Found(choices, submittedChoice) is { } picked
                ? PromptRecognizerResult<FoundChoice>.Success(picked)
                : PromptRecognizerResult<FoundChoice>.Failure());
        }

        var text = turnContext.Activity.Text;
        if (string.IsNullOrWhiteSpace(text))
        {
            return Task.FromResult(PromptRecognizerResult<FoundChoice>.Failure());
        }

        var reading = _reader is not null
            ? _reader(text, ReplyContext(turnContext, options))
            : ChoiceRecognition.Recognize(text, choices.Select(c => c.ToOption()).ToList(), turnContext.Activity.Locale) is { } option
                ? Reading<string>.Understood(option.Value)
                : Reading<string>.NotUnderstood();
        return Task.FromResult(PromptRecognizerResult<FoundChoice>.From(ToFound(reading, choices)));
    }

    private static FoundChoice? Found(List<Choice> choices, string value)
    {
        var index = choices.FindIndex(c => c.Value == value);
        return index >= 0 ? new FoundChoice(choices[index].Value, index) : null;
    }

    // A reading's values as options; a value the question does not offer is not understood.
    private static Reading<FoundChoice> ToFound(Reading<string> reading, List<Choice> choices) => reading.Kind switch
    {
        ReadingKind.Understood => Found(choices, reading.Value!) is { } found ? Reading<FoundChoice>.Understood(found, reading.Remark) : Reading<FoundChoice>.NotUnderstood(),
        ReadingKind.Unsure => reading.Map(v => Found(choices, v)!) with { IfYes = ToFound(reading.IfYes!, choices), IfNo = reading.IfNo is null ? null : ToFound(reading.IfNo, choices) },
        _ => Reading<FoundChoice>.NotUnderstood(reading.Remark),
    };
}
