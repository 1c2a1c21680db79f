using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Bot.Connector.Authentication;
using StretchBot.DirectLine;

namespace StretchBot.Tests.DirectLine;

public class DirectLineConnectorEndpointsTests : IDisposable
{
    private readonly StretchBotAppFactory _factory = new();

    public void Dispose()
    {
        _factory.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task ProactiveCheckInWaitsInTheTranscriptForTheUser()
    {
        var client = new DirectLineTestClient(_factory.CreateClient());
        var session = await client.StartNewAsync();
        using (await client.PostMessageAsync(session, "hello"))
        {
        }

        var seen = await client.GetActivitiesAsync(session);
        var reference = ReferenceFrom(seen.Activities.Single(a => DirectLineTestClient.FromRole(a) == "user"));

        // A week later the check-in is sent the way the dispatcher does it: ContinueConversationAsync with the stored reference.
        _factory.Time.Advance(TimeSpan.FromDays(7));
        var adapter = (CloudAdapterBase)_factory.Services.GetRequiredService<BotAdapter>();
        await adapter.ContinueConversationAsync(string.Empty, reference, (turn, ct) => turn.SendActivityAsync("Time for your weekly check-in.", cancellationToken: ct), CancellationToken.None);

        var page = await _factory.Services.GetRequiredService<DirectLineTokenService>()
            .IssueTokenAsync(session.ConversationId, session.UserId, CancellationToken.None);
        var waiting = await client.GetActivitiesAsync(session.WithToken(page), seen.Watermark);

        var checkIn = Assert.Single(waiting.Activities);
        Assert.Equal("Time for your weekly check-in.", DirectLineTestClient.Text(checkIn));
        Assert.Equal("bot", DirectLineTestClient.FromRole(checkIn));
    }

    [Fact]
    public async Task BotMessageForAnUnknownConversationIsNotFound()
    {
        var http = _factory.CreateClient();
        var key = await _factory.Services.GetRequiredService<ConnectorSecret>().GetAsync(CancellationToken.None);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/directline-connector/v3/conversations/nope/activities")
        {
            Content = JsonContent(new JsonObject { ["type"] = "message", ["text"] = "hi" }),
        };
        request.Headers.Add(ConnectorSecret.HeaderName, key);

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData(null, "guessed")]
    [InlineData("11111111-2222-3333-4444-555555555555", null)]
    [InlineData("11111111-2222-3333-4444-555555555555", "guessed")]
    public async Task NoOneButTheBotsOwnAdapterCanPostAsTheBot(string? appId, string? key)
    {
        _factory.With("MicrosoftAppId", appId);
        var client = new DirectLineTestClient(_factory.CreateClient());
        var page = await client.GetPageTokenAsync();
        var conversationId = (string)page["conversationId"]!;
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/directline-connector/v3/conversations/{conversationId}/activities")
        {
            Content = JsonContent(new JsonObject { ["type"] = "message", ["text"] = "injected", ["from"] = new JsonObject { ["id"] = "stretchbot", ["role"] = "bot" } }),
        };
        if (key is not null)
        {
            request.Headers.Add(ConnectorSecret.HeaderName, key);
        }

        using var response = await _factory.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var session = new DirectLineTestClient.Session(conversationId, (string)page["userId"]!, (string)page["token"]!, (string)page["resume"]!);
        Assert.Empty(await client.ReadAllAsync(session));
    }

    [Theory]
    [InlineData("http://localhost/directline-connector/v3/conversations/c/activities", true)]
    [InlineData("http://127.0.0.1:3978/directline-connector/v3/conversations/c/activities/a", true)]
    [InlineData("http://[::1]:3979/directline-connector/v3/conversations/c/activities", true)]
    [InlineData("https://smba.trafficmanager.net/emea/v3/conversations/c/activities", false)]
    [InlineData("http://127.0.0.1:9/v3/conversations/c/activities", false)]
    [InlineData("https://evil.example/directline-connector/v3/conversations/c/activities", false)]
    public async Task TheAdapterShowsItsKeyOnlyToThisServicesOwnConnector(string url, bool shown)
    {
        var credentials = await _factory.Services.GetRequiredService<ServiceClientCredentialsFactory>()
            .CreateCredentialsAsync(string.Empty, null, null, true, CancellationToken.None);
        using var request = new HttpRequestMessage(HttpMethod.Post, url);

        await credentials.ProcessHttpRequestAsync(request, CancellationToken.None);

        Assert.Equal(shown, request.Headers.Contains(ConnectorSecret.HeaderName));
    }

    private static ConversationReference ReferenceFrom(JsonObject storedActivity)
    {
        var activity = ActivityJson.ToActivity(ActivityJson.ParseObject(storedActivity.ToJsonString())!)!;
        Assert.False(string.IsNullOrEmpty(activity.ServiceUrl));
        return activity.GetConversationReference();
    }

    private static StringContent JsonContent(JsonObject body) => new(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json");
}
