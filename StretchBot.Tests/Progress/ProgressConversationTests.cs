using Newtonsoft.Json.Linq;
using Microsoft.Extensions.Options;
using StretchBot.Domain.Catalog;
using StretchBot.Domain.RedFlags;
using StretchBot.Dialogs.Progress;
using static StretchBot.Tests.TestSupport.CheckInSteps;

namespace StretchBot.Tests.Progress;

/// <summary>
/// "my progress", the pain so far after each check-in, "share with my physio" and "stop sharing", end to end through
/// the real dialogs, with the history in the harness's SQLite database.
/// </summary>
public class ProgressConversationTests
{
    private static readonly StretchCatalog Catalog = StretchCatalog.LoadEmbedded();

    [Fact]
    public async Task MyProgressShowsThePictureWithItsNumbersTheSentenceAndHowEachStretchWent()
    {
        using var harness = new ConversationHarness();
        var plan = await GivePlanAsync(harness);
        await NextCheckInAsync(harness);
        await harness.Driver.ClickAsync("Send", CardInputs(plan, _ => "Better", 2));

        var progress = await harness.Driver.SendAsync("my progress");

        var card = Assert.Single(progress.ProgressCards);
        var picture = card.SelectToken("$..[?(@.type == 'Image')]")!;
        Assert.Matches(@"^https://stretchbot\.example/progress/pictures/[A-Za-z0-9_-]{43}/2\.png$", picture["url"]!.ToString());
        Assert.Equal("Pain trend, out of 10, oldest first: 4 on 24 Nov, 2 on 1 Dec.", picture["altText"]!.ToString());
        Assert.True(progress.Mentions("Down 2 points since you started (from 4 to 2 out of 10): that is a real change."));
        var rows = card.SelectTokens("$..[?(@.type == 'TableRow')]").Skip(1).Select(r => r.SelectTokens("$..text").Select(t => t.ToString()).ToList()).ToList();
        Assert.Equal(plan.Select(id => new List<string> { Catalog.Get(id).Name, "Better" }), rows);
        var key = picture["url"]!.ToString().Split('/')[^2];
        Assert.Equal(harness.UserKey, await harness.Progress.UserForPictureKeyAsync(key, CancellationToken.None));
        Assert.Equal([ProgressCard.ShareAction], progress.Activities[^1].SuggestedActions!.Actions.Select(a => a.Title));
    }

    [Fact]
    public async Task TheCheckInReplyEndsWithTheSmallPictureAndMyProgressIsOneTapAway()
    {
        using var harness = new ConversationHarness();
        var plan = await GivePlanAsync(harness);
        await NextCheckInAsync(harness);

        var reply = await harness.Driver.ClickAsync("Send", CardInputs(plan, _ => "Same", 5));

        var card = Assert.Single(reply.ProgressCards);
        Assert.True(JToken.DeepEquals(card, reply.Cards.Last()), "the progress card comes last");
        var picture = card.SelectToken("$..[?(@.type == 'Image')]")!;
        Assert.EndsWith("/2-small.png", picture["url"]!.ToString());
        Assert.Equal("Pain trend, out of 10, oldest first: 4 on 24 Nov, 5 on 1 Dec.", picture["altText"]!.ToString());
        Assert.True(reply.Mentions("Up 1 point since you started (from 4 to 5 out of 10)"));
        var offer = reply.Activities[^1].SuggestedActions!.Actions;
        Assert.Equal([ProgressCard.MyProgressAction, ProgressCard.ShareAction], offer.Select(a => a.Title));
        Assert.Empty(card.SelectTokens("$..[?(@.type == 'Action.Submit')]"));

        var progress = await harness.Driver.SendAsync((string)offer[0].Value);
        Assert.EndsWith("/2.png", Assert.Single(progress.ProgressCards).SelectToken("$..[?(@.type == 'Image')].url")!.ToString());
    }

    [Fact]
    public async Task EveryCheckInOffersMyProgressWithAPictureFromTheSecondScoreOn()
    {
        using var harness = new ConversationHarness();
        var plan = await GivePlanAsync(harness);
        for (var week = 1; week <= 3; week++)
        {
            await NextCheckInAsync(harness);
            var reply = await harness.Driver.ClickAsync("Send", CardInputs(plan, _ => "Better", 4 - week));

            var card = reply.ProgressCards.SingleOrDefault();
            Assert.True(card is not null, $"week {week}: {reply.AllText}");
            Assert.EndsWith($"/{week + 1}-small.png", card.SelectToken("$..[?(@.type == 'Image')].url")!.ToString());
            Assert.Contains(ProgressCard.MyProgressAction, reply.Activities[^1].SuggestedActions!.Actions.Select(a => a.Title));
        }
    }

    [Fact]
    public async Task WithOnlyTheStartingScoreTheCheckInReplyHasNoPicture()
    {
        using var harness = new ConversationHarness();
        var plan = await GivePlanAsync(harness);
        await NextCheckInAsync(harness);
        var inputs = CardInputs(plan, _ => "Better", 3);
        inputs.Remove(Dialogs.CheckIns.CheckInCard.PainKey);

        var asked = await harness.Driver.ClickAsync("Send", inputs);
        Assert.Empty(asked.ProgressCards); // pain is asked for first

        var reply = await harness.Driver.SendAsync("3");
        Assert.Single(reply.ProgressCards);
    }

    [Fact]
    public async Task BeforeAnyPlanThereIsNoProgressAndNothingToShare()
    {
        using var harness = new ConversationHarness();
        await harness.Driver.ConversationStartsAsync();

        Assert.True((await harness.Driver.SendAsync("my progress")).Mentions(ProgressCard.NothingYetMessage));
        Assert.True((await harness.Driver.SendAsync("share with my physio")).Mentions(ProgressSharing.NothingToShareMessage));
        Assert.True((await harness.Driver.SendAsync("stop sharing")).Mentions(ProgressSharing.NoLinksMessage));
    }

    [Fact]
    public async Task SharingSendsALinkButtonToTheSummaryAndStopSharingEndsIt()
    {
        using var harness = new ConversationHarness();
        await GivePlanAsync(harness);
        var links = new ShareLinks(harness.Progress, harness.Time, Options.Create(new ProgressOptions()));

        var shared = await harness.Driver.SendAsync("Could you send this to my physio please?");

        var button = Assert.Single(Assert.Single(shared.Cards).SelectTokens("$.actions[?(@.type == 'Action.OpenUrl')]"));
        var url = button["url"]!.ToString();
        Assert.Matches(@"^https://stretchbot\.example/share/[A-Za-z0-9_-]{43}$", url);
        var token = url.Split('/')[^1];
        Assert.Equal(harness.UserKey, (await links.OpenAsync(token, CancellationToken.None))!.UserKey);
        Assert.True(shared.Mentions("It works until Tuesday 1 December"));

        Assert.True((await harness.Driver.SendAsync("stop sharing")).Mentions(ProgressSharing.StoppedMessage));
        Assert.Null(await links.OpenAsync(token, CancellationToken.None));
    }

    [Fact]
    public async Task DeleteMyDataErasesTheHistoryThePicturesAndEverySharedLink()
    {
        using var harness = new ConversationHarness();
        await GivePlanAsync(harness);
        var token = (await harness.Driver.SendAsync("share with my physio")).Cards.Single()["actions"]![0]!["url"]!.ToString().Split('/')[^1];
        var key = (await harness.Driver.SendAsync("my progress")).ProgressCards.Single().SelectToken("$..[?(@.type == 'Image')].url")!.ToString().Split('/')[^2];

        Assert.True((await harness.Driver.SendAsync("delete my data")).Mentions("your progress and any summary links you shared"));
        await harness.Driver.ClickAsync("Yes, delete everything");

        Assert.Null(await harness.Progress.ReadAsync(harness.UserKey, CancellationToken.None));
        Assert.Null(await harness.Progress.UserForPictureKeyAsync(key, CancellationToken.None));
        Assert.Null(await harness.Progress.FindShareLinkAsync(ProgressTokens.Hash(token), harness.Time.GetUtcNow(), CancellationToken.None));
    }

    [Fact]
    public async Task ThePlanIsKeptWithTheAnswersItWasMadeFrom()
    {
        using var harness = new ConversationHarness();
        await GivePlanAsync(harness);

        var history = ProgressHistory.From(await harness.Progress.ReadAsync(harness.UserKey, CancellationToken.None));

        Assert.Equal(ConversationHarness.Start, history.ConsentUtc);
        var plan = Assert.Single(history.Plans);
        Assert.Equal(4, plan.PainAtStart);
        Assert.NotNull(plan.Answers!.Duration);
        Assert.Equal(RedFlagOutcome.None, history.Screens.Single().Outcome);
    }
}
