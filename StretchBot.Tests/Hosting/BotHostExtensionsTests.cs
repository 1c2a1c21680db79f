using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using StretchBot.Hosting;

namespace StretchBot.Tests.Hosting;

public sealed class BotHostExtensionsTests
{
    private static readonly Dictionary<string, string?> WithAppId = new()
    {
        ["MicrosoftAppType"] = "MultiTenant",
        ["MicrosoftAppId"] = "11111111-2222-3333-4444-555555555555",
        ["MicrosoftAppPassword"] = "not-a-real-secret",
    };

    [Fact]
    public async Task ANewMemberGetsTheWelcomeInTheHttpResponseWhenRepliesAreExpected()
    {
        using var factory = new StretchBotHostFactory();
        using var client = factory.CreateClient();

        using var response = await client.PostAsync(TestActivities.MembersAdded("welcome-1"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = Assert.Single(await response.ReplyTextsAsync());
        Assert.Contains("not a doctor", reply);
    }

    [Fact]
    public async Task WithAnAppIdARequestWithoutATokenIsRefusedAndNeverReachesTheBot()
    {
        using var factory = new StretchBotHostFactory(WithAppId, s => s.AddTransient<IBot, FailingBot>());
        using var client = factory.CreateClient();

        using var response = await client.PostAsync(TestActivities.Message("auth-1", FailingBot.SaveOnly));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(await factory.Storage.ReadAsync([TestActivities.ConversationStateKey("auth-1")]));
    }

    [Fact]
    public async Task WithAnAppIdARequestWithAMalformedTokenIsRefused()
    {
        using var factory = new StretchBotHostFactory(WithAppId, s => s.AddTransient<IBot, FailingBot>());
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = TestActivities.Json(TestActivities.Message("auth-2", FailingBot.SaveOnly)),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "not-a-jwt");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(await factory.Storage.ReadAsync([TestActivities.ConversationStateKey("auth-2")]));
    }

    [Fact]
    public async Task WithoutAnAppIdLocalDevelopmentNeedsNoToken()
    {
        using var factory = new StretchBotHostFactory(configureServices: s => s.AddTransient<IBot, FailingBot>());
        using var client = factory.CreateClient();

        using var response = await client.PostAsync(TestActivities.Message("dev-1", FailingBot.SaveOnly));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["saved"], await response.ReplyTextsAsync());
    }

    [Fact]
    public async Task TurnsThroughTheHostRunInsideTheirConversationsLock()
    {
        using var factory = new StretchBotHostFactory(configureServices: s => s.AddTransient<IBot, LockReportingBot>());
        using var client = factory.CreateClient();

        using var response = await client.PostAsync(TestActivities.Message("lock-1", "hello"));

        Assert.Equal(["locked:1"], await response.ReplyTextsAsync());
        Assert.Equal(0, factory.Services.GetRequiredService<ConversationTurnLock>().ActiveConversationCount);
    }

    [Fact]
    public async Task HealthzAnswersOk()
    {
        using var factory = new StretchBotHostFactory();
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ok", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task HealthzAnswers503NamingTheFailingCheckAndIsNeverCached()
    {
        using var factory = new StretchBotHostFactory();
        using var host = factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.AddHealthChecks().AddCheck("message-queue", () => HealthCheckResult.Unhealthy("unreachable"))));
        using var client = host.CreateClient();

        using var response = await client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("message-queue: unhealthy", await response.Content.ReadAsStringAsync());
        Assert.True(response.Headers.CacheControl?.NoStore);
    }

    [Fact]
    public async Task HealthzAnswersALoadBalancersHeadProbe()
    {
        using var factory = new StretchBotHostFactory();
        using var client = factory.CreateClient();

        using var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/healthz"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public void WithoutAConfiguredAddressTheBotListensOnTheBotFrameworkPort()
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());

        builder.WebHost.UseBotDefaultUrls(builder.Configuration);

        Assert.Equal("http://localhost:3978", builder.Configuration["urls"]);
    }

    [Fact]
    public void AnAddressGivenOnTheCommandLineWins()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = ["--urls", "http://localhost:4100"] });

        builder.WebHost.UseBotDefaultUrls(builder.Configuration);

        Assert.Equal("http://localhost:4100", builder.Configuration["urls"]);
    }

    [Fact]
    public void AnAddressFromTheEnvironmentWins()
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["URLS"] = "http://localhost:4200" });

        builder.WebHost.UseBotDefaultUrls(builder.Configuration);

        Assert.Equal("http://localhost:4200", builder.Configuration["urls"]);
    }

    [Fact]
    public void ProactiveMessagesAndIncomingRequestsShareOneAdapter()
    {
        using var factory = new StretchBotHostFactory();

        var httpAdapter = factory.Services.GetRequiredService<IBotFrameworkHttpAdapter>();

        Assert.IsType<AdapterWithErrorHandler>(httpAdapter);
        Assert.Same(httpAdapter, factory.Services.GetRequiredService<BotAdapter>());
        Assert.Same(httpAdapter, factory.Services.GetRequiredService<CloudAdapter>());
    }
}
