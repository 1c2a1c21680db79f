using StretchBot.Dialogs.Engine.Prompts;

namespace StretchBot.Tests.Engine.Prompts;

public class ChoicePromptTests
{
    private static readonly List<Choice> HowLong = new()
    {
        new("under6Weeks", "Less than 6 weeks", "recently", "a few weeks"),
        new("6to12Weeks", "6 to 12 weeks", "a couple of months"),
        new("over12Weeks", "More than 12 weeks", "months", "years"),
    };

    private static EngineHarness Ask() => new(new PromptTestDialog(
        new ChoicePrompt(nameof(ChoicePrompt), cards: new FakeCardRenderer()),
        new PromptOptions { Prompt = "How long have you had this pain?", RetryPrompt = "Please pick one of the options.", Choices = HowLong },
        value => $"Got: {((FoundChoice)value!).Value}"));

    [Theory]
    [InlineData("6 to 12 weeks", "6to12Weeks")]
    [InlineData("a couple of months", "6to12Weeks")]
    [InlineData("the second one", "6to12Weeks")]
    [InlineData("the third", "over12Weeks")]
    [InlineData("LESS THAN 6 WEEKS", "under6Weeks")]
    public async Task ATypedTitleSynonymOrOrdinalPicksTheOption(string typed, string expected)
    {
        await Ask().Flow()
            .Send("start").AssertReply(a => Assert.Equal("How long have you had this pain?", FakeCardRenderer.TextOf(a)))
            .Send(typed).AssertReply($"Got: {expected}")
            .StartTestAsync();
    }

    [Fact]
    public async Task AButtonPicksTheOption()
    {
        var harness = Ask();
        string? cardId = null;
        await harness.Flow().Send("start").AssertReply(a => cardId = FakeCardRenderer.CardIdOf(a)).StartTestAsync();
        await harness.Flow()
            .Send(EngineHarness.Submit(new { cardId, choice = "over12Weeks" })).AssertReply("Got: over12Weeks")
            .StartTestAsync();
    }

    [Fact]
    public async Task ATamperedButtonValueIsAskedAgain()
    {
        var harness = Ask();
        string? cardId = null;
        await harness.Flow().Send("start").AssertReply(a => cardId = FakeCardRenderer.CardIdOf(a)).StartTestAsync();
        await harness.Flow()
            .Send(EngineHarness.Submit(new { cardId, choice = "forever" }))
            .AssertReply(a => Assert.Equal("Please pick one of the options.", FakeCardRenderer.TextOf(a)))
            .Send("the first one").AssertReply("Got: under6Weeks")
            .StartTestAsync();
    }

    [Fact]
    public async Task ASubmitFromAnOlderCardGetsAClearReplyAndChangesNothing()
    {
        var harness = Ask();
        string? cardId = null;
        await harness.Flow().Send("start").AssertReply(a => cardId = FakeCardRenderer.CardIdOf(a)).StartTestAsync();

        await harness.Flow()
            .Send(EngineHarness.Submit(new { cardId = "an-old-card", choice = "over12Weeks" }))
            .AssertReply(Prompt<FoundChoice>.StaleCardMessage)
            .AssertReply(a => Assert.Equal(cardId, FakeCardRenderer.CardIdOf(a))) // the current question, brought back
            .StartTestAsync();

        // The current question still stands and its card still works, with no attempt used up.
        await harness.Flow()
            .Send(EngineHarness.Submit(new { cardId, choice = "under6Weeks" })).AssertReply("Got: under6Weeks")
            .StartTestAsync();
    }
}
