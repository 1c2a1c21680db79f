using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using StretchBot.Hosting;
using StretchBot.Storage;
using StretchBot.Storage.Postgres;
using StretchBot.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using StretchBot.Dialogs.Privacy;

namespace StretchBot.DirectLine;

/// <summary>Registers and maps the local Direct Line 3.0 endpoints the web page uses.</summary>
public static class DirectLineExtensions
{
    public static IServiceCollection AddLocalDirectLine(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DirectLineOptions>()
            .Bind(configuration.GetSection(DirectLineOptions.SectionName))
            .Validate(o => o.TokenLifetime > TimeSpan.Zero, "DirectLine:TokenLifetime must be positive.")
            .Validate(o => o.TranscriptRetention >= TimeSpan.FromDays(8), "DirectLine:TranscriptRetention must outlast the weekly check-in (at least 8 days).")
            .Validate(o => o.MaxActivityBytes >= 1024, "DirectLine:MaxActivityBytes must be at least 1024.")
            .Validate(o => o.MaxActivitiesPerPage >= 1, "DirectLine:MaxActivitiesPerPage must be at least 1.")
            .Validate(o => o.TokenRequestsPerMinute >= 1, "DirectLine:TokenRequestsPerMinute must be at least 1.")
            .Validate(o => o.StreamUrlLifetime > TimeSpan.Zero, "DirectLine:StreamUrlLifetime must be positive.")
            .Validate(o => o.MaxStreamsPerConversation >= 1, "DirectLine:MaxStreamsPerConversation must be at least 1.")
            .Validate(o => o.Mode != DirectLineMode.Azure || !string.IsNullOrWhiteSpace(o.Secret), "DirectLine:Mode is Azure, so DirectLine:Secret is required.")
            .ValidateOnStart();

        services.AddStorageOptions(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient(AzureDirectLineTokenClient.HttpClientName);
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(DirectLineEndpoints.TokenRateLimitPolicy, context =>
            {
                var perMinute = context.RequestServices.GetRequiredService<IOptions<DirectLineOptions>>().Value.TokenRequestsPerMinute;
                return System.Threading.RateLimiting.RateLimitPartition.GetFixedWindowLimiter(
                    context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new System.Threading.RateLimiting.FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
            });
        });
        services.TryAddSingleton<AzureDirectLineTokenClient>();
        services.AddProviderSingleton<ITranscriptStore>(
            sp => new SqliteTranscriptStore(sp.GetRequiredService<SqliteDatabase>()),
            sp => new PostgresTranscriptStore(sp.GetRequiredService<PostgresDatabase>()));
        services.AddProviderSingleton<ITranscriptChangeSource>(
            sp => new SqliteTranscriptWatcher(sp.GetRequiredService<SqliteDatabase>(), sp.GetRequiredService<IOptions<StorageOptions>>(), sp.GetRequiredService<TimeProvider>()),
            sp => new PostgresTranscriptListener(sp.GetRequiredService<PostgresDatabase>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<PostgresTranscriptListener>>()));
        services.TryAddSingleton<TranscriptFeed>();
        services.AddHostedService<TranscriptChangeRelay>();
        services.TryAddSingleton<DirectLineSigningKey>();
        services.TryAddSingleton<DirectLineTokenService>();
        services.TryAddSingleton<ConnectorServiceUrl>();
        services.TryAddSingleton<ConnectorSecret>();
        services.TryAddSingleton<ServiceClientCredentialsFactory>(sp => new ConnectorCredentialsFactory(
            new ConfigurationServiceClientCredentialFactory(configuration, logger: sp.GetRequiredService<ILogger<ConfigurationServiceClientCredentialFactory>>()),
            sp.GetRequiredService<ConnectorSecret>(),
            sp.GetRequiredService<ConnectorServiceUrl>()));
        services.TryAddSingleton<RefusalLog>();
        services.TryAddSingleton<DirectLineBotBridge>();
        services.TryAddSingleton<DirectLineConversationService>();
        services.TryAddSingleton<TranscriptCleanupService>();
        services.AddHostedService(sp => sp.GetRequiredService<TranscriptCleanupService>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPersonalDataEraser, TranscriptEraser>());
        return services;
    }

    public static IEndpointRouteBuilder MapLocalDirectLine(this IEndpointRouteBuilder endpoints)
    {
        var options = endpoints.ServiceProvider.GetRequiredService<IOptions<DirectLineOptions>>().Value;
        if (!options.Enabled)
        {
            return endpoints;
        }

        var local = options.Mode == DirectLineMode.Local;
        DirectLineEndpoints.Map(endpoints, local);
        if (local)
        {
            DirectLineConnectorEndpoints.Map(endpoints);
        }

        return endpoints;
    }
}
