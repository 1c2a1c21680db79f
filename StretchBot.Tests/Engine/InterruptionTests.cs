using Microsoft.Bot.Builder;
using StretchBot.Dialogs.Engine;
using StretchBot.Dialogs.Engine.Prompts;

namespace StretchBot.Tests.Engine;

public class InterruptionTests
{
    [Fact]
    public async Task AnInterruptionCanAnswerAndThenReaskTheCurrentQuestion()
    {
        var harness = new EngineHarness(
            new PromptTestDialog(new NumberPrompt(nameof(NumberPrompt)), new PromptOptions { Prompt = "Pain now, 0 to 10?", Validations = NumberPrompt.Range(0, 10) }),
            storage: null,
            new HelpThenReprompt());

        await harness.Flow()
            .Send("start").AssertReply("Pain now, 0 to 10?")
            .Send("help").AssertReply("Here is some help.").AssertReply("Pain now, 0 to 10?")
            .Send("6").AssertReply("Got: 6")
            .StartTestAsync();
    }

    [Fact]
    public async Task AnInterruptionCanRestartFromTheRoot()
    {
        var harness = new EngineHarness(
            new PromptTestDialog(new TextPrompt(nameof(TextPrompt)), new PromptOptions { Prompt = "Name?" }),
            storage: null,
            new Restart());

        await harness.Flow()
            .Send("start").AssertReply("Name?")
            .Send("restart").AssertReply("Name?")
            .Send("Kim").AssertReply("Got: Kim")
            .StartTestAsync();
    }

    private sealed class HelpThenReprompt : IDialogInterruption
    {
        public async Task<bool> TryInterruptAsync(DialogContext dc, Dialog rootDialog, CancellationToken cancellationToken)
        {
            if (dc.Context.Activity.Text != "help")
            {
                return false;
            }

            await dc.Context.SendActivityAsync("Here is some help.", cancellationToken: cancellationToken);
            await dc.RepromptDialogAsync(cancellationToken);
            return true;
        }
    }

    private sealed class Restart : IDialogInterruption
    {
        public async Task<bool> TryInterruptAsync(DialogContext dc, Dialog rootDialog, CancellationToken cancellationToken)
        {
            if (dc.Context.Activity.Text != "restart")
            {
                return false;
            }

            await dc.CancelAllDialogsAsync(cancellationToken);
            await dc.BeginDialogAsync(rootDialog.Id, null, cancellationToken);
            return true;
        }
    }
}
