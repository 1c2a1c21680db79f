using StretchBot.Dialogs.Engine.Prompts;

namespace StretchBot.Tests.Engine.Prompts;

public class ConfirmPromptTests
{
    private static EngineHarness Ask(List<Choice>? choices = null) => new(new PromptTestDialog(
        new ConfirmPrompt(nameof(ConfirmPrompt), cards: new FakeCardRenderer()),
        new PromptOptions { Prompt = "Has a clinician said gentle stretching is OK?", RetryPrompt = "Please answer yes or no.", Choices = choices }));

    [Theory]
    [InlineData("yes", true)]
    [InlineData("yeah", true)]
    [InlineData("yep", true)]
    [InlineData("sure", true)]
    [InlineData("no", false)]
    [InlineData("nope", false)]
    [InlineData("not really", false)]
    public async Task TypedWordsAnswerTheQuestion(string typed, bool expected)
    {
        await Ask().Flow()
            .Send("start").AssertReply(a => Assert.Equal("Has a clinician said gentle stretching is OK?", FakeCardRenderer.TextOf(a)))
            .Send(typed).AssertReply($"Got: {expected}")
            .StartTestAsync();
    }

    [Fact]
    public async Task TheCardsButtonsAnswerTheQuestion()
    {
        var harness = Ask();
        string? cardId = null;
        await harness.Flow()
            .Send("start").AssertReply(a => cardId = FakeCardRenderer.CardIdOf(a))
            .StartTestAsync();

        await harness.Flow()
            .Send(EngineHarness.Submit(new { cardId, choice = "no" })).AssertReply("Got: False")
            .StartTestAsync();
    }

    [Fact]
    public async Task CustomButtonTitlesCanBeTyped()
    {
        var choices = new List<Choice> { new("confirmed", "Yes, I have checked"), new("notYet", "Not yet") };
        await Ask(choices).Flow()
            .Send("start").AssertReply(_ => { })
            .Send("not yet").AssertReply("Got: False")
            .StartTestAsync();
    }

    [Fact]
    public async Task AMaybeIsAskedAgain()
    {
        await Ask().Flow()
            .Send("start").AssertReply(_ => { })
            .Send("maybe").AssertReply(a => Assert.Equal("Please answer yes or no.", FakeCardRenderer.TextOf(a)))
            .Send("yes").AssertReply("Got: True")
            .StartTestAsync();
    }
}
