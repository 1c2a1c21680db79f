using StretchBot.Dialogs.CheckIns;
using StretchBot.Domain.Catalog;
using StretchBot.Tests.Triage;

namespace StretchBot.Tests.TestSupport;

/// <summary>A plan given by buttons and the week-later check-in delivered through the real dispatcher.</summary>
internal static class CheckInSteps
{
    private static readonly StretchCatalog Catalog = StretchCatalog.LoadEmbedded();

    /// <summary>Consent, no red flags, a triage by button and the default check-in time; returns the plan's stretch ids.</summary>
    public static async Task<List<string>> GivePlanAsync(ConversationHarness harness, TriageScripts.Symptoms? symptoms = null)
    {
        await TriageScripts.ThroughSafetyQuestionsAsync(harness.Driver);
        var plan = await TriageScripts.AnswerTriageAsync(harness.Driver, symptoms ?? new TriageScripts.Symptoms());
        await harness.Driver.ClickAsync(plan.Cards.Last()["actions"]![0]!["title"]!.ToString());
        return plan.StretchNames.Select(name => Catalog.Stretches.Single(s => s.Name == name).Id).ToList();
    }

    /// <summary>Moves the clock to the pending check-in and lets the dispatcher send it; returns the check-in card turn.</summary>
    public static async Task<Replies> NextCheckInAsync(ConversationHarness harness)
    {
        var pending = (await harness.CheckIns.GetPendingAsync(harness.UserKey, CancellationToken.None))!;
        harness.Time.Advance(pending.DueUtc - harness.Time.GetUtcNow());
        await harness.NewDispatcher().DispatchDueAsync(CancellationToken.None);
        return harness.Driver.Collect();
    }

    /// <summary>The check-in card's inputs: a rating per stretch, pain, no leg change and no new signs (change any after).</summary>
    public static Dictionary<string, string> CardInputs(IEnumerable<string> plan, Func<string, string> rating, int pain) =>
        plan.ToDictionary(id => CheckInCard.FeedbackPrefix + id, rating)
            .Append(KeyValuePair.Create(CheckInCard.PainKey, pain.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .Append(KeyValuePair.Create(CheckInCard.LegSymptomsKey, CheckInCard.NoLegChange))
            .Append(KeyValuePair.Create(CheckInCard.RedFlagsKey, CheckInCard.NoRedFlags))
            .ToDictionary();
}
