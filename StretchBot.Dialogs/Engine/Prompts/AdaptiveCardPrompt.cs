using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;

namespace StretchBot.Dialogs.Engine.Prompts;

/// <summary>Turns typed words into the values the card would have submitted, or null when they don't fit.</summary>
public delegate JObject? TypedCardAnswer(string text, PromptOptions options, string? culture);

/// <summary>
/// Sends a card form and takes its submitted values (activity.Value, without the cardId). Typed replies go
/// through <see cref="TypedCardAnswer"/> so every choice on the card can also be typed. The validator decides
/// whether the values are complete.
/// </summary>
public sealed class AdaptiveCardPrompt : Prompt<JObject>
{
    private readonly TypedCardAnswer? _typedAnswer;
    private readonly Func<JObject, PromptOptions, string>? _describe;

    /// <param name="describe">The answer in words for the answered card (null: the typed words, or "Sent").</param>
    public AdaptiveCardPrompt(string dialogId, ICardRenderer cards, PromptValidator<JObject>? validator = null, TypedCardAnswer? typedAnswer = null, Func<JObject, PromptOptions, string>? describe = null)
        : base(dialogId, validator, cards ?? throw new ArgumentNullException(nameof(cards)))
    {
        _typedAnswer = typedAnswer;
        _describe = describe;
    }

    protected override string DescribeAnswer(ITurnContext turnContext, PromptOptions options, JObject value)
        => _describe?.Invoke(value, options) ?? (turnContext.Activity.Text?.Trim() is { Length: > 0 } typed ? typed : "Sent");

    protected override Task<PromptRecognizerResult<JObject>> OnRecognizeAsync(ITurnContext turnContext, PromptOptions options, JObject? submitted, CancellationToken cancellationToken)
    {
        JObject? values = null;
        if (submitted is not null)
        {
            values = (JObject)submitted.DeepClone();
            values.Remove(CardSubmit.CardIdKey);
        }
        else if (_typedAnswer is not null && !string.IsNullOrWhiteSpace(turnContext.Activity.Text))
        {
            values = _typedAnswer(turnContext.Activity.Text.Trim(), options, turnContext.Activity.Locale);
        }

        return Task.FromResult(values is null
            ? PromptRecognizerResult<JObject>.Failure()
            : PromptRecognizerResult<JObject>.Success(values));
    }
}
