using Newtonsoft.Json.Linq;
using StretchBot.Dialogs.Engine.Prompts;
using StretchBot.Dialogs.Understanding;

namespace StretchBot.Tests.Engine.Prompts;

public class AdaptiveCardPromptTests
{
    private static EngineHarness Ask()
    {
        var prompt = new AdaptiveCardPrompt(
            nameof(AdaptiveCardPrompt),
            new FakeCardRenderer(),
            (context, ct) => Task.FromResult(context.Recognized.Succeeded && context.Recognized.Value!["colour"]?.Type == JTokenType.String),
            (text, _) => text.Equals("none of these", StringComparison.OrdinalIgnoreCase)
                ? Reading<JObject>.Understood(new JObject { ["colour"] = "none" })
                : Reading<JObject>.NotUnderstood());
        return new EngineHarness(new PromptTestDialog(
            prompt,
            new PromptOptions { Prompt = "Pick a colour", RetryPrompt = "Please use the form.", CardTemplate = "form" },
            value => $"Got: {((JObject)value!)["colour"]}"));
    }

    [Fact]
    public async Task TheFormsValuesAreTakenWithoutTheCardId()
    {
        var harness = Ask();
        string? cardId = null;
        await harness.Flow().Send("start").AssertReply(a => cardId = FakeCardRenderer.CardIdOf(a)).StartTestAsync();
        await harness.Flow()
            .Send(EngineHarness.Submit(new { cardId, colour = "blue" })).AssertReply("Got: blue")
            .StartTestAsync();
    }

    [Fact]
    public async Task TypedWordsAreTurnedIntoTheFormsValues()
    {
        await Ask().Flow()
            .Send("start").AssertReply(_ => { })
            .Send("None of these").AssertReply("Got: none")
            .StartTestAsync();
    }

    [Fact]
    public async Task AnIncompleteFormIsAskedAgain()
    {
        var harness = Ask();
        string? cardId = null;
        await harness.Flow().Send("start").AssertReply(a => cardId = FakeCardRenderer.CardIdOf(a)).StartTestAsync();
        await harness.Flow()
            .Send(EngineHarness.Submit(new { cardId, size = "large" }))
            .AssertReply(a => Assert.Equal("Please use the form.", FakeCardRenderer.TextOf(a)))
            .StartTestAsync();
    }

    [Fact]
    public async Task AStaleSubmitLeavesTheQuestionAsItWas()
    {
        var harness = Ask();
        string? cardId = null;
        await harness.Flow().Send("start").AssertReply(a => cardId = FakeCardRenderer.CardIdOf(a)).StartTestAsync();
        await harness.Flow()
            .Send(EngineHarness.Submit(new { cardId = "older", colour = "red" })).AssertReply(Prompt<JObject>.StaleCardMessage)
            .StartTestAsync();
        await harness.Flow()
            .Send(EngineHarness.Submit(new { cardId, colour = "green" })).AssertReply("Got: green")
            .StartTestAsync();
    }
}
