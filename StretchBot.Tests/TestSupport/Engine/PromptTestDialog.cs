using StretchBot.Dialogs.Engine;
using StretchBot.Dialogs.Engine.Prompts;

namespace StretchBot.Tests.TestSupport;

/// <summary>Asks one prompt and echoes what it got, so a test can see the recognized value.</summary>
internal sealed class PromptTestDialog : ComponentDialog
{
    public PromptTestDialog(Dialog prompt, PromptOptions options, Func<object?, string>? describe = null)
        : base(nameof(PromptTestDialog))
    {
        describe ??= value => $"Got: {value}";
        AddDialog(new WaterfallDialog("ask")
            .AddStep((step, ct) => step.PromptAsync(prompt.Id, Clone(options), ct), "AskStepAsync")
            .AddStep(async (step, ct) =>
            {
                await step.Context.SendActivityAsync(describe(step.Result), cancellationToken: ct);
                return await step.EndDialogAsync(null, ct);
            }, "EchoStepAsync"));
        AddDialog(prompt);
        InitialDialogId = "ask";
    }

    private static PromptOptions Clone(PromptOptions options)
        => Newtonsoft.Json.Linq.JObject.FromObject(options).ToObject<PromptOptions>()!;
}
