using StretchBot.Dialogs.Engine.Prompts;

namespace StretchBot.Tests.Engine.Prompts;

public class NumberPromptTests
{
    private static EngineHarness PainScore() => new(new PromptTestDialog(
        new NumberPrompt(nameof(NumberPrompt)),
        new PromptOptions { Prompt = "Pain now, 0 to 10?", RetryPrompt = "Please give a number from 0 to 10.", Validations = NumberPrompt.Range(0, 10) }));

    [Theory]
    [InlineData("7")]
    [InlineData("seven")]
    [InlineData("about 7/10")]
    [InlineData("seven out of ten")]
    [InlineData("about 7")]
    public async Task AScoreTypedInAnyCommonWayReadsAsSeven(string typed)
    {
        await PainScore().Flow()
            .Send("start").AssertReply("Pain now, 0 to 10?")
            .Send(typed).AssertReply("Got: 7")
            .StartTestAsync();
    }

    [Fact]
    public async Task ACardSubmitGivesTheNumber()
    {
        var harness = PainScore();
        await harness.Flow()
            .Send("start").AssertReply("Pain now, 0 to 10?")
            .Send(EngineHarness.Submit(new { number = "4" })).AssertReply("Got: 4")
            .StartTestAsync();
    }

    [Theory]
    [InlineData("12")]
    [InlineData("banana")]
    public async Task AnOutOfRangeOrNonsenseAnswerIsAskedAgain(string typed)
    {
        await PainScore().Flow()
            .Send("start").AssertReply("Pain now, 0 to 10?")
            .Send(typed).AssertReply("Please give a number from 0 to 10.")
            .Send("3").AssertReply("Got: 3")
            .StartTestAsync();
    }

    [Fact]
    public async Task AfterThreeMissesTheUserIsOfferedAWayOut()
    {
        await PainScore().Flow()
            .Send("start").AssertReply("Pain now, 0 to 10?")
            .Send("purple").AssertReply("Please give a number from 0 to 10.")
            .Send("lots").AssertReply("Please give a number from 0 to 10.")
            .Send("hmm").AssertReply(a =>
            {
                var message = (Microsoft.Bot.Schema.IMessageActivity)a;
                Assert.Equal(Prompt<int>.WayOutMessage, message.Text);
                Assert.Equal(new[] { "help", "start over" }, message.SuggestedActions.Actions.Select(x => x.Title));
            })
            .AssertReply("Please give a number from 0 to 10.")
            .Send("5").AssertReply("Got: 5")
            .StartTestAsync();
    }
}
