using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace StretchBot.Tests.DirectLine;

public class AzureDirectLineTokenClientTests : IDisposable
{
    private const string Secret = "the-direct-line-secret";
    private readonly StretchBotAppFactory _factory = new();

    public AzureDirectLineTokenClientTests()
    {
        _factory.With("DirectLine:Mode", "Azure").With("DirectLine:Secret", Secret);
    }

    public void Dispose()
    {
        _factory.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task PageGetsAnAzureTokenAndNeverTheSecret()
    {
        var azure = new RecordingHandler((_, _) => RecordingHandler.Json(HttpStatusCode.OK,
            """{"conversationId":"azure-conv-1","token":"azure-token-1","expires_in":1800}"""));
        _factory.HttpClients.Route("directline.botframework.com", azure);

        using var response = await _factory.CreateClient().PostAsJsonAsync("/api/directline/token", new JsonObject());
        var text = await response.Content.ReadAsStringAsync();
        var page = JsonNode.Parse(text)!.AsObject();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(Secret, text);
        Assert.Equal("azure", (string?)page["mode"]);
        Assert.Equal("azure-token-1", (string?)page["token"]);
        Assert.Equal("azure-conv-1", (string?)page["conversationId"]);
        Assert.Equal("https://directline.botframework.com/v3/directline", (string?)page["domain"]);
        var exchange = Assert.Single(azure.Requests);
        Assert.Equal(HttpMethod.Post, exchange.Method);
        Assert.Equal("https://directline.botframework.com/v3/directline/tokens/generate", exchange.Uri.ToString());
        Assert.Equal("Bearer " + Secret, exchange.Authorization);
        Assert.Equal((string?)page["userId"], (string?)JsonNode.Parse(exchange.Body)!["user"]!["id"]);
    }

    [Fact]
    public async Task AzureRefusingTheSecretIsABadGatewayNotACrash()
    {
        _factory.HttpClients.Route("directline.botframework.com", new RecordingHandler((_, _) => new HttpResponseMessage(HttpStatusCode.Forbidden)));

        using var response = await _factory.CreateClient().PostAsJsonAsync("/api/directline/token", new JsonObject());

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
    }

    [Fact]
    public async Task InAzureModeTheLocalDirectLineIsNotServed()
    {
        using var response = await _factory.CreateClient().PostAsJsonAsync("/v3/directline/tokens/generate", new JsonObject());

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
