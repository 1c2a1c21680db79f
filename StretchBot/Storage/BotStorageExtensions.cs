using HealthChecks.NpgSql;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Npgsql;
using StretchBot.Dialogs.Privacy;
using StretchBot.Storage.Postgres;
using StretchBot.Storage.Sqlite;

namespace StretchBot.Storage;

/// <summary>Registers the database every store shares, and the durable IStorage behind conversation and user state.</summary>
public static class BotStorageExtensions
{
    /// <summary>The health check of the database, on the host's health endpoint.</summary>
    public const string HealthCheckName = "database";

    /// <summary>
    /// Registers the provider's <see cref="BotStateStorage"/> as the singleton <see cref="IStorage"/> (and as itself,
    /// for retention and <see cref="BotStateStorage.DeleteByPrefixAsync"/>) and the retention pass. MemoryStorage is
    /// for tests only.
    /// </summary>
    public static IServiceCollection AddBotStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddStorageOptions(configuration);
        services.AddProviderSingleton<BotStateStorage>(
            sp => new SqliteStorage(sp.GetRequiredService<SqliteDatabase>(), sp.GetRequiredService<TimeProvider>()),
            sp => new PostgresStorage(sp.GetRequiredService<PostgresDatabase>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IStorage>(sp => sp.GetRequiredService<BotStateStorage>());
        services.AddSingleton<StateRetentionService>();
        services.AddHostedService(sp => sp.GetRequiredService<StateRetentionService>());
        return services;
    }

    /// <summary>
    /// The one database every store uses (state, check-in schedule, web transcripts, the token signing key): its
    /// settings bound once from "Storage" and validated at start, the provider's database (<see cref="SqliteDatabase"/>
    /// with the default file and a relative Data Source resolved against the content root, or
    /// <see cref="PostgresDatabase"/>) as <see cref="IStoreDatabase"/>, the schema created or migrated at start, the
    /// erasure finisher and the "database" health check. Safe to call more than once.
    /// </summary>
    public static IServiceCollection AddStorageOptions(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (services.Any(d => d.ServiceType == typeof(IPostConfigureOptions<StorageOptions>)))
        {
            return services;
        }

        services.AddOptions<StorageOptions>()
            .Bind(configuration.GetSection(StorageOptions.SectionName))
            .Validate(o => Enum.IsDefined(o.Provider), "Storage:Provider must be Sqlite or PostgreSQL.")
            .Validate(
                o => o.Provider != StorageProvider.PostgreSQL || NamesAPostgresServer(o.ConnectionString),
                "Storage:Provider is PostgreSQL, so Storage:ConnectionString must be an Npgsql connection string naming the server, e.g. \"Host=db;Database=stretchbot;Username=stretchbot;Password=...\".")
            .Validate(o => o.BusyTimeoutMilliseconds >= 0, "Storage:BusyTimeoutMilliseconds must not be negative.")
            .Validate(o => o.StartupTimeout >= TimeSpan.Zero, "Storage:StartupTimeout must not be negative.")
            .Validate(o => o.ChangeCheckInterval > TimeSpan.Zero, "Storage:ChangeCheckInterval must be positive.")
            .Validate(o => o.InactiveRetention >= TimeSpan.FromDays(60), "Storage:InactiveRetention must outlast a check-in cycle by far (at least 60 days).")
            .Validate(o => o.RetentionInterval > TimeSpan.Zero, "Storage:RetentionInterval must be positive.")
            .ValidateOnStart();
        services.AddSingleton<IPostConfigureOptions<StorageOptions>, StorageOptionsSetup>();
        services.TryAddSingleton(TimeProvider.System);

        // Each provider's database, made only when the configured provider asks for it.
        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            return new SqliteDatabase(options.ConnectionString, options.BusyTimeoutMilliseconds);
        });
        services.TryAddSingleton(sp => new PostgresDatabase(sp.GetRequiredService<IOptions<StorageOptions>>().Value.ConnectionString));
        services.AddProviderSingleton<IStoreDatabase>(sp => sp.GetRequiredService<SqliteDatabase>(), sp => sp.GetRequiredService<PostgresDatabase>());
        services.AddHostedService<StorageInitializer>();
        services.AddHostedService<WalCheckpointService>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IErasureFinisher, StorageErasureFinisher>());
        services.AddHealthChecks().Add(new HealthCheckRegistration(
            HealthCheckName,
            sp => sp.GetRequiredService<IStoreDatabase>() switch
            {
                PostgresDatabase postgres => new NpgSqlHealthCheck(new NpgSqlHealthCheckOptions(postgres.DataSource)),
                var database => new StoreDatabaseHealthCheck(database),
            },
            HealthStatus.Unhealthy,
            ["ready"],
            TimeSpan.FromSeconds(5)));
        return services;
    }

    /// <summary>
    /// Registers <typeparamref name="TService"/> (unless one is registered already) as the configured provider's
    /// implementation, chosen when it is first resolved from the bound <see cref="StorageOptions.Provider"/>. This is
    /// how a store joins: one implementation per provider, nothing provider-specific above its interface.
    /// </summary>
    public static IServiceCollection AddProviderSingleton<TService>(
        this IServiceCollection services,
        Func<IServiceProvider, TService> sqlite,
        Func<IServiceProvider, TService> postgreSql)
        where TService : class
    {
        ArgumentNullException.ThrowIfNull(sqlite);
        ArgumentNullException.ThrowIfNull(postgreSql);
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<StorageOptions>>().Value.Provider switch
        {
            StorageProvider.PostgreSQL => postgreSql(sp),
            _ => sqlite(sp),
        });
        return services;
    }

    private static bool NamesAPostgresServer(string connectionString)
    {
        try
        {
            return !string.IsNullOrWhiteSpace(new NpgsqlConnectionStringBuilder(connectionString).Host);
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
