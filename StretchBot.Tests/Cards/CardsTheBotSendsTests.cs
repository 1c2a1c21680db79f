using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using StretchBot.Dialogs.CheckIns;
using StretchBot.Domain.Catalog;
using StretchBot.Dialogs.Plans;

namespace StretchBot.Tests.Cards;

/// <summary>
/// Not the templates with sample data, but the cards the bot really sends - a whole conversation from welcome to
/// the week-later check-in, help, and every stretch in the catalog - each checked by the official parser.
/// </summary>
public class CardsTheBotSendsTests
{
    [Fact]
    public async Task EveryCardTheBotSendsParsesCleanlyInTheOfficialRenderer()
    {
        using var harness = new ConversationHarness();
        var bot = harness.Driver;
        var sent = new List<Replies>
        {
            await bot.ConversationStartsAsync(),
            await bot.SendAsync("help"),
            await bot.SendAsync("hi"),
            await bot.ClickAsync("Yes, I've checked"),
            await bot.ClickAsync("None of these"),
            await bot.ClickAsync("None of these"),
        };
        foreach (var (button, inputs) in new (string, object?)[]
                 {
                     ("4", null), ("6 to 12 weeks", null), ("Lower back only", null),
                     ("Bending forward or sitting", null), ("Neither, or not sure", null), ("Done", new { choices = "NoneOrDontKnow" }),
                     ("Yes, I can", null), ("Yes", null), ("No", null),
                 })
        {
            sent.Add(await bot.ClickAsync(button, inputs));
        }

        var plan = await bot.ClickAsync("20 to 50");
        sent.Add(plan);
        sent.Add(await bot.ClickAsync(plan.Cards.Last()["actions"]![0]!["title"]!.ToString()));

        harness.Time.Advance(TimeSpan.FromDays(7));
        var pending = (await harness.CheckIns.GetPendingAsync(harness.UserKey, CancellationToken.None))!;
        var delivery = harness.Services.GetRequiredService<ICheckInDelivery>();
        await harness.Adapter.ContinueConversationAsync("bot", harness.Adapter.Conversation, (tc, ct) => delivery.DeliverAsync(tc, new DueCheckIn(pending.Id, harness.UserKey, CheckInMessageKind.CheckIn), ct), CancellationToken.None);
        sent.Add(bot.Collect());

        var presenter = harness.Services.GetRequiredService<PlanPresenter>();
        var cards = sent.SelectMany(r => r.Cards).Select(c => JsonNode.Parse(c.ToString())!).ToList();
        cards.AddRange(StretchCatalog.LoadEmbedded().Stretches
            .Select(s => JsonNode.Parse(CardContent.Of(presenter.StretchCard(s, "A reason tied to what you said.").Content).ToString())!));
        Assert.True(cards.Count >= 25, $"only {cards.Count} cards were collected");

        var problems = await OfficialCardTools.ValidateAsync(cards);

        var failures = cards.Zip(problems).Where(p => p.Second.Count > 0).Select(p => $"{p.First["body"]?[0]?["text"]}: {string.Join("; ", p.Second)}").ToList();
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.All(cards, card => Assert.Equal("1.5", card["version"]!.ToString()));
        Assert.DoesNotContain(cards, card => card.ToJsonString().Contains("Action.Execute", StringComparison.Ordinal));
        Assert.DoesNotContain(cards, card => card.ToJsonString().Contains("${", StringComparison.Ordinal));
    }
}
