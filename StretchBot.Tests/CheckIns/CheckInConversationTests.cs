using StretchBot.Dialogs.Safety;
using StretchBot.Dialogs.Triage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using StretchBot.CheckIns;
using StretchBot.Dialogs.CheckIns;
using StretchBot.Domain.Catalog;
using StretchBot.Domain.RedFlags;
using StretchBot.Domain.Swaps;
using StretchBot.Dialogs.Privacy;
using StretchBot.Tests.Triage;

namespace StretchBot.Tests.CheckIns;

/// <summary>
/// The week-later conversation end to end: the plan books a check-in, the real dispatcher sends it proactively
/// through the TestAdapter when the fake clock reaches it, the user answers, and the swap rule runs.
/// </summary>
public class CheckInConversationTests
{
    private static readonly StretchCatalog Catalog = StretchCatalog.LoadEmbedded();

    [Fact]
    public async Task AWeekLaterTheCheckInArrivesAndAWorseStretchIsSwappedWhileTheRestAreKept()
    {
        using var harness = new ConversationHarness();
        var plan = await GivePlanAsync(harness);
        var worse = plan[0];

        harness.Time.Advance(TimeSpan.FromDays(7));
        Assert.Equal(1, await Dispatcher(harness).DispatchDueAsync(CancellationToken.None));
        var checkIn = harness.Driver.Collect();
        Assert.True(checkIn.Mentions(CheckInCard.Title));
        foreach (var id in plan)
        {
            Assert.True(checkIn.Mentions(Catalog.Get(id).Name));
        }

        var inputs = plan.ToDictionary(id => CheckInCard.FeedbackPrefix + id, id => id == worse ? "Worse" : "Better");
        inputs[CheckInCard.PainKey] = "3";
        inputs[CheckInCard.RedFlagsKey] = CheckInCard.NoRedFlags;
        inputs[CheckInCard.LegSymptomsKey] = CheckInCard.NoLegChange;
        var outcome = await harness.Driver.ClickAsync("Send", inputs);

        Assert.True(outcome.Mentions($"The {Catalog.Get(worse).Name} made things worse"));
        var replacement = Assert.Single(outcome.StretchNames);
        Assert.DoesNotContain(replacement, plan.Select(id => Catalog.Get(id).Name));
        foreach (var kept in plan.Skip(1))
        {
            Assert.True(outcome.Mentions(Catalog.Get(kept).Name));
        }

        Assert.True(outcome.Mentions("I'll check in again on Tuesday 8 December"));
        var profile = (await harness.ReadProfileAsync())!;
        Assert.DoesNotContain(worse, profile.CurrentPlan!.StretchIds);
        Assert.Contains(worse, profile.FoundWorse);
        Assert.Equal(plan.Count, profile.CurrentPlan.Stretches.Count);
        var next = await harness.CheckIns.GetPendingAsync(harness.UserKey, CancellationToken.None);
        Assert.Equal(ConversationHarness.Start.AddDays(14), next!.DueUtc);
    }

    [Fact]
    public async Task ACheckInIsNotSentBeforeItIsDueAndIsSentExactlyOnce()
    {
        using var harness = new ConversationHarness();
        await GivePlanAsync(harness);
        var dispatcher = Dispatcher(harness);

        harness.Time.Advance(TimeSpan.FromDays(7) - TimeSpan.FromMinutes(1));
        Assert.Equal(0, await dispatcher.DispatchDueAsync(CancellationToken.None));
        Assert.Empty(harness.Driver.Collect().Activities);

        harness.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, await dispatcher.DispatchDueAsync(CancellationToken.None));
        Assert.Equal(0, await dispatcher.DispatchDueAsync(CancellationToken.None));
        Assert.Single(harness.Driver.Collect().Cards);
    }

    [Fact]
    public async Task ARepeatedDeliveryOfTheSameCheckInIsNotShownTwice()
    {
        using var harness = new ConversationHarness();
        await GivePlanAsync(harness);
        var pending = (await harness.CheckIns.GetPendingAsync(harness.UserKey, CancellationToken.None))!;
        var delivery = harness.Services.GetRequiredService<ICheckInDelivery>();
        var reference = harness.Adapter.Conversation;
        var due = new DueCheckIn(pending.Id, harness.UserKey, CheckInMessageKind.CheckIn);

        await harness.Adapter.ContinueConversationAsync("bot", reference, (tc, ct) => delivery.DeliverAsync(tc, due, ct), CancellationToken.None);
        Assert.True(harness.Driver.Collect().Mentions(CheckInCard.Title));

        await harness.Adapter.ContinueConversationAsync("bot", reference, (tc, ct) => delivery.DeliverAsync(tc, due, ct), CancellationToken.None);
        Assert.Empty(harness.Driver.Collect().Activities);
    }

    [Fact]
    public async Task ATypedCheckInWorksAndWhatIsMissingIsAskedOneQuestionAtATime()
    {
        using var harness = new ConversationHarness();
        var plan = await GivePlanAsync(harness, new TriageScripts.Symptoms(Diagnoses: "DiscBulgeOrProlapse"));
        Assert.Equal(StretchIds.Cobra, plan[0]);
        harness.Time.Advance(TimeSpan.FromDays(7));
        await Dispatcher(harness).DispatchDueAsync(CancellationToken.None);
        harness.Driver.Collect();

        var readBack = await harness.Driver.SendAsync("the cobra made it worse");
        Assert.True(readBack.Mentions("Here's what I understood: Cobra: worse."));
        var next = await harness.Driver.SendAsync("yes");
        Assert.True(next.Mentions(CheckInDialog.RedFlagQuestion), "the warning signs come first");
        next = await harness.Driver.SendAsync("none of these");
        Assert.True(next.Mentions($"How did the {Catalog.Get(plan[1]).Name} go this week?"));

        foreach (var _ in plan.Skip(1))
        {
            next = await harness.Driver.SendAsync("better");
        }

        Assert.True(next.Mentions("your back pain right now"));
        next = await harness.Driver.SendAsync("about 3/10");
        Assert.True(next.Mentions(CheckInDialog.LegSymptomsQuestion));
        var outcome = await harness.Driver.SendAsync("no change");

        Assert.True(outcome.Mentions("The Cobra made things worse"));
        Assert.Single(outcome.StretchCards);
        var profile = (await harness.ReadProfileAsync())!;
        Assert.Equal(Feedback.Worse, profile.LastFeedback[StretchIds.Cobra]);
        Assert.Equal(3, profile.Answers.PainNow);
    }

    [Fact]
    public async Task AnEmptyCheckInSubmitAsksOnlyWhatIsMissingNeverTheWholeCardAgain()
    {
        using var harness = new ConversationHarness();
        var plan = await AtTheCheckInAsync(harness);

        var empty = await harness.Driver.ClickAsync("Send", plan.ToDictionary(id => CheckInCard.FeedbackPrefix + id, _ => string.Empty));

        Assert.True(empty.Mentions(CheckInDialog.NothingFilledInMessage));
        Assert.True(empty.Mentions(CheckInDialog.RedFlagQuestion));
        var first = await harness.Driver.ClickAsync("None of these");
        Assert.True(first.Mentions($"How did the {Catalog.Get(plan[0]).Name} go this week?"));
        Assert.False(empty.Mentions(CheckInCard.Title), "the whole check-in card was sent again");
        Assert.DoesNotContain(empty.Cards, c => c.SelectTokens("$..[?(@.type == 'Input.ChoiceSet')]").Count() > 1);
    }

    [Fact]
    public async Task ACheckInWithOnlyTheStretchesFilledInAsksForTheSafetySignsPainAndLegsAlone()
    {
        using var harness = new ConversationHarness();
        var plan = await AtTheCheckInAsync(harness);

        var signs = await harness.Driver.ClickAsync("Send", plan.ToDictionary(id => CheckInCard.FeedbackPrefix + id, _ => "Better"));
        Assert.True(signs.Mentions(CheckInDialog.RedFlagQuestion));
        Assert.False(signs.Mentions(CheckInCard.Title));

        var pain = await harness.Driver.ClickAsync("None of these");
        Assert.True(pain.Mentions("your back pain right now"));
        var legs = await harness.Driver.SendAsync("2");
        Assert.True(legs.Mentions(CheckInDialog.LegSymptomsQuestion));
        var outcome = await harness.Driver.ClickAsync("No change, or no leg symptoms");
        Assert.True(outcome.Mentions("I'll check in again on"));
        Assert.Equal(2, (await harness.ReadProfileAsync())!.Answers.PainNow);
    }

    [Fact]
    public async Task ARedFlagAtTheCheckInStopsThePlanAndTheCheckIns()
    {
        using var harness = new ConversationHarness();
        var plan = await AtTheCheckInAsync(harness);

        var inputs = plan.ToDictionary(id => CheckInCard.FeedbackPrefix + id, _ => "Same");
        inputs[CheckInCard.PainKey] = "4";
        inputs[CheckInCard.RedFlagsKey] = RedFlagIds.BowelControl;
        inputs[CheckInCard.LegSymptomsKey] = CheckInCard.NoLegChange;
        var outcome = await harness.Driver.ClickAsync("Send", inputs);

        Assert.True(outcome.Mentions(SafetyStop.EmergencyAction));
        Assert.Empty(outcome.StretchCards);
        Assert.Null((await harness.ReadProfileAsync())!.CurrentPlan);
        Assert.Null(await harness.CheckIns.GetPendingAsync(harness.UserKey, CancellationToken.None));
    }

    [Fact]
    public async Task AWarningSignTickedOnAnOtherwiseEmptyCheckInStopsAtOnce()
    {
        using var harness = new ConversationHarness();
        var plan = await AtTheCheckInAsync(harness);

        var outcome = await harness.Driver.ClickAsync("Send", new Dictionary<string, string> { [CheckInCard.RedFlagsKey] = RedFlagIds.BowelControl });

        Assert.True(outcome.Mentions(SafetyStop.EmergencyAction), outcome.AllText);
        Assert.False(outcome.Mentions($"How did the {Catalog.Get(plan[0]).Name} go"), "asked about a stretch before the emergency advice");
        Assert.Null((await harness.ReadProfileAsync())!.CurrentPlan);
    }

    [Fact]
    public async Task PainUpTwoPointsAdvisesAClinician()
    {
        using var harness = new ConversationHarness();
        var plan = await AtTheCheckInAsync(harness, new TriageScripts.Symptoms(Pain: 4));

        var inputs = plan.ToDictionary(id => CheckInCard.FeedbackPrefix + id, _ => "Same");
        inputs[CheckInCard.PainKey] = "6";
        inputs[CheckInCard.RedFlagsKey] = CheckInCard.NoRedFlags;
        inputs[CheckInCard.LegSymptomsKey] = CheckInCard.NoLegChange;
        var outcome = await harness.Driver.ClickAsync("Send", inputs);

        Assert.True(outcome.Mentions(SwapRule.PainRoseAdvice));
    }

    [Fact]
    public async Task ATamperedCheckInCardIsAskedAgainAndChangesNothing()
    {
        using var harness = new ConversationHarness();
        await GivePlanAsync(harness);
        harness.Time.Advance(TimeSpan.FromDays(7));
        await Dispatcher(harness).DispatchDueAsync(CancellationToken.None);
        harness.Driver.Collect();

        var outcome = await harness.Driver.ClickAsync("Send", new Dictionary<string, string> { [CheckInCard.FeedbackPrefix + "not-in-the-plan"] = "Worse", [CheckInCard.PainKey] = "99" });

        Assert.True(outcome.Mentions("Please fill in the card"));
        Assert.Empty((await harness.ReadProfileAsync())!.FoundWorse);
    }

    [Fact]
    public async Task AnUnansweredCheckInGetsOneGentleReminderAfterTwoDaysAndThenNothing()
    {
        using var harness = new ConversationHarness();
        await GivePlanAsync(harness);
        var dispatcher = Dispatcher(harness);
        harness.Time.Advance(TimeSpan.FromDays(7));
        await dispatcher.DispatchDueAsync(CancellationToken.None);
        var original = harness.Driver.Collect();

        harness.Time.Advance(TimeSpan.FromDays(2) - TimeSpan.FromMinutes(1));
        Assert.Equal(0, await dispatcher.DispatchDueAsync(CancellationToken.None));
        harness.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, await dispatcher.DispatchDueAsync(CancellationToken.None));
        var reminder = harness.Driver.Collect();
        Assert.True(reminder.Mentions(CheckInDelivery.ReminderMessage));
        Assert.True(reminder.Mentions(CheckInCard.Title));

        harness.Time.Advance(TimeSpan.FromDays(30));
        Assert.Equal(0, await dispatcher.DispatchDueAsync(CancellationToken.None));
        Assert.Empty(harness.Driver.Collect().Activities);

        // The card from the original check-in still works: the reminder asked the same question again.
        var answered = await harness.Driver.ClickOnAsync(original, "Send", new Dictionary<string, string> { [CheckInCard.PainKey] = "2", [CheckInCard.RedFlagsKey] = CheckInCard.NoRedFlags, [CheckInCard.LegSymptomsKey] = CheckInCard.NoLegChange });
        Assert.False(answered.Mentions("earlier question"));
    }

    [Fact]
    public async Task AnAnsweredCheckInGetsNoReminder()
    {
        using var harness = new ConversationHarness();
        var plan = await GivePlanAsync(harness);
        var dispatcher = Dispatcher(harness);
        harness.Time.Advance(TimeSpan.FromDays(7));
        await dispatcher.DispatchDueAsync(CancellationToken.None);
        harness.Driver.Collect();
        var inputs = plan.ToDictionary(id => CheckInCard.FeedbackPrefix + id, _ => "Better");
        inputs[CheckInCard.PainKey] = "2";
        inputs[CheckInCard.RedFlagsKey] = CheckInCard.NoRedFlags;
        inputs[CheckInCard.LegSymptomsKey] = CheckInCard.NoLegChange;
        await harness.Driver.ClickAsync("Send", inputs);

        harness.Time.Advance(TimeSpan.FromDays(3));
        Assert.Equal(0, await dispatcher.DispatchDueAsync(CancellationToken.None));
        Assert.Empty(harness.Driver.Collect().Activities);
    }

    [Fact]
    public async Task StopCheckInsCancelsWhatIsPending()
    {
        using var harness = new ConversationHarness();
        await GivePlanAsync(harness);

        var stopped = await harness.Driver.SendAsync("stop check-ins");

        Assert.True(stopped.Mentions(Dialogs.Commands.GlobalCommands.CheckInsStoppedMessage));
        Assert.Null(await harness.CheckIns.GetPendingAsync(harness.UserKey, CancellationToken.None));
        harness.Time.Advance(TimeSpan.FromDays(8));
        Assert.Equal(0, await Dispatcher(harness).DispatchDueAsync(CancellationToken.None));
    }

    [Fact]
    public async Task StartingOverReplacesTheScheduleAndNeverLeavesTwo()
    {
        using var harness = new ConversationHarness();
        await GivePlanAsync(harness);
        var first = (await harness.CheckIns.GetPendingAsync(harness.UserKey, CancellationToken.None))!;

        harness.Time.Advance(TimeSpan.FromDays(1));
        await harness.Driver.SendAsync("start over");
        await harness.Driver.ClickAsync("None of these");
        await harness.Driver.ClickAsync("None of these");
        var plan = await TriageScripts.AnswerTriageAsync(harness.Driver, new TriageScripts.Symptoms());
        await harness.Driver.ClickOnAsync(plan, plan.Cards.Last()["actions"]![0]!["title"]!.ToString());

        var second = (await harness.CheckIns.GetPendingAsync(harness.UserKey, CancellationToken.None))!;
        Assert.NotEqual(first.Id, second.Id);
        harness.Time.Advance(TimeSpan.FromDays(30));
        Assert.Equal(1, await Dispatcher(harness).DispatchDueAsync(CancellationToken.None));
    }

    [Fact]
    public async Task DeleteMyDataLeavesNothingForThatUserInStorageAndCancelsTheSchedule()
    {
        using var harness = new ConversationHarness();
        await GivePlanAsync(harness);

        var asked = await harness.Driver.SendAsync("delete my data");
        Assert.True(asked.Mentions(DeleteDataDialog.Question));
        var done = await harness.Driver.ClickAsync("Yes, delete everything");

        Assert.True(done.Mentions(DeleteDataDialog.DeletedMessage));
        var userKey = Dialogs.State.StretchBotUserState.StorageKeyFor(harness.UserKey);
        var conversationKey = $"{harness.Adapter.Conversation.ChannelId}/conversations/{harness.Adapter.Conversation.Conversation.Id}";
        Assert.Empty(await harness.Storage.ReadAsync(new[] { userKey, conversationKey }));
        Assert.Null(await harness.CheckIns.GetPendingAsync(harness.UserKey, CancellationToken.None));
        harness.Time.Advance(TimeSpan.FromDays(8));
        Assert.Equal(0, await Dispatcher(harness).DispatchDueAsync(CancellationToken.None));
    }

    [Fact]
    public async Task DeleteMyDataAlsoClearsTheUsersOtherConversations()
    {
        using var harness = new ConversationHarness();
        var otherChat = new Microsoft.Bot.Builder.Adapters.TestAdapter(Microsoft.Bot.Builder.Adapters.TestAdapter.CreateConversation("conversation-2", "user-1", "stretchbot"));
        var other = new ConversationDriver(otherChat, harness.Services.GetRequiredService<Microsoft.Bot.Builder.IBot>());
        await other.SendAsync("hi");
        await other.ClickAsync("Yes, I've checked");
        var otherKey = $"{otherChat.Conversation.ChannelId}/conversations/conversation-2";
        Assert.NotEmpty(await harness.Storage.ReadAsync(new[] { otherKey }));

        await harness.Driver.SendAsync("delete my data");
        await harness.Driver.ClickAsync("Yes, delete everything");

        Assert.Empty(await harness.Storage.ReadAsync(new[] { otherKey }));
    }

    [Fact]
    public async Task SayingNoToDeleteKeepsEverythingAndReturnsToTheOpenQuestion()
    {
        using var harness = new ConversationHarness();
        await TriageScripts.ThroughSafetyQuestionsAsync(harness.Driver);

        await harness.Driver.SendAsync("delete my data");
        var kept = await harness.Driver.ClickAsync("No, keep it");

        Assert.True(kept.Mentions(DeleteDataDialog.KeptMessage));
        Assert.True(kept.Mentions(Dialogs.Triage.TriageQuestions.Pain));
        Assert.True((await harness.ReadProfileAsync())!.Answers.ConsentConfirmed);
    }

    /// <summary>Consent, no red flags, triage, the default check-in a week on; returns the plan's stretch ids.</summary>
    private static async Task<List<string>> GivePlanAsync(ConversationHarness harness, TriageScripts.Symptoms? symptoms = null)
    {
        await TriageScripts.ThroughSafetyQuestionsAsync(harness.Driver);
        var plan = await TriageScripts.AnswerTriageAsync(harness.Driver, symptoms ?? new TriageScripts.Symptoms());
        await harness.Driver.ClickAsync(plan.Cards.Last()["actions"]![0]!["title"]!.ToString());
        return plan.StretchNames.Select(name => Catalog.Stretches.Single(s => s.Name == name).Id).ToList();
    }

    /// <summary>A plan given, a week gone by and the check-in delivered; returns the plan's stretch ids.</summary>
    private static async Task<List<string>> AtTheCheckInAsync(ConversationHarness harness, TriageScripts.Symptoms? symptoms = null)
    {
        var plan = await GivePlanAsync(harness, symptoms);
        harness.Time.Advance(TimeSpan.FromDays(7));
        await Dispatcher(harness).DispatchDueAsync(CancellationToken.None);
        harness.Driver.Collect();
        return plan;
    }

    private static CheckInDispatcher Dispatcher(ConversationHarness harness) => harness.NewDispatcher();
}
