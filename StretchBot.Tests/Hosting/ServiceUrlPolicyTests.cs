using System.Net;
using Newtonsoft.Json.Linq;

namespace StretchBot.Tests.Hosting;

/// <summary>
/// Where the bot may reply (<see cref="StretchBot.Hosting.ServiceUrlPolicy"/>, through the real host): with
/// authentication off only this machine or Bot:AllowedServiceUrls, and never the bot's own Direct Line connector.
/// </summary>
public sealed class ServiceUrlPolicyTests : IDisposable
{
    private readonly StretchBotHostFactory _factory = new();
    private readonly HttpClient _client;

    public ServiceUrlPolicyTests() => _client = _factory.CreateClient();

    public void Dispose()
    {
        _client.Dispose();
        _factory.Dispose();
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("http://169.254.169.254/latest/")]
    [InlineData("http://10.0.0.8:3978/")]
    [InlineData("ftp://127.0.0.1/")]
    public async Task WithAuthenticationOffTheBotRepliesOnlyToThisMachine(string serviceUrl)
    {
        var activity = TestActivities.Message("filter-relay", "hello", expectReplies: false);
        activity["serviceUrl"] = serviceUrl;

        using var response = await _client.PostAsync(activity);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var detail = JObject.Parse(await response.Content.ReadAsStringAsync()).Value<string>("detail");
        Assert.Contains(serviceUrl.StartsWith("ftp", StringComparison.Ordinal) ? "http or https" : "Bot:AllowedServiceUrls", detail);
        await AssertNothingStoredAsync("filter-relay");
    }

    [Theory]
    [InlineData("http://localhost:3978/")]
    [InlineData("http://127.0.0.1:51234/")]
    [InlineData("http://[::1]:3978/")]
    [InlineData("https://tunnel.example.test/emulator/")]
    public async Task WithAuthenticationOffLoopbackAndAllowListedAddressesAreServed(string serviceUrl)
    {
        using var factory = new StretchBotHostFactory(new Dictionary<string, string?> { ["Bot:AllowedServiceUrls:0"] = "https://tunnel.example.test/emulator" });
        using var client = factory.CreateClient();
        var activity = TestActivities.MembersAdded("filter-allowed");
        activity["serviceUrl"] = serviceUrl;

        using var response = await client.PostAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("not a doctor", Assert.Single(await response.ReplyTextsAsync()));
    }

    [Theory]
    [InlineData("http://127.0.0.1:3978/directline-connector/")]
    [InlineData("http://localhost/DirectLine-Connector/v3/")]
    public async Task TheBotsOwnDirectLineConnectorIsNeverAReplyAddress(string serviceUrl)
    {
        var activity = TestActivities.Message("filter-connector", "hello", expectReplies: false);
        activity["serviceUrl"] = serviceUrl;

        using var response = await _client.PostAsync(activity);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "Direct Line connector");
        await AssertNothingStoredAsync("filter-connector");
    }

    private static Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string detailContains) =>
        ActivityRequestFilterTests.AssertProblemAsync(response, status, detailContains);

    private async Task AssertNothingStoredAsync(string conversationId) =>
        Assert.Empty(await _factory.Storage.ReadAsync([TestActivities.ConversationStateKey(conversationId)]));
}
