using Microsoft.Bot.Schema;
using Microsoft.Extensions.Time.Testing;
using StretchBot.Dialogs.Engine.Prompts;

namespace StretchBot.Tests.Engine.Prompts;

public class DateTimePromptTests
{
    // Tuesday 24 November 2026, 14:00 UTC.
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 14, 0, 0, TimeSpan.Zero);

    private static EngineHarness Ask(FakeTimeProvider time, List<Choice>? choices = null) => new(new PromptTestDialog(
        new DateTimePrompt(nameof(DateTimePrompt), time, cards: new FakeCardRenderer()),
        new PromptOptions { Prompt = "When shall I check in?", RetryPrompt = "Please give a day and time, like \"next Monday at 6pm\".", Choices = choices },
        value => $"Got: {(DateTimeOffset)value!:O}"));

    private static Activity Typed(string text, string zone, TimeSpan offset) => new()
    {
        Type = ActivityTypes.Message,
        Text = text,
        LocalTimezone = zone,
        LocalTimestamp = Now.ToOffset(offset),
    };

    [Fact]
    public async Task ATypedTimeIsReadOnTheUsersOwnClock()
    {
        var time = new FakeTimeProvider(Now);
        // 6pm on Monday 30 November in New York (UTC-5) is 23:00 UTC.
        await Ask(time).Flow()
            .Send("start").AssertReply(_ => { })
            .Send(Typed("next Monday at 6pm", "America/New_York", TimeSpan.FromHours(-5)))
            .AssertReply("Got: 2026-11-30T23:00:00.0000000+00:00")
            .StartTestAsync();
    }

    [Fact]
    public async Task TheSameWordsInAnotherTimeZoneGiveAnotherInstant()
    {
        var time = new FakeTimeProvider(Now);
        // 6pm on Monday 30 November in Kolkata (UTC+5:30) is 12:30 UTC.
        await Ask(time).Flow()
            .Send("start").AssertReply(_ => { })
            .Send(Typed("next Monday at 6pm", "Asia/Kolkata", new TimeSpan(5, 30, 0)))
            .AssertReply("Got: 2026-11-30T12:30:00.0000000+00:00")
            .StartTestAsync();
    }

    [Fact]
    public async Task AButtonPicksItsInstant()
    {
        var time = new FakeTimeProvider(Now);
        var nextWeek = DateTimePrompt.ChoiceValue(Now.AddDays(7));
        var harness = Ask(time, new List<Choice> { new(nextWeek, "Same time next week") });
        string? cardId = null;
        await harness.Flow().Send("start").AssertReply(a => cardId = FakeCardRenderer.CardIdOf(a)).StartTestAsync();
        await harness.Flow()
            .Send(EngineHarness.Submit(new { cardId, choice = nextWeek }))
            .AssertReply("Got: 2026-12-01T14:00:00.0000000+00:00")
            .StartTestAsync();
    }

    [Fact]
    public async Task AButtonStillWorksWhenTheChannelsJsonTurnedItsValueIntoADate()
    {
        var time = new FakeTimeProvider(Now);
        var nextWeek = DateTimePrompt.ChoiceValue(Now.AddDays(7));
        var harness = Ask(time, new List<Choice> { new(nextWeek, "Same time next week") });
        string? cardId = null;
        await harness.Flow().Send("start").AssertReply(a => cardId = FakeCardRenderer.CardIdOf(a)).StartTestAsync();

        // Bot Framework reads activities with Newtonsoft's default date handling.
        var value = Newtonsoft.Json.JsonConvert.DeserializeObject<Newtonsoft.Json.Linq.JObject>($"{{\"cardId\":\"{cardId}\",\"choice\":\"{nextWeek}\"}}");
        await harness.Flow()
            .Send(new Activity { Type = ActivityTypes.Message, Value = value })
            .AssertReply("Got: 2026-12-01T14:00:00.0000000+00:00")
            .StartTestAsync();
    }

    [Fact]
    public async Task ATimeInThePastIsAskedAgain()
    {
        var time = new FakeTimeProvider(Now);
        await Ask(time).Flow()
            .Send("start").AssertReply(_ => { })
            .Send(Typed("last Monday at 6pm", "Europe/London", TimeSpan.Zero))
            .AssertReply(a => Assert.StartsWith("Please give a day and time", FakeCardRenderer.TextOf(a)))
            .StartTestAsync();
    }
}
