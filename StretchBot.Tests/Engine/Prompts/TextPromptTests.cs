using StretchBot.Dialogs.Engine.Prompts;

namespace StretchBot.Tests.Engine.Prompts;

public class TextPromptTests
{
    [Fact]
    public async Task AnyTextIsTakenAndAValidatorThatRepliesIsNotFollowedByTheRetry()
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
            .Send("Jo").AssertReply("Got: Jo")
            .StartTestAsync();
    }

    [Fact]
    public async Task TheValidatorRunsEvenWhenNothingWasRecognisedAndASilentRefusalSendsTheRetry()
    {
        var sawFailure = false;
        var prompt = new TextPrompt(nameof(TextPrompt), (context, ct) =>
        {
            sawFailure |= !context.Recognized.Succeeded;
            return Task.FromResult(context.Recognized.Succeeded);
        });
        var harness = new EngineHarness(new PromptTestDialog(prompt, new PromptOptions { Prompt = "What should I call you?", RetryPrompt = "Just a name, please." }));

        await harness.Flow()
            .Send("start").AssertReply("What should I call you?")
            .Send(new Microsoft.Bot.Schema.Activity { Type = Microsoft.Bot.Schema.ActivityTypes.Message, Text = "   " }).AssertReply("Just a name, please.")
            .StartTestAsync();
        Assert.True(sawFailure);
    }
}
