using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;
using StretchBot.Dialogs.Engine.Prompts;

namespace StretchBot.Tests.Engine.Prompts;

/// <summary>
/// One live card at a time: once its question is answered, asked again or left, a prompt's card is updated in place
/// (UpdateActivity, with the id the channel gave it) to show the question and the answer, with nothing left to press.
/// </summary>
public class AnsweredCardTests
{
    private static readonly List<Choice> HowLong = new()
    {
        new("under6Weeks", "Less than 6 weeks", "recently"),
        new("6to12Weeks", "6 to 12 weeks", "a couple of months"),
    };

    private static EngineHarness Ask() => new(new PromptTestDialog(
        new ChoicePrompt(nameof(ChoicePrompt), cards: new FakeCardRenderer()),
        new PromptOptions { Prompt = "How long have you had this pain?", RetryPrompt = "Please pick one of the options.", Choices = HowLong },
        value => $"Got: {((FoundChoice)value!).Value}"));

    [Fact]
    public async Task AnAnsweredCardIsUpdatedInPlaceToShowTheAnswerAndNoButtons()
    {
        var harness = Ask();
        string? cardId = null;
        await harness.Flow().Send("start").AssertReply(a => cardId = FakeCardRenderer.CardIdOf(a)).StartTestAsync();
        var card = harness.Sent.Single(a => ((IMessageActivity)a).Attachments?.Count > 0);

        await harness.Flow().Send(EngineHarness.Submit(new { cardId, choice = "6to12Weeks" })).AssertReply("Got: 6to12Weeks").StartTestAsync();

        var update = Assert.Single(harness.Updates);
        var answered = ((IMessageActivity)update).Attachments.Single();
        Assert.Equal(AnsweredCards.TemplateName, answered.Name);
        var data = CardContent.Of(answered.Content);
        Assert.Equal("How long have you had this pain?", data["text"]!.ToString());
        Assert.Equal("6 to 12 weeks", data["answer"]!.ToString());
    }

    [Fact]
    public async Task ATypedAnswerShowsWhatItWasUnderstoodAs()
    {
        var harness = Ask();
        await harness.Flow().Send("start").AssertReply(_ => { }).Send("a couple of months").AssertReply("Got: 6to12Weeks").StartTestAsync();

        var data = CardContent.Of(((IMessageActivity)Assert.Single(harness.Updates)).Attachments.Single().Content);
        Assert.Equal("6 to 12 weeks", data["answer"]!.ToString());
    }

    [Fact]
    public async Task AskingAgainLeavesOnlyTheNewCardLive()
    {
        var harness = Ask();
        await harness.Flow()
            .Send("start").AssertReply(_ => { })
            .Send("purple").AssertReply(a => Assert.Equal("Please pick one of the options.", FakeCardRenderer.TextOf(a)))
            .StartTestAsync();

        var cards = harness.Sent.Where(a => ((IMessageActivity)a).Attachments?.Count > 0).ToList();
        Assert.Equal(2, cards.Count);
        var update = Assert.Single(harness.Updates);
        Assert.Equal(cards[0].Id, update.Id);
        Assert.Equal(AnsweredCards.AskedAgainNote, CardContent.Of(((IMessageActivity)update).Attachments.Single().Content)["note"]!.ToString());
    }

    [Fact]
    public async Task AStaleSubmitRetiresTheOldLiveCardAndSendsTheCurrentQuestionAsTheOneLiveCard()
    {
        var harness = Ask();
        await harness.Flow().Send("start").AssertReply(_ => { }).StartTestAsync();
        var first = harness.Sent.Single(a => ((IMessageActivity)a).Attachments?.Count > 0);

        await harness.Flow()
            .Send(EngineHarness.Submit(new { cardId = "an-old-card", choice = "under6Weeks" }))
            .AssertReply(Prompt<FoundChoice>.StaleCardMessage)
            .AssertReply(a => Assert.Equal("How long have you had this pain?", FakeCardRenderer.TextOf(a)))
            .StartTestAsync();

        Assert.Equal(first.Id, Assert.Single(harness.Updates).Id);
    }
}
