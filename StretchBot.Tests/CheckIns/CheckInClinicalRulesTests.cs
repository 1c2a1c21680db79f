using StretchBot.Dialogs.CheckIns;
using StretchBot.Domain.Catalog;
using StretchBot.Domain.RedFlags;
using StretchBot.Domain.Swaps;
using StretchBot.Dialogs.Safety;
using StretchBot.Tests.Triage;
using static StretchBot.Tests.TestSupport.CheckInSteps;

namespace StretchBot.Tests.CheckIns;

/// <summary>The check-in's clinical rules end to end: which signs it asks, clearance, pain over time, leg symptoms, swaps.</summary>
public class CheckInClinicalRulesTests
{
    private static readonly StretchCatalog Catalog = StretchCatalog.LoadEmbedded();

    [Fact]
    public async Task TheCheckInAsksOnlyAboutSignsThatCanStartBetweenCheckIns()
    {
        using var harness = new ConversationHarness();
        await GivePlanAsync(harness);
        var card = await NextCheckInAsync(harness);

        Assert.False(card.Mentions(RedFlagCatalog.Get(RedFlagIds.CancerHistory).ShortForm));
        Assert.False(card.Mentions(RedFlagCatalog.Get(RedFlagIds.AgeAtOnset).ShortForm));
        Assert.True(card.Mentions(RedFlagCatalog.Get(RedFlagIds.ChestPain).ShortForm));
        Assert.True(card.Mentions(CheckInDialog.LegSymptomsQuestion.Replace("How are your leg symptoms compared with last time?", "Your leg symptoms compared with last time", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task NoneOfTheseTickedWithASignAsksTheSignsAgainOnTheirOwn()
    {
        using var harness = new ConversationHarness();
        var plan = await GivePlanAsync(harness);
        await NextCheckInAsync(harness);
        var inputs = CardInputs(plan, _ => "Better", 3);
        inputs[CheckInCard.RedFlagsKey] = $"{CheckInCard.NoRedFlags},{RedFlagIds.Fever}";

        var asked = await harness.Driver.ClickAsync("Send", inputs);

        Assert.True(asked.Mentions(CheckInDialog.RedFlagQuestion));
        Assert.False(asked.Mentions("I'll check in again"));
    }

    [Fact]
    public async Task ASeeADoctorSignAClinicianHasClearedLetsTheCheckInCarryOnGently()
    {
        using var harness = new ConversationHarness();
        var plan = await GivePlanAsync(harness);
        await NextCheckInAsync(harness);
        var inputs = CardInputs(plan, id => id == plan[0] ? "Worse" : "Better", 3);
        inputs[CheckInCard.RedFlagsKey] = RedFlagIds.Fever;

        var asked = await harness.Driver.ClickAsync("Send", inputs);
        Assert.True(asked.Mentions(RedFlagCards.ClearedQuestion));
        var outcome = await harness.Driver.ClickAsync("Yes, they have");

        Assert.True(outcome.Mentions(RedFlagCards.ClearedMessage));
        Assert.True(outcome.Mentions("I'll check in again"));
        var replacement = Catalog.Stretches.Single(s => s.Name == Assert.Single(outcome.StretchNames));
        Assert.True(replacement.Gentle && !replacement.NeedsFloor, replacement.Id);
    }

    [Fact]
    public async Task ASeeADoctorSignNotYetCheckedStopsThePlan()
    {
        using var harness = new ConversationHarness();
        var plan = await GivePlanAsync(harness);
        await NextCheckInAsync(harness);
        var inputs = CardInputs(plan, _ => "Better", 3);
        inputs[CheckInCard.RedFlagsKey] = RedFlagIds.WorseCoughingOrSneezing;

        await harness.Driver.ClickAsync("Send", inputs);
        var stopped = await harness.Driver.ClickAsync("No, not yet");

        Assert.True(stopped.Mentions(SafetyStop.SeeDoctorAction));
        Assert.Null((await harness.ReadProfileAsync())!.CurrentPlan);
    }

    [Fact]
    public async Task PainIsComparedWithTheLastCheckInAsWellAsTheStart()
    {
        using var harness = new ConversationHarness();
        var plan = await GivePlanAsync(harness); // pain 4 at the start
        await NextCheckInAsync(harness);
        await harness.Driver.ClickAsync("Send", CardInputs(plan, _ => "Better", 2));
        await NextCheckInAsync(harness);

        var outcome = await harness.Driver.ClickAsync("Send", CardInputs(plan, _ => "Better", 4));

        Assert.True(outcome.Mentions(SwapRule.PainRoseSinceLastAdvice));
        Assert.False(outcome.Mentions(SwapRule.PainRoseAdvice));
    }

    [Fact]
    public async Task SymptomsSpreadingDownTheLegStopTheStretchThatBroughtThemOn()
    {
        using var harness = new ConversationHarness();
        var plan = await GivePlanAsync(harness, new TriageScripts.Symptoms(Location: "Down one leg", Diagnoses: "DiscBulgeOrProlapse"));
        await NextCheckInAsync(harness);
        var inputs = CardInputs(plan, _ => "Same", 4);
        inputs[CheckInCard.LegSymptomsKey] = nameof(SymptomChange.FurtherDownLeg);

        var asked = await harness.Driver.ClickAsync("Send", inputs);
        Assert.True(asked.Mentions(CheckInDialog.LinkedStretchQuestion));
        var outcome = await harness.Driver.ClickAsync(Catalog.Get(plan[0]).Name);

        Assert.True(outcome.Mentions($"The {Catalog.Get(plan[0]).Name} made things worse"));
        Assert.True(outcome.Mentions(SwapRule.SymptomsSpreadAdvice));
        Assert.Contains(plan[0], (await harness.ReadProfileAsync())!.FoundWorse);
    }

    [Fact]
    public async Task LegSymptomsMovingBackTowardsTheBackAreGoodNews()
    {
        using var harness = new ConversationHarness();
        var plan = await GivePlanAsync(harness, new TriageScripts.Symptoms(Location: "Down one leg"));
        await NextCheckInAsync(harness);
        var inputs = CardInputs(plan, _ => "Better", 3);
        inputs[CheckInCard.LegSymptomsKey] = nameof(SymptomChange.CloserToBack);

        Assert.True((await harness.Driver.ClickAsync("Send", inputs)).Mentions(SwapRule.CloserToBackNews));
    }

    [Fact]
    public async Task SymptomsNowInBothLegsAreAnEmergency()
    {
        using var harness = new ConversationHarness();
        var plan = await GivePlanAsync(harness, new TriageScripts.Symptoms(Location: "Down one leg"));
        await NextCheckInAsync(harness);
        var inputs = CardInputs(plan, _ => "Same", 5);
        inputs[CheckInCard.LegSymptomsKey] = nameof(SymptomChange.BothLegs);

        Assert.True((await harness.Driver.ClickAsync("Send", inputs)).Mentions(SafetyStop.EmergencyAction));
    }

    [Fact]
    public async Task AnOfferedSwapCanBeTakenAndIsAskedAboutAtTheNextCheckIn()
    {
        using var harness = new ConversationHarness();
        var plan = await GivePlanAsync(harness);
        await NextCheckInAsync(harness);
        await harness.Driver.ClickAsync("Send", CardInputs(plan, _ => "Same", 4));
        await NextCheckInAsync(harness);

        var offered = await harness.Driver.ClickAsync("Send", CardInputs(plan, _ => "Same", 4));
        var swapTitle = offered.Cards.SelectMany(c => c.SelectTokens("$..[?(@.type == 'Action.Submit')].title")).Select(t => t.ToString()).First(t => t.StartsWith("Swap to the ", StringComparison.Ordinal));
        var taken = await harness.Driver.ClickAsync(swapTitle);

        Assert.True(taken.Mentions("and I'll ask how it went next time"));
        var newName = swapTitle["Swap to the ".Length..];
        var next = await NextCheckInAsync(harness);
        Assert.True(next.Mentions(newName));
    }
}
