using StretchBot.Tests.Conversation;

namespace StretchBot.Tests.Triage;

public class ExploreTests
{
    [Fact]
    public async Task Explore()
    {
        using var harness = new ConversationHarness();
        var bot = harness.Driver;
        var log = new System.Text.StringBuilder();
        log.AppendLine("START: " + await bot.ConversationStartsAsync());
        log.AppendLine("HI: " + await bot.SendAsync("hi"));
        log.AppendLine("CONSENT: " + await bot.ClickAsync("Yes, I've checked"));
        log.AppendLine("RF1: " + await bot.ClickAsync("None of these"));
        log.AppendLine("RF2: " + await bot.ClickAsync("None of these"));
        var plan = await TriageScripts.AnswerTriageAsync(bot, new TriageScripts.Symptoms(Diagnoses: "DiscBulgeOrProlapse"));
        log.AppendLine("PLAN: " + plan);
        log.AppendLine("NAMES: " + string.Join(",", plan.StretchNames));
        log.AppendLine("SCHEDULE: " + await bot.ClickAsync(plan.Cards.Last()["actions"]![0]!["title"]!.ToString()));
        File.WriteAllText("/tmp/explore.txt", log.ToString());
    }
}
