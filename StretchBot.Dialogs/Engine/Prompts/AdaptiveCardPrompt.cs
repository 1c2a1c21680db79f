using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;
using StretchBot.Dialogs.Understanding;

namespace StretchBot.Dialogs.Engine.Prompts;

/// <summary>
/// Sends a card form and takes its submitted values (activity.Value, without the cardId). Typed replies go to the
/// card's <see cref="TypedReader{T}"/>, which turns words into the values the card would have submitted (or a
/// question to confirm them first), so every choice on the card can also be typed. The validator decides whether
/// the values are complete.
/// </summary>
public sealed class AdaptiveCardPrompt : Prompt<JObject>
{
    private readonly TypedReader<JObject>? _reader;

    public AdaptiveCardPrompt(string dialogId, ICardRenderer cards, PromptValidator<JObject>? validator = null, TypedReader<JObject>? reader = null)
        : base(dialogId, validator, cards ?? throw new ArgumentNullException(nameof(cards)))
    {
        _reader = reader;
    }

    protected override Task<PromptRecognizerResult<JObject>> OnRecognizeAsync(ITurnContext turnContext, PromptOptions options, JObject? submitted, CancellationToken cancellationToken)
    {
        if (submitted is not null)
        {
            var values = (JObject)submitted.DeepClone();
            values.Remove(CardSubmit.CardIdKey);
            return Task.FromResult(PromptRecognizerResult<JObject>.Success(values));
        }

        var text = turnContext.Activity.Text;
        var reading = _reader is not null && !string.IsNullOrWhiteSpace(text)
            ? _reader(text.Trim(), ReplyContext(turnContext, options))
            : Reading<JObject>.NotUnderstood();
        return Task.FromResult(PromptRecognizerResult<JObject>.From(reading));
    }
}
