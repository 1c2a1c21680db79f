using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Newtonsoft.Json.Linq;
using StretchBot.CheckIns;
using StretchBot.Dialogs.CheckIns;
using StretchBot.Dialogs.Engine;
using StretchBot.Dialogs.State;
using StretchBot.Storage;
using StretchBot.Tests.Storage;
using StretchBot.Tests.Triage;

namespace StretchBot.Tests.State;

/// <summary>How a turn uses stored state: one read, at most one write, ETags still guarding against a lost race.</summary>
public sealed class TurnStateTests : IDisposable
{
    private readonly SqliteTestDatabase _file = new();

    public void Dispose() => _file.Dispose();

    [Fact]
    public async Task EveryTurnFromWelcomeToPlanAndTheCheckInReadsStateOnceAndWritesItAtMostOnce()
    {
        using var harness = new ConversationHarness();
        var bot = harness.Driver;
        var turns = new List<(string Turn, Func<Task> Run)>
        {
            ("welcome", () => bot.ConversationStartsAsync()),
            ("begin", () => bot.ClickAsync("Let's begin")),
            ("consent", () => bot.ClickAsync("Yes, I've checked")),
            ("red flags 1", () => bot.ClickAsync("None of these")),
            ("red flags 2", () => bot.ClickAsync("None of these")),
            ("typed pain", () => bot.SendAsync("about 4/10")),
            ("duration", () => bot.ClickAsync("6 to 12 weeks")),
            ("location", () => bot.ClickAsync("Lower back only")),
            ("worse with", () => bot.ClickAsync("Bending forward or sitting")),
            ("eased by", () => bot.ClickAsync("Neither, or not sure")),
            ("diagnoses", () => bot.ClickAsync("Done", new { choices = "NoneOrDontKnow" })),
            ("floor", () => bot.ClickAsync("Yes, I can")),
            ("sits", () => bot.ClickAsync("Yes")),
            ("runs", () => bot.ClickAsync("No")),
            ("age", () => bot.ClickAsync("20 to 50")),
            ("book", () => bot.ClickAsync(bot.Last.Cards.Last()["actions"]![0]!["title"]!.ToString())),
            ("my plan", () => bot.SendAsync("my plan")),
        };

        foreach (var (name, run) in turns)
        {
            harness.StorageCalls.Reset();
            await run();
            Assert.True(harness.StorageCalls.Reads == 1, $"{name}: {harness.StorageCalls.Reads} reads");
            Assert.True(harness.StorageCalls.Writes <= 1, $"{name}: {harness.StorageCalls.Writes} writes");
        }

        harness.Time.Advance(TimeSpan.FromDays(7));
        harness.StorageCalls.Reset();
        Assert.Equal(1, await harness.NewDispatcher().DispatchDueAsync(CancellationToken.None));
        Assert.Equal(1, harness.StorageCalls.Reads);
        Assert.Equal(1, harness.StorageCalls.Writes);
    }

    [Fact]
    public async Task ATurnThatChangesNothingWritesNothing()
    {
        using var harness = new ConversationHarness();
        await TriageScripts.ThroughSafetyQuestionsAsync(harness.Driver);
        var plan = await TriageScripts.AnswerTriageAsync(harness.Driver, new TriageScripts.Symptoms());
        await harness.Driver.ClickAsync(plan.Cards.Last()["actions"]![0]!["title"]!.ToString());
        harness.StorageCalls.Reset();

        Assert.NotEmpty((await harness.Driver.SendAsync("my plan")).StretchCards);

        Assert.Equal(1, harness.StorageCalls.Reads);
        Assert.Equal(0, harness.StorageCalls.Writes);
    }

    [Fact]
    public async Task AStaleSaveFromAnotherInstanceIsRefusedAndTheOtherSaveIsKept()
    {
        var instanceA = NewInstance(_file);
        var instanceB = NewInstance(_file);
        var turnA = Turn();
        var turnB = Turn();

        // Both instances read the same stored state; A saves its change first.
        var profileA = await instanceA.GetProfileAsync(turnA, CancellationToken.None);
        var profileB = await instanceB.GetProfileAsync(turnB, CancellationToken.None);
        profileA.CheckInsStopped = true;
        await instanceA.SaveChangesAsync(turnA, CancellationToken.None);
        profileB.FoundWorse.Add("cobra");

        await Assert.ThrowsAsync<StorageConcurrencyException>(() => instanceB.SaveChangesAsync(turnB, CancellationToken.None));

        var stored = await NewInstance(_file).GetProfileAsync(Turn(), CancellationToken.None);
        Assert.True(stored.CheckInsStopped);
        Assert.Empty(stored.FoundWorse);
    }

    [Fact]
    public async Task ConversationAndUserStateChangedInOneTurnAreWrittenTogetherOrNotAtAll()
    {
        var instanceA = NewInstance(_file);
        var instanceB = NewInstance(_file);
        var turnA = Turn();
        var turnB = Turn();
        await instanceA.GetProfileAsync(turnA, CancellationToken.None);
        await instanceB.GetProfileAsync(turnB, CancellationToken.None);
        (await instanceA.ConversationData.GetForUpdateAsync(turnA, () => new ConversationData(), CancellationToken.None)).WelcomeSent = true;
        (await instanceA.GetProfileAsync(turnA, CancellationToken.None)).CheckInsStopped = true;
        await instanceA.SaveChangesAsync(turnA, CancellationToken.None);

        // B changes both too, but its state is stale: neither of its rows may be written.
        (await instanceB.ConversationData.GetForUpdateAsync(turnB, () => new ConversationData(), CancellationToken.None)).WelcomeSent = false;
        (await instanceB.GetProfileAsync(turnB, CancellationToken.None)).FoundWorse.Add("cobra");
        await Assert.ThrowsAsync<StorageConcurrencyException>(() => instanceB.SaveChangesAsync(turnB, CancellationToken.None));

        var fresh = NewInstance(_file);
        var turn = Turn();
        Assert.True((await fresh.ConversationData.GetAsync(turn, () => new ConversationData(), CancellationToken.None)).WelcomeSent);
        Assert.Empty((await fresh.GetProfileAsync(turn, CancellationToken.None)).FoundWorse);
    }

    private static StateAccessors NewInstance(SqliteTestDatabase file)
    {
        var storage = file.NewStorage();
        var turnState = new TurnStateStore(storage);
        return new StateAccessors(new StretchBotConversationState(storage, turnState), new StretchBotUserState(storage, turnState), turnState);
    }

    private static TurnContext Turn() => new(
        new TestAdapter(),
        new Activity
        {
            Type = ActivityTypes.Message,
            ChannelId = "test",
            Conversation = new ConversationAccount { Id = "conversation-1" },
            From = new ChannelAccount { Id = "user-1" },
            Recipient = new ChannelAccount { Id = "bot" },
        });

}
