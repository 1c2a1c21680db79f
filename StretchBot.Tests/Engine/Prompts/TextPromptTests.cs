using StretchBot.Dialogs.Engine.Prompts;

namespace StretchBot.Tests.Engine.Prompts;

public class TextPromptTests
{
    [Fact]
    public async Task AnyTextIsTakenAndTheValidatorCanRefuseIt()
    {
        var prompt = new TextPrompt(nameof(TextPrompt), async (context, ct) =>
        {
            if (context.Recognized.Value!.Length > 20)
            {
                await context.Context.SendActivityAsync("That's a bit long; a short name please.", cancellationToken: ct);
                return false;
            }

            return true;
        });
        var harness = new EngineHarness(new PromptTestDialog(prompt, new PromptOptions { Prompt = "What should I call you?" }));

        await harness.Flow()
            .Send("start").AssertReply("What should I call you?")
            .Send("A name far too long to be a name at all").AssertReply("That's a bit long; a short name please.")
            .AssertReply("What should I call you?")
            .Send("Jo").AssertReply("Got: Jo")
            .StartTestAsync();
    }
}
