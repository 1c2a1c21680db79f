using StretchBot.Dialogs.Safety;
using StretchBot.Domain.Catalog;
using StretchBot.Domain.RedFlags;
using StretchBot.Dialogs.Triage;
using static StretchBot.Tests.TestSupport.TriageScripts;

namespace StretchBot.Tests.Triage;

/// <summary>Paths where a plan must never appear or survive: each one was found in review and is kept fixed here.</summary>
public class SafetyRegressionTests
{
    private static readonly StretchCatalog Catalog = StretchCatalog.LoadEmbedded();

    [Theory]
    [InlineData("nothing except new trouble peeing")]
    [InlineData("not really, but both my legs are numb")]
    [InlineData("none apart from leaking")]
    [InlineData("no, apart from my foot dragging")]
    public async Task ATypedNoThatNamesAnEmergencySignIsAnEmergency(string typed)
    {
        using var harness = new ConversationHarness();
        await harness.Driver.SendAsync("hi");
        await harness.Driver.ClickAsync("Yes, I've checked");

        var reply = await harness.Driver.SendAsync(typed);

        Assert.True(reply.Mentions(SafetyStop.EmergencyAction), reply.AllText);
        Assert.Empty(reply.StretchCards);
    }

    [Theory]
    [InlineData("no, except my back really aches")]
    [InlineData("none but sometimes")]
    public async Task ATypedNoWithAQualifierIsAskedAgainNotTakenAsNone(string typed)
    {
        using var harness = new ConversationHarness();
        await harness.Driver.SendAsync("hi");
        await harness.Driver.ClickAsync("Yes, I've checked");

        var reply = await harness.Driver.SendAsync(typed);

        Assert.True(reply.Mentions("Please tick any that apply"), reply.AllText);
        Assert.False(reply.Mentions("A few more"));
    }

    [Fact]
    public async Task NoneOfTheseWithABoxTickedIsAskedAgain()
    {
        using var harness = new ConversationHarness();
        await harness.Driver.SendAsync("hi");
        var card = await harness.Driver.ClickAsync("Yes, I've checked");

        // The button must send the card's ticks along (no associatedInputs "none"), so the bot can see the conflict.
        var noneButton = card.Cards.SelectMany(c => c.SelectTokens("$..[?(@.type == 'Action.Submit')]")).Single(a => a["title"]!.ToString() == "None of these");
        Assert.Null(noneButton["associatedInputs"]);
        var reply = await harness.Driver.ClickAsync("None of these", new Dictionary<string, string> { [RedFlagIds.BladderChange] = "true" });

        Assert.True(reply.Mentions("Please tick any that apply"), reply.AllText);
        Assert.False((await harness.ReadProfileAsync())!.Answers.RedFlagAnswers.ContainsKey(RedFlagIds.BladderChange));
    }

    [Fact]
    public async Task PainInBothLegsAfterAPlanWithdrawsThePlanAndTheCheckIn()
    {
        using var harness = new ConversationHarness();
        await GivePlanAsync(harness, new Symptoms());
        await harness.Driver.SendAsync("start over");
        await harness.Driver.ClickAsync("None of these");
        await harness.Driver.ClickAsync("None of these");
        await harness.Driver.ClickAsync("4");
        await harness.Driver.ClickAsync("6 to 12 weeks");

        await harness.Driver.ClickAsync("Down both legs");
        var stopped = await harness.Driver.ClickAsync("Yes, new or getting worse");

        Assert.True(stopped.Mentions(SafetyStop.EmergencyAction));
        Assert.Null((await harness.ReadProfileAsync())!.CurrentPlan);
        Assert.Null(await harness.CheckIns.GetPendingAsync(harness.UserKey, CancellationToken.None));
        Assert.True((await harness.Driver.SendAsync("my plan")).Mentions("There's no plan because you told me about new or worsening pain, numbness or weakness in both legs"));
    }

    [Fact]
    public async Task AStretchFoundWorseIsNotOfferedAgainAfterStartingOver()
    {
        using var harness = new ConversationHarness();
        var plan = await GivePlanAsync(harness, new Symptoms(Diagnoses: "DiscBulgeOrProlapse"));
        Assert.Equal(StretchIds.Cobra, plan[0]);
        await CheckInAsync(harness, plan, id => id == StretchIds.Cobra ? "Worse" : "Better");

        await harness.Driver.SendAsync("start over");
        await harness.Driver.ClickAsync("None of these");
        await harness.Driver.ClickAsync("None of these");
        var again = await AnswerTriageAsync(harness.Driver, new Symptoms(Diagnoses: "DiscBulgeOrProlapse"));

        Assert.DoesNotContain("Cobra", again.StretchNames);
        Assert.DoesNotContain("Standing extension", again.StretchNames);
        Assert.InRange(again.StretchCards.Count, 1, 3);
    }

    [Fact]
    public async Task AnUnfinishedStartOverDoesNotStripTheCheckInOfTheUsersDiagnoses()
    {
        using var harness = new ConversationHarness();
        var plan = await GivePlanAsync(harness, new Symptoms(WorseWith: "Neither, or not sure", Diagnoses: "Osteoporosis", Floor: "No, or not sure"));
        await harness.Driver.SendAsync("start over");

        var outcome = await CheckInAsync(harness, plan, _ => "Worse");

        foreach (var name in outcome.StretchNames)
        {
            var stretch = Catalog.Stretches.Single(s => s.Name == name);
            Assert.DoesNotContain(StretchBot.Domain.Triage.Diagnosis.Osteoporosis, stretch.AvoidIf);
            Assert.False(stretch.NeedsFloor, $"{name} needs the floor");
        }
    }

    [Fact]
    public async Task NewPainOverFiftyAsksForAClinicianBeforeAnyPlan()
    {
        using var harness = new ConversationHarness();
        await ThroughSafetyQuestionsAsync(harness.Driver);

        var asked = await AnswerTriageAsync(harness.Driver, new Symptoms(Duration: "Less than 6 weeks", Age: "Over 65"));
        Assert.True(asked.Mentions(TriageDialog.NewPainAtThisAgeMessage));
        Assert.True(asked.Mentions(RedFlagCards.ClearedQuestion));
        Assert.Empty(asked.StretchCards);

        var stopped = await harness.Driver.ClickAsync("No, not yet");
        Assert.True(stopped.Mentions(SafetyStop.SeeDoctorAction));
        Assert.Empty(stopped.StretchCards);
    }

    [Fact]
    public async Task NewPainOverFiftyAlreadyClearedByAClinicianGetsAPlan()
    {
        using var harness = new ConversationHarness();
        await ThroughSafetyQuestionsAsync(harness.Driver);
        await AnswerTriageAsync(harness.Driver, new Symptoms(Duration: "Less than 6 weeks", Age: "51 to 65"));

        var plan = await harness.Driver.ClickAsync("Yes, they have");

        Assert.InRange(plan.StretchCards.Count, 1, 3);
    }

    [Fact]
    public async Task ACheckInArrivingMidConversationLeavesTheOpenQuestionToComeBackTo()
    {
        using var harness = new ConversationHarness();
        var plan = await GivePlanAsync(harness, new Symptoms());
        await harness.Driver.SendAsync("start over");
        await harness.Driver.ClickAsync("None of these");
        await harness.Driver.ClickAsync("None of these");

        var outcome = await CheckInAsync(harness, plan, _ => "Better");

        Assert.True(outcome.Mentions("Keep going with"));
        Assert.True(outcome.Mentions(TriageQuestions.Pain), "the interrupted question is asked again");
    }

    private static async Task<List<string>> GivePlanAsync(ConversationHarness harness, Symptoms symptoms)
    {
        await ThroughSafetyQuestionsAsync(harness.Driver);
        var plan = await AnswerTriageAsync(harness.Driver, symptoms);
        await harness.Driver.ClickAsync(plan.Cards.Last()["actions"]![0]!["title"]!.ToString());
        return plan.StretchNames.Select(name => Catalog.Stretches.Single(s => s.Name == name).Id).ToList();
    }

    /// <summary>A week on, the check-in arrives and is answered on its card; returns the outcome.</summary>
    private static async Task<Replies> CheckInAsync(ConversationHarness harness, List<string> plan, Func<string, string> feedback)
    {
        harness.Time.Advance(TimeSpan.FromDays(7));
        var pending = (await harness.CheckIns.GetPendingAsync(harness.UserKey, CancellationToken.None))!;
        var delivery = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Dialogs.CheckIns.ICheckInDelivery>(harness.Services);
        var due = new Dialogs.CheckIns.DueCheckIn(pending.Id, harness.UserKey, Dialogs.CheckIns.CheckInMessageKind.CheckIn);
        await harness.Adapter.ContinueConversationAsync("bot", harness.Adapter.Conversation, (tc, ct) => delivery.DeliverAsync(tc, due, ct), CancellationToken.None);
        var card = harness.Driver.Collect();

        var inputs = plan.ToDictionary(id => Dialogs.CheckIns.CheckInCard.FeedbackPrefix + id, feedback);
        inputs[Dialogs.CheckIns.CheckInCard.PainKey] = "4";
        inputs[Dialogs.CheckIns.CheckInCard.RedFlagsKey] = Dialogs.CheckIns.CheckInCard.NoRedFlags;
        inputs[Dialogs.CheckIns.CheckInCard.LegSymptomsKey] = Dialogs.CheckIns.CheckInCard.NoLegChange;
        return await harness.Driver.ClickOnAsync(card, "Send", inputs);
    }
}
