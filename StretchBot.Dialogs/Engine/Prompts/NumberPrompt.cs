using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;
using StretchBot.Dialogs.Engine.Recognition;

namespace StretchBot.Dialogs.Engine.Prompts;

/// <summary>
/// Asks for a whole number. With <c>Validations = { min, max }</c> the reply is read as a score on that scale, so
/// "7", "seven", "about 7/10" and "seven out of ten" all give 7; a card can submit <c>{ "number": 7 }</c> or a
/// choice button's value.
/// </summary>
public sealed class NumberPrompt : Prompt<int>
{
    public NumberPrompt(string dialogId, PromptValidator<int>? validator = null, ICardRenderer? cards = null)
        : base(dialogId, validator, cards)
    {
    }

    public static JObject Range(int min, int max) => new() { ["min"] = min, ["max"] = max };

    protected override string DescribeAnswer(ITurnContext turnContext, PromptOptions options, int value)
    {
        var text = value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return TitleOf(options, text) ?? text;
    }

    protected override Task<PromptRecognizerResult<int>> OnRecognizeAsync(ITurnContext turnContext, PromptOptions options, JObject? submitted, CancellationToken cancellationToken)
    {
        var min = options.Validations?.Value<int?>("min");
        var max = options.Validations?.Value<int?>("max");
        var culture = turnContext.Activity.Locale;

        var text = CardSubmit.GetString(submitted, "number") ?? CardSubmit.GetString(submitted, CardSubmit.ChoiceKey);
        if (string.IsNullOrEmpty(text))
        {
            text = turnContext.Activity.Text;
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
}
