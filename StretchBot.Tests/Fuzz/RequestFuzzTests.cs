using System.Globalization;
using Newtonsoft.Json.Linq;
using StretchBot.Tests.DirectLine;
using StretchBot.Tests.Triage;
using Xunit.Abstractions;

namespace StretchBot.Tests.Fuzz;

/// <summary>
/// Thousands of generated bad requests to /api/messages, the Direct Line endpoints and the progress pages and pictures:
/// every one gets an answer below
/// 500, and conversations that were under way meanwhile (one over /api/messages, one in the web page's Direct Line)
/// are intact and can be finished. The seed is printed; STRETCHBOT_FUZZ_SEED replays a run and
/// STRETCHBOT_FUZZ_REQUESTS sets its size (./stretchbot.sh fuzz runs 10,000).
/// </summary>
public sealed class RequestFuzzTests(ITestOutputHelper output) : IDisposable
{
    private const int SuiteRequests = 2000;

    private readonly StretchBotAppFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task BadRequestsNeverGetA5xxAndConversationsUnderWayAreUnharmed()
    {
        var requests = Setting("STRETCHBOT_FUZZ_REQUESTS") ?? SuiteRequests;
        var seed = Setting("STRETCHBOT_FUZZ_SEED") ?? Random.Shared.Next();
        output.WriteLine($"Fuzzing with seed {seed} ({requests} requests); replay with STRETCHBOT_FUZZ_SEED={seed}");
        var http = _factory.CreateClient();

        // Under way before the fuzzing starts: a conversation at its pain question, and a web page's conversation.
        var control = new HttpConversationDriver(http, "control");
        await control.ConversationStartsAsync();
        await TriageScripts.ThroughSafetyQuestionsAsync(control);
        var donor = new HttpConversationDriver(http, "donor");
        await TriageScripts.ThroughSafetyQuestionsAsync(donor);
        await TriageScripts.AnswerTriageAsync(donor, new TriageScripts.Symptoms());
        var directLine = new DirectLineTestClient(http);
        var page = await directLine.StartNewAsync();
        var pageBefore = await directLine.ReadAllAsync(page);
        var own = new[] { await directLine.StartNewAsync(), await directLine.StartNewAsync() };

        var mutate = new JsonMutations(new Random(seed));
        var submits = donor.SeenSubmits.Concat(control.SeenSubmits).ToList();
        var activities = new ActivityFuzzer(mutate, submits, maxActivityBytes: 256 * 1024);
        var directLineRequests = new DirectLineFuzzer(mutate, own, [page, .. own], submits);
        var progress = new ProgressFuzzer(mutate, await ProgressAddressesAsync(donor));
        var report = new FuzzReport();
        for (var i = 0; i < requests; i++)
        {
            var roll = mutate.Random.Next(100);
            await report.SendAsync(http, roll < 55 ? activities.Next() : roll < 90 ? directLineRequests.Next() : progress.Next());
        }

        output.WriteLine(report.Summary());
        Assert.True(report.ServerErrors.Count == 0, $"Seed {seed}: {report.ServerErrors.Count} of {requests} requests got a 5xx or broke the host:\n{string.Join('\n', report.ServerErrors.Take(25))}");

        // The conversation under way finishes with a plan; the page's transcript holds nothing it did not say or hear.
        var plan = await TriageScripts.AnswerTriageAsync(control, new TriageScripts.Symptoms());
        Assert.NotEmpty(plan.StretchNames);
        var pageAfter = await directLine.ReadAllAsync(page);
        Assert.Equal(pageBefore.Select(a => a.ToJsonString()), pageAfter.Select(a => a.ToJsonString()));
        Assert.DoesNotContain(pageAfter, a => a.ToJsonString().Contains(DirectLineFuzzer.InjectedText, StringComparison.Ordinal));
        var begin = DirectLineTestClient.Read(pageAfter).SubmitDataOf("Let's begin");
        using (await directLine.PostActivityAsync(page.ConversationId, page.Token, new System.Text.Json.Nodes.JsonObject
        {
            ["type"] = "message",
            ["from"] = new System.Text.Json.Nodes.JsonObject { ["id"] = page.UserId },
            ["value"] = System.Text.Json.Nodes.JsonNode.Parse(begin.ToString()),
        }))
        {
        }

        Assert.True((await directLine.ReadAllAsync(page)).Count > pageAfter.Count + 1, "The page's conversation did not go on after the fuzzing.");
    }

    // The donor's own share link and trend picture (paths on this host), for the progress fuzzer to tamper with.
    private static async Task<IReadOnlyList<string>> ProgressAddressesAsync(HttpConversationDriver donor)
    {
        var shared = await donor.SendAsync("share with my physio");
        var progress = await donor.SendAsync("my progress");
        return shared.Cards.Concat(progress.Cards)
            .SelectMany(c => c.SelectTokens("$..[?(@.type == 'Action.OpenUrl' || @.type == 'Image')].url"))
            .Select(u => new Uri(u.ToString()).AbsolutePath)
            .Where(p => p.StartsWith(Dialogs.Progress.ProgressAddresses.SharePath, StringComparison.Ordinal) || p.StartsWith(Dialogs.Progress.ProgressAddresses.PicturesPath, StringComparison.Ordinal))
            .ToList();
    }

    private static int? Setting(string name) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;
}
