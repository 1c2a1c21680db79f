using System.Net;
using System.Net.Sockets;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace StretchBot.Tests.Hosting;

/// <summary>
/// /api/messages with an app id, in process: a token that cannot even be read is a 401 (never a 500 with the exception
/// text), an unreachable sign-in service is a 503, and a flood of refusals is one warning without a stack trace. The
/// signed-token cases run against a real host in <see cref="BotAuthenticationProcessTests"/>.
/// </summary>
public sealed class BotAuthenticationTests : IAsyncLifetime
{
    private const string ServiceUrl = "https://smba.trafficmanager.net/emea/";

    private LocalOpenIdProvider _provider = null!;

    public static TheoryData<string> UnreadableAuthorizations => new()
    {
        "Bearer a.b.c",
        "Bearer eyJ.eyJ.eyJ",
        "Bearer not-a-jwt",
        "Bearer x.y",
        "Bearer a b",
        "Bearer " + new string('A', 20_000),
        "Basic dXNlcjpwYXNzd29yZA==",
        "bearer ....",
        "Bearer eyJhbGciOiJSUzI1NiJ9.bm90IGpzb24.c2ln",
    };

    public async Task InitializeAsync() => _provider = await LocalOpenIdProvider.StartAsync();

    public async Task DisposeAsync() => await _provider.DisposeAsync();

    [Theory]
    [MemberData(nameof(UnreadableAuthorizations))]
    public async Task ATokenThatCannotBeReadIsRefusedWith401(string authorization)
    {
        using var factory = Factory(UnreachableMetadataUrl());
        using var client = factory.CreateClient();

        using var response = await PostAsync(client, "auth-unreadable", authorization);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsStringAsync());
        Assert.Empty(await factory.Storage.ReadAsync([TestActivities.ConversationStateKey("auth-unreadable")]));
    }

    [Fact]
    public async Task WithoutAnAppIdAJunkTokenIsRefusedWith401Too()
    {
        using var factory = new StretchBotHostFactory(configureServices: s => s.AddTransient<IBot, FailingBot>());
        using var client = factory.CreateClient();

        using var response = await PostAsync(client, "auth-dev", "Bearer a.b.c", serviceUrl: "http://localhost:3978/");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(await factory.Storage.ReadAsync([TestActivities.ConversationStateKey("auth-dev")]));
    }

    [Fact]
    public async Task WhenTheSignInServiceCannotBeReachedTheBotAnswers503()
    {
        using var factory = Factory(UnreachableMetadataUrl());
        using var client = factory.CreateClient();

        using var response = await PostAsync(client, "auth-503", "Bearer " + _provider.Token(ServiceUrl));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter);
        Assert.Empty(await factory.Storage.ReadAsync([TestActivities.ConversationStateKey("auth-503")]));
    }

    [Fact]
    public async Task ManyRefusedRequestsLogOneWarningAndNoStackTrace()
    {
        using var factory = Factory(UnreachableMetadataUrl());
        using var client = factory.CreateClient();

        for (var i = 0; i < 20; i++)
        {
            using var response = await PostAsync(client, "auth-log", i % 2 == 0 ? "Bearer a.b.c" : "Bearer eyJ.eyJ.eyJ");
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }

        var warnings = factory.Logs.Lines.Where(l => l.Contains("Refused a request to /api/messages with 401", StringComparison.Ordinal)).ToList();
        Assert.Single(warnings);
        Assert.DoesNotContain(factory.Logs.Lines, l => l.Contains("   at ", StringComparison.Ordinal) || l.Contains("IDX", StringComparison.Ordinal));
    }

    private StretchBotHostFactory Factory(string metadataUrl) =>
        new(_provider.BotSettings(metadataUrl), s => s.AddTransient<IBot, FailingBot>());

    /// <summary>An https address on this machine where nothing listens.</summary>
    private static string UnreachableMetadataUrl()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return $"https://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/v1/.well-known/openidconfiguration";
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string conversationId, string authorization, string serviceUrl = ServiceUrl)
    {
        var activity = TestActivities.Message(conversationId, FailingBot.SaveOnly);
        activity["serviceUrl"] = serviceUrl;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = TestActivities.Json(activity) };
        request.Headers.TryAddWithoutValidation("Authorization", authorization);
        return await client.SendAsync(request);
    }
}
