using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace StretchBot.Tests.TestSupport;

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
        DatabasePath = Path.Combine(_directory, "stretchbot.db");
        _settings["Storage:ConnectionString"] = $"Data Source={DatabasePath};Pooling=False";
        _settings["MicrosoftAppId"] = string.Empty;
        _settings["MicrosoftAppPassword"] = string.Empty;
        _settings["MicrosoftAppTenantId"] = string.Empty;
    }

    /// <summary>The host's SQLite file (its write-ahead log is this path + "-wal").</summary>
    public string DatabasePath { get; }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    public RoutingHttpClientFactory HttpClients { get; protected set; }

    /// <summary>Every log line of every level, once <see cref="CaptureLogs"/> was called (before the first request).</summary>
    public CapturingLoggerProvider? Logs { get; private set; }

    /// <summary>Keeps every log line the host writes, at every level, in <see cref="Logs"/>.</summary>
    public StretchBotAppFactory CaptureLogs()
    {
        Logs ??= new CapturingLoggerProvider();
        return this;
    }

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
        if (Logs is { } logs)
        {
            builder.ConfigureLogging(logging => logging.AddProvider(logs).AddFilter<CapturingLoggerProvider>(null, LogLevel.Trace));
        }

        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Time);
            services.RemoveAll<IHttpClientFactory>();
            services.AddSingleton<IHttpClientFactory>(HttpClients);
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
}
