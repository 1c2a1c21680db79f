using Microsoft.Extensions.DependencyInjection;
using StretchBot.Dialogs.Progress;
using StretchBot.Domain.Catalog;
using StretchBot.Domain.RedFlags;
using StretchBot.Domain.Swaps;
using Xunit.Abstractions;

namespace StretchBot.Tests.Browser;

/// <summary>
/// Progress in a real headless Chromium. In Web Chat (journeys/progress.json): a week-later check-in answered by taps and
/// typing ends with the small trend picture and "My progress" on offer, whose card shows the full picture and the
/// table, and "Share with my physio" sends the link as a card button; no console error, nothing cut off, every picture
/// loaded. The physio's summary (share-page.mjs): twelve weeks of a person's history with swaps, a
/// cleared warning sign and advice, opened from the link the bot sent, on a desktop and a phone, and printed to A4 and
/// Letter with the page's print style sheet. No console error, no failed request, the picture loads with its numbers in
/// its text, and nothing is wider than the page or cut off. The PDFs and screenshots are saved under
/// artifacts/browser/share.
/// </summary>
public class ProgressBrowserTests(ITestOutputHelper output)
{
    [Fact]
    public async Task InWebChatTheCheckInShowsThePainSoFarAndMyProgressAndSharingAreATapAway()
    {
        using var factory = new BrowserAppFactory();
        var url = factory.Start();

        var result = await JourneyRunner.RunAsync(url, "progress.json", "progress", factory.Time.Advance, output);

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.All(new[] { "progress-checkin-desktop", "progress-desktop", "share-card-desktop" },
            name => Assert.True(File.Exists(Path.Combine(result.ArtifactsFolder, name + ".png")), $"{name}.png missing\n{result.Output}"));
    }

    [Fact]
    public async Task OnAPhoneTwoCheckInsShowTheTrendAndTheTableWithNothingCutOff()
    {
        using var factory = new BrowserAppFactory();
        var url = factory.Start();

        var result = await JourneyRunner.RunAsync(url, "progress-phone.json", "progress-phone", factory.Time.Advance, output);

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.All(new[] { "progress-checkin-phone", "progress-phone" },
            name => Assert.True(File.Exists(Path.Combine(result.ArtifactsFolder, name + ".png")), $"{name}.png missing\n{result.Output}"));
    }

    [Fact]
    public async Task ThePhysiosSummaryShowsTwelveWeeksAndPrintsOnA4AndLetterWithNothingCut()
    {
        using var factory = new BrowserAppFactory();
        var url = factory.Start();
        using var http = new HttpClient { BaseAddress = url };
        var person = new HttpConversationDriver(http, "share-page");
        await person.SendAsync("hi");
        foreach (var (button, inputs) in JourneySteps.ToThePlan)
        {
            await person.ClickAsync(button, inputs);
        }

        await TwelveWeeksAsync(factory, "test/" + person.UserId);
        var replies = await person.SendAsync("share with my physio");
        var link = replies.Cards.SelectMany(c => c.SelectTokens("$.actions[?(@.type == 'Action.OpenUrl')].url")).Single().ToString();

        var result = await JourneyRunner.RunScriptAsync("share-page.mjs", ["--url", link], "share", null, output);

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains("{\"event\":\"print\",\"paper\":\"A4\"", result.Output, StringComparison.Ordinal);
        Assert.Contains("{\"event\":\"print\",\"paper\":\"Letter\"", result.Output, StringComparison.Ordinal);
        Assert.All(new[] { "share-desktop.png", "share-phone.png", "share-a4.pdf", "share-letter.pdf" }, file => Assert.True(File.Exists(Path.Combine(result.ArtifactsFolder, file)), file));
    }

    // A week at a time on the host's clock: mixed feedback, a stretch swapped out as worse and one offered swap taken,
    // a see-a-doctor sign a clinician cleared, leg symptoms once, and pain drifting down from the plan's start.
    private static async Task TwelveWeeksAsync(BrowserAppFactory factory, string userKey)
    {
        var recorder = factory.Services.GetRequiredService<IProgressRecorder>();
        var store = factory.Services.GetRequiredService<IProgressStore>();
        var catalog = StretchCatalog.LoadEmbedded();
        var plan = ProgressHistory.From(await store.ReadAsync(userKey, CancellationToken.None)).CurrentStretches.ToList();
        Assert.NotEmpty(plan);
        var spare = catalog.Stretches.Select(s => s.Id).Where(id => !plan.Contains(id)).Take(2).ToList();
        int[] pains = [5, 6, 4, 4, 3, 5, 3, 2, 2, 3, 1, 1];
        for (var week = 0; week < pains.Length; week++)
        {
            factory.Time.Advance(TimeSpan.FromDays(7));
            var feedback = plan.Select((id, i) => (id, (week + i) % 4 == 3 ? Feedback.DidNotTry : (Feedback)((week + i) % 2))).ToDictionary(p => p.id, p => p.Item2);
            var swaps = new List<SwapRecord>();
            if (week == 2)
            {
                feedback[plan[0]] = Feedback.Worse;
                swaps.Add(new SwapRecord(plan[0], spare[0], SwapReason.Worse));
                plan[0] = spare[0];
            }

            var screen = week == 5
                ? new SafetyScreenRecord("check-in", [RedFlagIds.LegWeakness], RedFlagOutcome.SeeDoctorSoon, true)
                : new SafetyScreenRecord("check-in", [], RedFlagOutcome.None, null);
            var changes = week == 5 ? new List<SymptomChange> { SymptomChange.NewWeakness } : [];
            var advice = week == 5 ? new List<ClinicianAdviceReason> { ClinicianAdviceReason.RedFlag } : [];
            await recorder.CheckInAnsweredAsync(userKey, new CheckInRecord(pains[week], feedback, changes, swaps, advice, screen), CancellationToken.None);
            if (week == 7 && plan.Count > 1)
            {
                await recorder.SwapTakenAsync(userKey, new SwapRecord(plan[1], spare[1], SwapReason.Offered), CancellationToken.None);
                plan[1] = spare[1];
            }
        }
    }
}
