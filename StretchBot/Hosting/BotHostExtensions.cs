using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace StretchBot.Hosting;

/// <summary>Registers the Bot Framework adapter and health checks, and maps /api/messages and /healthz.</summary>
/// <remarks>
/// Logging guard: nothing here logs request or response bodies, and the host must not add ASP.NET Core's
/// HTTP logging (UseHttpLogging with RequestBody/ResponseBody) or W3C logging: activity bodies carry what users
/// tell the bot, which is health data and never goes to logs. The turn-error handler logs the conversation id and the
/// exception's type and stack trace only (see <see cref="RedactedException"/>).
/// </remarks>
public static class BotHostExtensions
{
    /// <summary>Where the bot listens unless told otherwise: the Bot Framework's conventional local endpoint.</summary>
    public const string DefaultUrls = "http://localhost:3978";

    /// <summary>
    /// Listens on <see cref="DefaultUrls"/> unless an address is configured (--urls, URLS or ASPNETCORE_URLS,
    /// HTTP_PORTS/HTTPS_PORTS, or "Urls" in appsettings). The default is not put in appsettings.json because that
    /// file outranks ASPNETCORE_URLS in ASP.NET Core's configuration order.
    /// </summary>
    public static IWebHostBuilder UseBotDefaultUrls(this IWebHostBuilder webHost, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(webHost);
        ArgumentNullException.ThrowIfNull(configuration);
        if (string.IsNullOrWhiteSpace(configuration[WebHostDefaults.ServerUrlsKey])
            && string.IsNullOrWhiteSpace(configuration[WebHostDefaults.HttpPortsKey])
            && string.IsNullOrWhiteSpace(configuration[WebHostDefaults.HttpsPortsKey]))
        {
            webHost.UseUrls(DefaultUrls);
        }

        return webHost;
    }

    /// <summary>
    /// Registers Bot Framework authentication from configuration (MicrosoftAppType, MicrosoftAppId,
    /// MicrosoftAppPassword, MicrosoftAppTenantId: an empty MicrosoftAppId turns authentication off for local
    /// development), one <see cref="AdapterWithErrorHandler"/> serving as <see cref="IBotFrameworkHttpAdapter"/>,
    /// <see cref="CloudAdapter"/> and <see cref="BotAdapter"/> (for proactive messages), the per-conversation
    /// <see cref="ConversationTurnLock"/>, and <see cref="BotHostOptions"/> from the "Bot" section.
    /// </summary>
    public static IServiceCollection AddBotHost(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddSingleton<TurnWarmUp>();
        services.AddOptions<BotHostOptions>()
            .Bind(configuration.GetSection(BotHostOptions.SectionName))
            .Validate(o => o.MaxActivityBytes > 0, "Bot:MaxActivityBytes must be positive.")
            .ValidateOnStart();

        services.AddHttpClient();
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, HttpJsonContext.Default));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ConnectorClientCache>();
        services.AddSingleton<BotFrameworkAuthentication>(sp => new ReusedConnectorAuthentication(
            new ConfigurationBotFrameworkAuthentication(
                configuration,
                sp.GetService<ServiceClientCredentialsFactory>(),
                httpClientFactory: sp.GetRequiredService<IHttpClientFactory>(),
                logger: sp.GetRequiredService<ILogger<ConfigurationBotFrameworkAuthentication>>()),
            sp.GetRequiredService<ConnectorClientCache>()));
        services.AddSingleton<BotRequestAuthenticator>();
        services.TryAddSingleton<RefusalLog>();
        services.AddSingleton<ServiceUrlPolicy>();
        services.AddSingleton<ConversationTurnLock>();
        services.AddSingleton<AdapterWithErrorHandler>();
        services.AddSingleton<IBotFrameworkHttpAdapter>(sp => sp.GetRequiredService<AdapterWithErrorHandler>());
        services.AddSingleton<CloudAdapter>(sp => sp.GetRequiredService<AdapterWithErrorHandler>());
        services.AddSingleton<BotAdapter>(sp => sp.GetRequiredService<AdapterWithErrorHandler>());
        services.AddHostedService<UnderstandingWarmUpService>();

        // The server starts listening while the database is opened (or migrated) rather than after it: a turn that
        // comes first waits for the database itself, and a database that cannot be reached still stops the start.
        services.Configure<HostOptions>(o => o.ServicesStartConcurrently = true);

        // The storage areas add their database's check; /healthz reports them all.
        services.AddHealthChecks();
        return services;
    }

    /// <summary>
    /// Maps POST /api/messages (through <see cref="ActivityRequestFilter"/>, then <see cref="BotRequestAuthenticator"/>,
    /// to the adapter and the bot) and GET /healthz: every registered health check (the database's among them), "ok"
    /// with 200 when all are healthy, otherwise which ones are not (503 when one is unhealthy). Details of a failure
    /// (an exception's message, a server's address) stay out of the answer.
    /// </summary>
    /// <summary>Answers 503 instead of 500 when a request outside a bot turn finds the database unusable.</summary>
    public static IApplicationBuilder UseDatabaseOutageResponses(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);

        // Made here rather than by UseMiddleware<T>, which compiles a factory from reflection while the host starts.
        var refusals = app.ApplicationServices.GetRequiredService<RefusalLog>();
        return app.Use(next => new DatabaseOutageMiddleware(next, refusals).InvokeAsync);
    }

    public static IEndpointRouteBuilder MapBotEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);

        // One filter for every request (its services are singletons), not one made per request by reflection.
        var services = endpoints.ServiceProvider;
        var filter = new ActivityRequestFilter(
            services.GetRequiredService<IOptions<BotHostOptions>>(),
            services.GetRequiredService<ServiceUrlPolicy>(),
            services.GetRequiredService<RefusalLog>());
        endpoints.MapPost("/api/messages", ProcessActivityAsync)
            .AddEndpointFilter(filter)
            .WithName("BotMessages");

        // What MapHealthChecks answers (200 while healthy or degraded, 503 when not, never cached), without the
        // middleware pipeline it builds by reflection while the host starts.
        endpoints.MapMethods("/healthz", [HttpMethods.Get, HttpMethods.Head], HealthAsync)
            .WithName("Health");

        return endpoints;
    }

    private static async Task HealthAsync(HttpContext http, HealthCheckService health)
    {
        var report = await health.CheckHealthAsync(http.RequestAborted).ConfigureAwait(false);
        http.Response.StatusCode = report.Status == HealthStatus.Unhealthy ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK;
        http.Response.Headers.CacheControl = "no-store, no-cache";
        http.Response.Headers.Pragma = "no-cache";
        http.Response.Headers.Expires = "Thu, 01 Jan 1970 00:00:00 GMT";
        await WriteHealthAsync(http, report).ConfigureAwait(false);
    }

    private static Task WriteHealthAsync(HttpContext http, HealthReport report)
    {
        http.Response.ContentType = "text/plain";
        var text = report.Status == HealthStatus.Healthy
            ? "ok"
            : string.Join('\n', report.Entries.Where(e => e.Value.Status != HealthStatus.Healthy).Select(e => $"{e.Key}: {e.Value.Status.ToString().ToLowerInvariant()}"));
        return http.Response.WriteAsync(text, http.RequestAborted);
    }

    /// <summary>
    /// What CloudAdapter.ProcessAsync does for a POST, with the activity the filter already read and the authentication
    /// done first by <see cref="BotRequestAuthenticator"/>, so that a bad token is a 401 and an unreachable sign-in
    /// service a 503, never a 500.
    /// </summary>
    private static async Task ProcessActivityAsync(HttpContext http, AdapterWithErrorHandler adapter, BotRequestAuthenticator authenticator, IBot bot)
    {
        var activity = ActivityRequestFilter.Take(http);
        var outcome = await authenticator.AuthenticateAsync(activity, http.Request.Headers.Authorization.ToString(), http.RequestAborted).ConfigureAwait(false);
        if (outcome.Result is null)
        {
            if (outcome.StatusCode == StatusCodes.Status503ServiceUnavailable)
            {
                http.Response.Headers.RetryAfter = "30";
            }

            http.Response.StatusCode = outcome.StatusCode;
            return;
        }

        var invokeResponse = await adapter.ProcessAuthenticatedActivityAsync(outcome.Result, activity, bot.OnTurnAsync, http.RequestAborted).ConfigureAwait(false);
        await BotResponseWriter.WriteAsync(http.Response, invokeResponse).ConfigureAwait(false);
    }
}
