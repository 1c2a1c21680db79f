using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Time.Testing;
using StretchBot.Dialogs.Progress;
using StretchBot.Domain.Catalog;
using StretchBot.Domain.RedFlags;
using StretchBot.Domain.Swaps;
using StretchBot.Domain.Triage;
using StretchBot.Progress;

namespace StretchBot.Tests.Progress;

/// <summary>
/// What the physio reads on the shared page, from a recorded history: the disclaimer, the consent time, every pain
/// score with its date and the reading, the answers the plan came from, every safety screen with its date and result,
/// the plan now with why each stretch is in it, every change with its reason, and each check-in; dates in the sharer's
/// zone.
/// </summary>
public sealed class SharePageTests : IDisposable
{
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly StretchCatalog Catalog = StretchCatalog.LoadEmbedded();

    private readonly SqliteTestDatabase _database = new();
    private readonly FakeTimeProvider _time = new(Monday);

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task ThePageTellsThePhysioEverythingThatHappenedWithItsDateAndReason()
    {
        var history = await ThreeWeeksAsync();

        var text = Text(Render(history, "Europe/London"));

        Assert.Contains(SharePage.Disclaimer, text, StringComparison.Ordinal);
        Assert.Contains("gentle stretching was fine: 2 Mar 2026.", text, StringComparison.Ordinal);
        Assert.Contains("Down 3 points since you started (from 6 to 3 out of 10): that is a real change.", text, StringComparison.Ordinal);
        Assert.Matches("2 Mar 2026 6 / 10 Start of a plan 9 Mar 2026 5 / 10 Check-in 16 Mar 2026 4 / 10 Check-in 23 Mar 2026 3 / 10 Check-in", text);
        Assert.Contains("How long it has lasted 6 to 12 weeks", text, StringComparison.Ordinal);
        Assert.Contains("2 Mar 2026 First questions None No warning signs", text, StringComparison.Ordinal);
        Assert.Contains($"16 Mar 2026 Weekly check-in {SummaryWords.Sign(RedFlagIds.LegWeakness)}", text, StringComparison.Ordinal);
        Assert.Contains($"Cobra: swapped in on 9 Mar 2026 for Cat-cow (made things worse)", text, StringComparison.Ordinal);
        Assert.Contains($"{Catalog.Get(StretchIds.KneeRolls).Name}: eases a stiff lower back", text, StringComparison.Ordinal);
        Assert.Contains("9 Mar 2026 Cat-cow swapped for Cobra made things worse", text, StringComparison.Ordinal);
        Assert.Contains("16 Mar 2026 4 / 10", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DatesAreInTheZoneOfThePersonWhoShared()
    {
        var history = await ThreeWeeksAsync();

        // 9:00 UTC on 2 March is still 1 March in Honolulu.
        var text = Text(Render(history, "Pacific/Honolulu"));

        Assert.Contains("gentle stretching was fine: 1 Mar 2026.", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThePageHasNoScriptNamesSignsInWordsAndItsPictureStatesEveryScore()
    {
        var history = await ThreeWeeksAsync();

        var html = Render(history, null);

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(RedFlagIds.LegWeakness, Text(html), StringComparison.Ordinal);
        Assert.Matches("<img class=\"summary__chart\" src=\"/share/t/trend.png\"[^>]* alt=\"Pain trend, out of 10, oldest first: 6 on 2 Mar, 5 on 9 Mar, 4 on 16 Mar, 3 on 23 Mar.\"", html);
    }

    private string Render(ProgressHistory history, string? zone)
        => new SharePage(Catalog).Render(history, new ShareLink("u", Monday.AddDays(21), Monday.AddDays(28), zone), "/share/t/trend.png", Monday.AddDays(22));

    // Consent, a plan, then three weekly check-ins: a stretch made worse and swapped, a cleared see-a-doctor sign, pain
    // from 6 down to 3.
    private async Task<ProgressHistory> ThreeWeeksAsync()
    {
        var store = _database.NewProgressStore();
        var recorder = new StoredProgressRecorder(store, _time);
        await recorder.ConsentGivenAsync("u", CancellationToken.None);
        await recorder.SafetyScreenedAsync("u", new SafetyScreenRecord("triage", [], RedFlagOutcome.None, null), CancellationToken.None);
        await recorder.PlanStartedAsync("u", new PlanRecord(6, false, [(StretchIds.CatCow, "keeps the spine moving"), (StretchIds.KneeRolls, "eases a stiff lower back")], new TriageAnswers { Duration = PainDuration.SixToTwelveWeeks }), CancellationToken.None);
        foreach (var (pain, week) in new[] { (5, 1), (4, 2), (3, 3) })
        {
            _time.Advance(TimeSpan.FromDays(7));
            var swaps = week == 1 ? new List<SwapRecord> { new(StretchIds.CatCow, StretchIds.Cobra, SwapReason.Worse) } : [];
            var screen = week == 2
                ? new SafetyScreenRecord("check-in", [RedFlagIds.LegWeakness], RedFlagOutcome.SeeDoctorSoon, true)
                : new SafetyScreenRecord("check-in", [], RedFlagOutcome.None, null);
            var feedback = new Dictionary<string, Feedback> { [week == 1 ? StretchIds.CatCow : StretchIds.Cobra] = week == 1 ? Feedback.Worse : Feedback.Better, [StretchIds.KneeRolls] = Feedback.Same };
            await recorder.CheckInAnsweredAsync("u", new CheckInRecord(pain, feedback, [], swaps, [], screen), CancellationToken.None);
        }

        return ProgressHistory.From(await store.ReadAsync("u", CancellationToken.None));
    }

    // The page's words as a reader sees them: tags gone, entities decoded, white space squeezed.
    private static string Text(string html)
        => Regex.Replace(WebUtility.HtmlDecode(Regex.Replace(html, "<[^>]+>", " ")), @"\s+", " ");
}
