using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;
using StretchBot.Dialogs.Engine.Recognition;
using StretchBot.Dialogs.Understanding;

namespace StretchBot.Dialogs.Engine.Prompts;

/// <summary>
/// Asks for a whole number. A card can submit <c>{ "number": 7 }</c> or a choice button's value; typed words go to
/// the question's <see cref="TypedReader{T}"/> (a pain score: "about 7/10", "between 6 and 7", "agony"), or with
/// <c>Validations = { min, max }</c> are read as a score on that scale ("7", "seven out of ten").
/// </summary>
public sealed class NumberPrompt : Prompt<int>
{
    private readonly TypedReader<int>? _reader;

    public NumberPrompt(string dialogId, PromptValidator<int>? validator = null, ICardRenderer? cards = null, TypedReader<int>? reader = null)
        : base(dialogId, validator, cards)
    {
        _reader = reader;
    }

    public static JObject Range(int min, int max) => new() { ["min"] = min, ["max"] = max };

    protected override Task<PromptRecognizerResult<int>> OnRecognizeAsync(ITurnContext turnContext, PromptOptions options, JObject? submitted, CancellationToken cancellationToken)
    {
        var min = options.Validations?.Value<int?>("min");
        var max = options.Validations?.Value<int?>("max");
        var culture = turnContext.Activity.Locale;

        var fromCard = CardSubmit.GetString(submitted, "number") ?? CardSubmit.GetString(submitted, CardSubmit.ChoiceKey);
        var text = string.IsNullOrEmpty(fromCard) ? turnContext.Activity.Text : fromCard;
        if (string.IsNullOrEmpty(fromCard) && _reader is not null && !string.IsNullOrWhiteSpace(text))
        {
            var reading = _reader(text, ReplyContext(turnContext, options));
            return Task.FromResult(PromptRecognizerResult<int>.From(InRange(reading, min, max)));
        }

        int value;
        bool ok;
        if (min is not null && max is not null)
        {
            ok = NumberRecognition.TryRecognizeScore(text, culture, min.Value, max.Value, out value);
        }
        else
        {
            ok = NumberRecognition.TryRecognizeNumber(text, culture, out var number)
                && number == Math.Floor(number) && number is >= int.MinValue and <= int.MaxValue;
            value = ok ? (int)number : 0;
        }

        return Task.FromResult(ok ? PromptRecognizerResult<int>.Success(value) : PromptRecognizerResult<int>.Failure());
    }

    // A reader's number outside the prompt's range is not understood.
    private static Reading<int> InRange(Reading<int> reading, int? min, int? max)
        => reading.IsUnderstood && (reading.Value < min || reading.Value > max) ? Reading<int>.NotUnderstood() : reading;
}
