using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Bot.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace StretchBot.Tests.TestSupport;

/// <summary>
/// The real host (Program) on a test server, with its state in a temp SQLite file, every log line captured, and
/// optional configuration and service overrides.
/// </summary>
public sealed class StretchBotHostFactory : WebApplicationFactory<Program>
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "stretchbot-tests", Guid.NewGuid().ToString("N"));
    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _configureServices;

    public StretchBotHostFactory(Dictionary<string, string?>? settings = null, Action<IServiceCollection>? configureServices = null)
    {
        _settings = settings ?? [];
        _configureServices = configureServices;
        ConnectionString = $"Data Source={Path.Combine(_folder, "stretchbot.db")}";
    }

    public string ConnectionString { get; }

    public CapturingLoggerProvider Logs { get; } = new();

    public IStorage Storage => Services.GetRequiredService<IStorage>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.ConfigureAppConfiguration((_, configuration) =>
        {
            // A database given in the settings (PostgreSQL, another host's) wins over the host's own SQLite file.
            var settings = new Dictionary<string, string?>(_settings);
            settings.TryAdd("Storage:ConnectionString", ConnectionString);
            configuration.AddInMemoryCollection(settings);
        });
        builder.ConfigureLogging(logging =>
        {
            logging.AddProvider(Logs);
            logging.AddFilter<CapturingLoggerProvider>(null, LogLevel.Trace);
        });
        if (_configureServices is not null)
        {
            builder.ConfigureTestServices(_configureServices);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        using (var connection = new SqliteConnection(ConnectionString))
        {
            SqliteConnection.ClearPool(connection);
        }

        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
