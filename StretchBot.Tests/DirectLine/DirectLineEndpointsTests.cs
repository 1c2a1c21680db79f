using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using StretchBot.Dialogs.Bots;
using StretchBot.Dialogs.Triage;
using StretchBot.DirectLine;

namespace StretchBot.Tests.DirectLine;

public class DirectLineEndpointsTests : IDisposable
{
    private readonly StretchBotAppFactory _factory = new();

    public void Dispose()
    {
        _factory.Dispose();
        GC.SuppressFinalize(this);
    }

    private DirectLineTestClient Client() => new(_factory.CreateClient());

    [Fact]
    public async Task StartingAConversationShowsTheBotsWelcome()
    {
        var client = Client();
        var session = await client.StartNewAsync();

        var activities = await client.ReadAllAsync(session);

        var welcome = Assert.Single(activities);
        var read = DirectLineTestClient.Read(welcome);
        Assert.True(read.Mentions(WelcomeCard.Title), read.AllText);
        Assert.True(read.Mentions("not a doctor"), read.AllText);
        Assert.NotNull(read.SubmitDataOf("Let's begin"));
        Assert.Equal("bot", DirectLineTestClient.FromRole(welcome));
        Assert.Equal(session.ConversationId, (string?)welcome["conversation"]?["id"]);
    }

    [Fact]
    public async Task StartingTheSameConversationTwiceWelcomesOnce()
    {
        var client = Client();
        var session = await client.StartNewAsync();
        using var again = await client.SendAsync(HttpMethod.Post, "/v3/directline/conversations", session.Token, new JsonObject());
        using var reconnect = await client.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{session.ConversationId}?watermark=", session.Token, null);

        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal(HttpStatusCode.OK, reconnect.StatusCode);
        Assert.Single(await client.ReadAllAsync(session));
    }

    [Fact]
    public async Task MessageFromTheUserIsAnsweredAfterTheWatermark()
    {
        var client = Client();
        var session = await client.StartNewAsync();
        var welcome = await client.GetActivitiesAsync(session);

        using var posted = await client.PostMessageAsync(session, "my lower back aches");
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        var postedId = (string?)(await posted.Content.ReadFromJsonAsync<JsonObject>())!["id"];

        var after = await client.GetActivitiesAsync(session, welcome.Watermark);

        Assert.Equal(postedId, (string?)after.Activities[0]["id"]);
        Assert.Equal("my lower back aches", DirectLineTestClient.Text(after.Activities[0]));
        Assert.Equal("user", DirectLineTestClient.FromRole(after.Activities[0]));
        Assert.All(after.Activities.Skip(1), a => Assert.Equal("bot", DirectLineTestClient.FromRole(a)));
        var answer = DirectLineTestClient.Read(after.Activities.Skip(1));
        Assert.True(answer.Mentions(ConsentDialog.Question), answer.AllText);
        Assert.NotNull(answer.SubmitDataOf("Yes, I've checked"));
        // The only activity sent again is the welcome card, closed in place now that the conversation is under way.
        var again = Assert.Single(after.Activities, a => welcome.Activities.Any(w => (string?)w["id"] == (string?)a["id"]));
        Assert.Empty(again["attachments"]![0]!["content"]!["actions"]?.AsArray() ?? []);
    }

    [Fact]
    public async Task TheUserCannotPostAsSomebodyElse()
    {
        var client = Client();
        var session = await client.StartNewAsync();

        using var posted = await client.PostActivityAsync(session.ConversationId, session.Token, new JsonObject
        {
            ["type"] = "message",
            ["text"] = "hello",
            ["from"] = new JsonObject { ["id"] = "someone-else", ["role"] = "bot" },
        });

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        var mine = (await client.ReadAllAsync(session)).Single(a => DirectLineTestClient.Text(a) == "hello");
        Assert.Equal(session.UserId, (string?)mine["from"]?["id"]);
        Assert.Equal("user", DirectLineTestClient.FromRole(mine));
    }

    [Fact]
    public async Task TheClientsLocalTimeAndTimezoneAreKeptAndTheServerStampsItsOwnTime()
    {
        var client = Client();
        var session = await client.StartNewAsync();

        using var posted = await client.PostActivityAsync(session.ConversationId, session.Token, new JsonObject
        {
            ["type"] = "message",
            ["text"] = "evening",
            ["timestamp"] = "2001-01-01T00:00:00Z",
            ["localTimestamp"] = "2026-03-02T10:00:00+01:00",
            ["localTimezone"] = "Europe/Berlin",
            ["serviceUrl"] = "https://attacker.example/",
            ["channelId"] = "msteams",
        });

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        var mine = (await client.ReadAllAsync(session)).Single(a => DirectLineTestClient.Text(a) == "evening");
        Assert.Equal("Europe/Berlin", (string?)mine["localTimezone"]);
        Assert.Equal(DateTimeOffset.Parse("2026-03-02T10:00:00+01:00", System.Globalization.CultureInfo.InvariantCulture), DateTimeOffset.Parse((string)mine["localTimestamp"]!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(_factory.Time.GetUtcNow(), DateTimeOffset.Parse((string)mine["timestamp"]!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("directline", (string?)mine["channelId"]);
        Assert.EndsWith("/directline-connector/", (string?)mine["serviceUrl"]);
    }

    [Fact]
    public async Task WatermarkPagingReturnsEveryActivityOnceAndInOrder()
    {
        _factory.With("DirectLine:MaxActivitiesPerPage", "2");
        var client = Client();
        var session = await client.StartNewAsync();
        foreach (var text in new[] { "one", "two", "three" })
        {
            using var _ = await client.PostMessageAsync(session, text);
        }

        var pages = new List<DirectLineTestClient.ActivitySet>();
        string? watermark = null;
        while (true)
        {
            var page = await client.GetActivitiesAsync(session, watermark);
            if (page.Activities.Count == 0)
            {
                Assert.Equal(watermark, page.Watermark);
                break;
            }

            Assert.True(page.Activities.Count <= 2);
            pages.Add(page);
            watermark = page.Watermark;
        }

        var all = pages.SelectMany(p => p.Activities).ToList();
        // Welcome, then each message and its answer, and cards replaced in place (the welcome closed, the consent card
        // answered: the same id again, so Web Chat shows the new version where the old one was).
        var replaced = all.GroupBy(a => (string?)a["id"]).Where(g => g.Count() > 1).ToList();
        Assert.Equal(7, all.Count - replaced.Sum(g => g.Count() - 1));
        Assert.NotEmpty(replaced);
        Assert.All(replaced, g => Assert.Empty(g.Last()["attachments"]![0]!["content"]!["actions"]?.AsArray() ?? []));
        Assert.All(replaced, g => Assert.NotNull(g.First()["attachments"]![0]!["content"]!["actions"]));
        Assert.All(all, a => Assert.Equal(DirectLineConversationService.SequenceOf(session.ConversationId, (string?)a["id"]), (long?)a["channelData"]?["webchat:sequence-id"]));
        all = all.DistinctBy(a => (string?)a["id"]).ToList();
        Assert.Equal(new[] { "one", "two", "three" }, all.Where(a => DirectLineTestClient.FromRole(a) == "user").Select(DirectLineTestClient.Text));
        var places = all.Select(a => DirectLineConversationService.SequenceOf(session.ConversationId, (string?)a["id"])!.Value).ToList();
        Assert.Equal(places.Order(), places);
        Assert.Equal(1, places[0]);
    }

    [Fact]
    public async Task OneConversationsTokenCannotReadOrPostInAnother()
    {
        var client = Client();
        var alice = await client.StartNewAsync();
        var bob = await client.StartNewAsync();

        using var read = await client.GetActivitiesResponseAsync(bob.ConversationId, alice.Token);
        using var post = await client.PostActivityAsync(bob.ConversationId, alice.Token, new JsonObject { ["type"] = "message", ["text"] = "hi" });
        using var reconnect = await client.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{bob.ConversationId}", alice.Token, null);

        Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, reconnect.StatusCode);
        Assert.DoesNotContain(await client.ReadAllAsync(bob), a => DirectLineTestClient.Text(a) == "hi");
    }

    [Fact]
    public async Task MissingOrForgedTokensAreRefused()
    {
        var client = Client();
        var session = await client.StartNewAsync();
        var parts = session.Token.Split('.');
        var otherSignature = (await client.StartNewAsync()).Token.Split('.')[2];

        using var none = await client.GetActivitiesResponseAsync(session.ConversationId, null);
        using var forged = await client.GetActivitiesResponseAsync(session.ConversationId, $"{parts[0]}.{parts[1]}.{otherSignature}");
        using var garbage = await client.GetActivitiesResponseAsync(session.ConversationId, "not-a-token");
        using var resumeTicketAsToken = await client.GetActivitiesResponseAsync(session.ConversationId, session.Resume);

        Assert.Equal(HttpStatusCode.Forbidden, none.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, garbage.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, resumeTicketAsToken.StatusCode);
    }

    [Fact]
    public async Task TokenExpiresAfterThirtyMinutes()
    {
        var client = Client();
        var session = await client.StartNewAsync();

        _factory.Time.Advance(TimeSpan.FromMinutes(29));
        using var stillValid = await client.GetActivitiesResponseAsync(session.ConversationId, session.Token);
        _factory.Time.Advance(TimeSpan.FromMinutes(2));
        using var expired = await client.GetActivitiesResponseAsync(session.ConversationId, session.Token);
        using var refreshExpired = await client.SendAsync(HttpMethod.Post, "/v3/directline/tokens/refresh", session.Token, null);

        Assert.Equal(HttpStatusCode.OK, stillValid.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, expired.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, refreshExpired.StatusCode);
    }

    [Fact]
    public async Task RefreshingExtendsTheTokenForTheSameConversation()
    {
        var client = Client();
        var session = await client.StartNewAsync();

        _factory.Time.Advance(TimeSpan.FromMinutes(20));
        using var refresh = await client.SendAsync(HttpMethod.Post, "/v3/directline/tokens/refresh", session.Token, null);
        Assert.Equal(HttpStatusCode.OK, refresh.StatusCode);
        var refreshed = (await refresh.Content.ReadFromJsonAsync<JsonObject>())!;
        _factory.Time.Advance(TimeSpan.FromMinutes(20));

        using var oldToken = await client.GetActivitiesResponseAsync(session.ConversationId, session.Token);
        Assert.Equal(HttpStatusCode.Forbidden, oldToken.StatusCode);
        Assert.Equal(session.ConversationId, (string?)refreshed["conversationId"]);
        Assert.Equal(1800, (int?)refreshed["expires_in"]);
        Assert.Single(await client.ReadAllAsync(session.WithToken((string)refreshed["token"]!)));
    }

    [Fact]
    public async Task UnknownConversationIsNotFound()
    {
        var client = Client();
        var tokens = _factory.Services.GetRequiredService<DirectLineTokenService>();
        var token = await tokens.IssueTokenAsync("no-such-conversation", "dl_nobody", CancellationToken.None);

        using var read = await client.GetActivitiesResponseAsync("no-such-conversation", token);
        using var start = await client.SendAsync(HttpMethod.Post, "/v3/directline/conversations", token, new JsonObject());

        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, start.StatusCode);
    }

    [Fact]
    public async Task ReloadingThePageResumesTheConversationWithItsHistory()
    {
        var client = Client();
        var session = await client.StartNewAsync();
        using (await client.PostMessageAsync(session, "stiff in the mornings"))
        {
        }

        var before = await client.ReadAllAsync(session);

        // Back two hours later: the old token has long expired; the page still has its resume ticket.
        _factory.Time.Advance(TimeSpan.FromHours(2));
        var page = await client.GetPageTokenAsync(session.Resume);
        Assert.True((bool)page["resumed"]!);
        Assert.Equal(session.ConversationId, (string?)page["conversationId"]);
        Assert.Equal(session.UserId, (string?)page["userId"]);
        var resumed = session.WithToken((string)page["token"]!);
        using var reconnect = await client.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{session.ConversationId}?watermark=", resumed.Token, null);
        Assert.Equal(HttpStatusCode.OK, reconnect.StatusCode);

        var after = await client.ReadAllAsync(resumed);

        Assert.Equal(before.Select(a => a.ToJsonString()), after.Select(a => a.ToJsonString()));
        Assert.Contains(after, a => DirectLineTestClient.Text(a) == "stiff in the mornings");
    }

    [Fact]
    public async Task AfterReloadingThePlanItsStretchCardsAreStillThere()
    {
        var client = Client();
        var session = await client.StartNewAsync();
        foreach (var answer in new[]
                 {
                     "hi", "yes", "none", "none", "4", "6 to 12 weeks", "lower back only", "bending forward or sitting", "not sure",
                     "none", "yes, I can", "yes", "no", "20 to 50", "same time next week",
                 })
        {
            using var posted = await client.PostMessageAsync(session, answer);
            Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        }

        var before = DirectLineTestClient.Read(await client.ReadAllAsync(session));
        Assert.InRange(before.StretchCards.Count, 1, 3);
        Assert.True(before.Mentions("I'll check in on"), before.AllText);

        _factory.Time.Advance(TimeSpan.FromHours(3));
        var page = await client.GetPageTokenAsync(session.Resume);
        var resumed = session.WithToken((string)page["token"]!);
        var after = DirectLineTestClient.Read(await client.ReadAllAsync(resumed));

        Assert.Equal(session.ConversationId, (string?)page["conversationId"]);
        Assert.Equal(before.StretchNames, after.StretchNames);
        Assert.All(after.StretchCards, card => Assert.All(card.SelectTokens("$..[?(@.type == 'Image')].url"), url =>
            Assert.Matches("/images/stretches/[a-z-]+\\.(png|svg)$", url.ToString())));
    }

    [Fact]
    public async Task AForgedOrExpiredResumeTicketStartsAFreshConversation()
    {
        var client = Client();
        var session = await client.StartNewAsync();

        var forged = await client.GetPageTokenAsync(session.Resume[..^4] + "AAAA");
        _factory.Time.Advance(TimeSpan.FromDays(31));
        var expired = await client.GetPageTokenAsync(session.Resume);

        Assert.False((bool)forged["resumed"]!);
        Assert.NotEqual(session.ConversationId, (string?)forged["conversationId"]);
        Assert.False((bool)expired["resumed"]!);
        Assert.NotEqual(session.ConversationId, (string?)expired["conversationId"]);
    }

    [Fact]
    public async Task OversizedActivityIsRefusedAndTheConversationCarriesOn()
    {
        _factory.With("DirectLine:MaxActivityBytes", "2048");
        var client = Client();
        var session = await client.StartNewAsync();

        using var huge = await client.PostMessageAsync(session, new string('a', 4000));
        using var normal = await client.PostMessageAsync(session, "still here");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
        Assert.Equal(HttpStatusCode.OK, normal.StatusCode);
        var texts = (await client.ReadAllAsync(session)).Select(DirectLineTestClient.Text).ToList();
        Assert.Contains("still here", texts);
        Assert.DoesNotContain(texts, t => t?.StartsWith("aaaa", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task TurnedOffTheWebChatGetsNoTokensAndNoDirectLine()
    {
        _factory.With("DirectLine:Enabled", "false");
        var http = _factory.CreateClient();

        using var token = await http.PostAsJsonAsync("/api/directline/token", new JsonObject());
        using var generate = await http.PostAsJsonAsync("/v3/directline/tokens/generate", new JsonObject());

        Assert.Equal(HttpStatusCode.NotFound, token.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, generate.StatusCode);
    }

    [Fact]
    public async Task MalformedActivitiesGetAClearBadRequest()
    {
        var client = Client();
        var session = await client.StartNewAsync();

        using var notJson = await client.SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{session.ConversationId}/activities", session.Token, JsonValue.Create("just a string"));
        using var wrongType = await client.PostActivityAsync(session.ConversationId, session.Token, new JsonObject { ["type"] = "deleteUserData" });
        using var badWatermark = await client.GetActivitiesResponseAsync(session.ConversationId, session.Token, "abc");

        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, wrongType.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badWatermark.StatusCode);
        Assert.Single(await client.ReadAllAsync(session));
    }
}
