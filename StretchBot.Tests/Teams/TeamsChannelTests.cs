using System.Net;
using System.Text;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json;
using StretchBot.Tests.DirectLine;

namespace StretchBot.Tests.Teams;

/// <summary>The bot reached the way Teams reaches it: POST /api/messages, replies to the activity's serviceUrl.</summary>
public class TeamsChannelTests : IDisposable
{
    private readonly StretchBotAppFactory _factory = new();
    private readonly FakeTeamsConnector _connector = new();

    public TeamsChannelTests()
    {
        _factory.HttpClients.Route(FakeTeamsConnector.Host, _connector.Handler);
    }

    public void Dispose()
    {
        _factory.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task NewTeamsUserIsWelcomedInTheirPersonalChat()
    {
        var user = TeamsUser.NewUser();

        using var response = await PostAsync(TeamsActivities.MembersAdded(user));

        Assert.True(response.IsSuccessStatusCode);
        var welcome = Assert.Single(_connector.Messages);
        Assert.Contains("not a doctor", welcome.Text);
        Assert.Equal(user.ConversationId, welcome.Conversation.Id);
        var sent = Assert.Single(_connector.Sent);
        Assert.StartsWith($"/emea/v3/conversations/{Uri.EscapeDataString(user.ConversationId)}/activities", sent.Path);
    }

    [Fact]
    public async Task TeamsMessageIsAnsweredThroughTheConnectorAtItsServiceUrl()
    {
        var user = TeamsUser.NewUser();
        var message = TeamsActivities.Message(user, "hi");

        using var response = await PostAsync(message);

        Assert.True(response.IsSuccessStatusCode);
        var reply = Assert.Single(_connector.Messages);
        Assert.False(string.IsNullOrWhiteSpace(reply.Text));
        Assert.Equal(user.ConversationId, reply.Conversation.Id);
        Assert.Equal(user.Id, reply.Recipient?.Id);
        Assert.Equal(message.Id, reply.ReplyToId);
    }

    [Fact]
    public async Task CardSubmitWithAValueAndNoTextReachesTheBot()
    {
        var user = TeamsUser.NewUser();

        using var response = await PostAsync(TeamsActivities.Message(user, text: null, value: new { action = "consent", answer = "yes" }));

        Assert.True(response.IsSuccessStatusCode);
        Assert.NotEmpty(_connector.Messages);
        Assert.All(_connector.Messages, m => Assert.Equal(user.ConversationId, m.Conversation.Id));
    }

    [Fact]
    public async Task ProactiveCheckInIsDeliveredThroughTheSameConnector()
    {
        var user = TeamsUser.NewUser();
        var message = TeamsActivities.Message(user, "hi");
        using (await PostAsync(message))
        {
        }

        var reference = message.GetConversationReference();
        var adapter = (CloudAdapterBase)_factory.Services.GetRequiredService<BotAdapter>();
        await adapter.ContinueConversationAsync(string.Empty, reference, (turn, ct) => turn.SendActivityAsync("How are your stretches going?", cancellationToken: ct), CancellationToken.None);

        var checkIn = _connector.Messages.Last();
        Assert.Equal("How are your stretches going?", checkIn.Text);
        Assert.Equal(user.ConversationId, checkIn.Conversation.Id);
    }

    [Fact]
    public async Task MalformedTeamsActivityIsRefusedWithoutReachingTheConnector()
    {
        using var content = new StringContent("{ this is not json", Encoding.UTF8, "application/json");
        using var response = await _factory.CreateClient().PostAsync("/api/messages", content);

        Assert.True((int)response.StatusCode is >= 400 and < 500, $"expected a 4xx, got {(int)response.StatusCode}");
        Assert.Empty(_connector.Sent);
    }

    private async Task<HttpResponseMessage> PostAsync(Activity activity)
    {
        using var content = new StringContent(JsonConvert.SerializeObject(activity), Encoding.UTF8, "application/json");
        return await _factory.CreateClient().PostAsync("/api/messages", content);
    }
}
