using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;

namespace StretchBot.Dialogs.Engine.Prompts;

/// <summary>Asks for free text; any non-empty reply is accepted (subject to the validator).</summary>
public sealed class TextPrompt : Prompt<string>
{
    public TextPrompt(string dialogId, PromptValidator<string>? validator = null, ICardRenderer? cards = null)
        : base(dialogId, validator, cards)
    {
    }

    protected override Task<PromptRecognizerResult<string>> OnRecognizeAsync(ITurnContext turnContext, PromptOptions options, JObject? submitted, CancellationToken cancellationToken)
    {
        var text = turnContext.Activity.Text?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            text = CardSubmit.GetString(submitted, "text");
        }

        return Task.FromResult(string.IsNullOrEmpty(text)
            ? PromptRecognizerResult<string>.Failure()
            : PromptRecognizerResult<string>.Success(text));
    }
}
