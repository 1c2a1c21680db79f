using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace StretchBot.Tests.DirectLine;

/// <summary>
/// The real host (Program) with a throw-away SQLite database, a fake clock and no way out to the network. Used by the
/// Direct Line, Teams and browser tests. Only registrations are overridden: the bot, adapter and endpoints are the host's.
/// </summary>
public class StretchBotAppFactory : WebApplicationFactory<Program>
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "stretchbot-tests-" + Guid.NewGuid().ToString("N"));
    private readonly Dictionary<string, string?> _settings = new();

    public StretchBotAppFactory()
    {
        Directory.CreateDirectory(_directory);
        HttpClients = new RoutingHttpClientFactory(() => Server.CreateHandler());
        _settings["Storage:ConnectionString"] = $"Data Source={Path.Combine(_directory, "stretchbot.db")};Pooling=False";
        _settings["MicrosoftAppId"] = string.Empty;
        _settings["MicrosoftAppPassword"] = string.Empty;
        _settings["MicrosoftAppTenantId"] = string.Empty;
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    public RoutingHttpClientFactory HttpClients { get; protected set; }

    /// <summary>Overrides a configuration value; call before the first request.</summary>
    public StretchBotAppFactory With(string key, string? value)
    {
        _settings[key] = value;
        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(_settings));
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Time);
            services.RemoveAll<IHttpClientFactory>();
            services.AddSingleton<IHttpClientFactory>(HttpClients);

            // Until the host registers its adapter (StretchBot/Hosting), stand one in exactly as the host will:
            // a CloudAdapter over ConfigurationBotFrameworkAuthentication that uses the IHttpClientFactory above.
            if (!services.Any(d => d.ServiceType == typeof(BotAdapter)))
            {
                services.AddSingleton<BotFrameworkAuthentication>(sp => new ConfigurationBotFrameworkAuthentication(
                    sp.GetRequiredService<IConfiguration>(), httpClientFactory: sp.GetRequiredService<IHttpClientFactory>()));
                services.AddSingleton(sp => new CloudAdapter(sp.GetRequiredService<BotFrameworkAuthentication>(), sp.GetRequiredService<ILogger<CloudAdapter>>()));
                services.AddSingleton<BotAdapter>(sp => sp.GetRequiredService<CloudAdapter>());
                services.AddSingleton<IBotFrameworkHttpAdapter>(sp => sp.GetRequiredService<CloudAdapter>());
            }

            // Until StretchBot/Storage registers the durable IStorage, state lives in memory for the test.
            services.TryAddSingleton<IStorage, MemoryStorage>();

            // Until the host maps /api/messages, answer it at the end of the pipeline (only reached when no endpoint matched).
            services.AddSingleton<IStartupFilter, MessagesEndpointFallback>();
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_directory, recursive: true);
            }
            catch (IOException)
            {
                // A file still open on a slow machine: the temp folder is cleaned by the OS.
            }
        }
    }

    private sealed class MessagesEndpointFallback : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Use(async (HttpContext context, RequestDelegate _) =>
            {
                if (HttpMethods.IsPost(context.Request.Method) && context.Request.Path == "/api/messages")
                {
                    var adapter = context.RequestServices.GetRequiredService<IBotFrameworkHttpAdapter>();
                    var bot = context.RequestServices.GetRequiredService<IBot>();
                    await adapter.ProcessAsync(context.Request, context.Response, bot, context.RequestAborted);
                    return;
                }

                context.Response.StatusCode = StatusCodes.Status404NotFound;
            });
        };
    }
}
