using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
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

        using var response = await http.PostAsync(
            "/directline-connector/v3/conversations/nope/activities",
            JsonContent(new JsonObject { ["type"] = "message", ["text"] = "hi" }));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task ConnectorRefusesCallersFromOutsideTheMachineWhenTheBotHasAnAppId()
    {
        _factory.With("MicrosoftAppId", Guid.NewGuid().ToString());
        var client = new DirectLineTestClient(_factory.CreateClient());
        var page = await client.GetPageTokenAsync();
        var conversationId = (string)page["conversationId"]!;

        // The in-memory test server reports no remote address: not loopback, so not this machine.
        using var response = await _factory.CreateClient().PostAsync(
            $"/directline-connector/v3/conversations/{conversationId}/activities",
            JsonContent(new JsonObject { ["type"] = "message", ["text"] = "injected" }));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var session = new DirectLineTestClient.Session(conversationId, (string)page["userId"]!, (string)page["token"]!, (string)page["resume"]!);
        Assert.Empty(await client.ReadAllAsync(session));
    }

    private static ConversationReference ReferenceFrom(JsonObject storedActivity)
    {
        var activity = ActivityJson.ToActivity(ActivityJson.ParseObject(storedActivity.ToJsonString())!)!;
        Assert.False(string.IsNullOrEmpty(activity.ServiceUrl));
        return activity.GetConversationReference();
    }

    private static StringContent JsonContent(JsonObject body) => new(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json");
}
