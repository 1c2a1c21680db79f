using StretchBot.Dialogs.Engine.Prompts;

namespace StretchBot.Tests.Engine.Prompts;

public class MultiChoicePromptTests
{
    private static readonly List<Choice> Diagnoses = new()
    {
        new("discBulge", "Disc bulge or prolapse", "disc", "slipped disc"),
        new("spinalStenosis", "Spinal stenosis", "stenosis"),
        new("arthritis", "Arthritis of the lower back", "arthritis"),
        new("none", "None or don't know", "none", "don't know"),
    };

    private static EngineHarness Ask() => new(new PromptTestDialog(
        new MultiChoicePrompt(nameof(MultiChoicePrompt), cards: new FakeCardRenderer()),
        new PromptOptions { Prompt = "Has a clinician told you what's causing it?", RetryPrompt = "Please tick any that apply.", Choices = Diagnoses },
        value => $"Got: {string.Join(",", (List<string>)value!)}"));

    [Fact]
    public async Task SeveralTypedAnswersAreAllTaken()
    {
        await Ask().Flow()
            .Send("start").AssertReply(_ => { })
            .Send("a slipped disc and arthritis").AssertReply("Got: discBulge,arthritis")
            .StartTestAsync();
    }

    [Fact]
    public async Task TickedBoxesAreTakenInOptionOrder()
    {
        var harness = Ask();
        string? cardId = null;
        await harness.Flow().Send("start").AssertReply(a => cardId = FakeCardRenderer.CardIdOf(a)).StartTestAsync();
        await harness.Flow()
            .Send(EngineHarness.Submit(new { cardId, choices = "arthritis,discBulge" })).AssertReply("Got: discBulge,arthritis")
            .StartTestAsync();
    }

    [Fact]
    public async Task AnUnknownTickedValueIsAskedAgain()
    {
        var harness = Ask();
        string? cardId = null;
        await harness.Flow().Send("start").AssertReply(a => cardId = FakeCardRenderer.CardIdOf(a)).StartTestAsync();
        await harness.Flow()
            .Send(EngineHarness.Submit(new { cardId, choices = "discBulge,<script>" }))
            .AssertReply(a => Assert.Equal("Please tick any that apply.", FakeCardRenderer.TextOf(a)))
            .StartTestAsync();
    }
}
