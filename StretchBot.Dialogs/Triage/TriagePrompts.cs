using Newtonsoft.Json.Linq;
using StretchBot.Dialogs.Engine;
using StretchBot.Dialogs.Engine.Prompts;

namespace StretchBot.Dialogs.Triage;

/// <summary>How <see cref="TriageDialog"/> asks: the prompt options of a choice or yes/no question, with the card's hint.</summary>
internal static class TriagePrompts
{
    internal static Task<DialogTurnResult> AskChoiceAsync(WaterfallStepContext stepContext, string promptId, string question, List<Choice> choices, string example, CancellationToken cancellationToken)
        => stepContext.PromptAsync(promptId, new PromptOptions
        {
            Prompt = question,
            RetryPrompt = $"Sorry, I didn't catch that. {question} You can also type it in your own words, for example {example}.",
            Choices = choices,
            CardData = HintData(),
        }, cancellationToken);

    internal static Task<DialogTurnResult> AskYesNoAsync(WaterfallStepContext stepContext, string promptId, string question, List<Choice>? choices, CancellationToken cancellationToken)
        => stepContext.PromptAsync(promptId, new PromptOptions
        {
            Prompt = question,
            RetryPrompt = $"Please answer yes or no. {question}",
            Choices = choices,
            CardData = HintData(),
        }, cancellationToken);

    internal static JObject HintData() => new() { ["hint"] = TriageDialog.Hint };

    // The commonest answer as its own button, so it takes one tap instead of a tick and "Done".
    internal static JObject WithQuickAnswer(JObject data, Choice choice)
    {
        data["quickChoice"] = new JObject { ["title"] = choice.Title, ["value"] = choice.Value };
        return data;
    }
}
