using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection.Extensions;

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
        services.AddOptions<StorageOptions>()
            .Bind(configuration.GetSection(StorageOptions.SectionName))
            .Validate(o => o.BusyTimeoutMilliseconds >= 0, "Storage:BusyTimeoutMilliseconds must not be negative.")
            .ValidateOnStart();
        services.AddSingleton<Microsoft.Extensions.Options.IPostConfigureOptions<StorageOptions>, StorageOptionsSetup>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<SqliteStorage>();
        services.AddSingleton<IStorage>(sp => sp.GetRequiredService<SqliteStorage>());
        services.AddHostedService<SqliteStorageInitializer>();
        return services;
    }
}
