using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection.Extensions;
using StretchBot.Dialogs.Privacy;
using StretchBot.Storage.Sqlite;

namespace StretchBot.Storage;

/// <summary>Registers the durable IStorage behind conversation and user state.</summary>
public static class BotStorageExtensions
{
    /// <summary>
    /// Registers <see cref="SqliteStorage"/> as the singleton <see cref="IStorage"/> (and as itself, for
    /// <see cref="SqliteStorage.DeleteByPrefixAsync"/>), its options from the "Storage" section, and a startup step
    /// that creates the schema. MemoryStorage is for tests only.
    /// </summary>
    public static IServiceCollection AddBotStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddStorageOptions(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new SqliteStorage(sp.GetRequiredService<SqliteDatabase>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IStorage>(sp => sp.GetRequiredService<SqliteStorage>());
        services.AddHostedService<SqliteStorageInitializer>();
        services.AddSingleton<StateRetentionService>();
        services.AddHostedService(sp => sp.GetRequiredService<StateRetentionService>());
        return services;
    }

    /// <summary>
    /// The one database every store uses (state, check-in schedule, web transcripts, the token signing key): its
    /// setting bound from "Storage", with the default file and a relative Data Source resolved against the content
    /// root, and the shared <see cref="SqliteDatabase"/>. Safe to call more than once.
    /// </summary>
    public static IServiceCollection AddStorageOptions(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (services.Any(d => d.ServiceType == typeof(Microsoft.Extensions.Options.IPostConfigureOptions<StorageOptions>)))
        {
            return services;
        }

        services.AddOptions<StorageOptions>()
            .Bind(configuration.GetSection(StorageOptions.SectionName))
            .Validate(o => o.BusyTimeoutMilliseconds >= 0, "Storage:BusyTimeoutMilliseconds must not be negative.")
            .Validate(o => o.InactiveRetention >= TimeSpan.FromDays(60), "Storage:InactiveRetention must outlast a check-in cycle by far (at least 60 days).")
            .Validate(o => o.RetentionInterval > TimeSpan.Zero, "Storage:RetentionInterval must be positive.")
            .ValidateOnStart();
        services.AddSingleton<Microsoft.Extensions.Options.IPostConfigureOptions<StorageOptions>, StorageOptionsSetup>();

        // The one database every store shares: one connection factory, one schema list, one writer path.
        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<StorageOptions>>().Value;
            return new SqliteDatabase(options.ConnectionString, options.BusyTimeoutMilliseconds);
        });
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IErasureFinisher, SqliteErasureFinisher>());
        return services;
    }
}
