using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using StretchBot.Dialogs.CheckIns;
using StretchBot.Dialogs.Privacy;
using StretchBot.Storage;
using StretchBot.Storage.Postgres;
using StretchBot.Storage.Sqlite;

namespace StretchBot.CheckIns;

/// <summary>Registers the durable check-in schedule and the dispatcher that sends due check-ins.</summary>
public static class CheckInExtensions
{
    /// <summary>
    /// Registers <see cref="CheckInOptions"/> (section <c>CheckIn</c>), <see cref="CheckInSchedule"/>, the storage
    /// provider's <see cref="ICheckInStore"/>, as <see cref="ICheckInScheduler"/> and one of the <see cref="IPersonalDataEraser"/>s,
    /// <see cref="TimeProvider.System"/> unless a TimeProvider is already registered, and the hosted
    /// <see cref="CheckInDispatcher"/> (which does nothing when <c>CheckIn:DispatcherEnabled</c> is false).
    /// The bot registers <see cref="ICheckInDelivery"/>; the dispatcher resolves it in a scope per send.
    /// </summary>
    public static IServiceCollection AddCheckIns(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<CheckInOptions>()
            .Bind(configuration.GetSection(CheckInOptions.SectionName))
            .Validate(o => o.Interval > TimeSpan.Zero, "CheckIn:Interval must be positive.")
            .Validate(o => o.ReminderAfter > TimeSpan.Zero, "CheckIn:ReminderAfter must be positive.")
            .Validate(o => o.PollInterval > TimeSpan.Zero, "CheckIn:PollInterval must be positive.")
            .Validate(o => o.Lease > TimeSpan.Zero, "CheckIn:Lease must be positive.")
            .Validate(o => o.RateLimitMargin >= TimeSpan.Zero, "CheckIn:RateLimitMargin must not be negative.")
            .Validate(o => o.BatchSize > 0 && o.MaxSendsPerTenantPerPass > 0, "CheckIn:BatchSize and CheckIn:MaxSendsPerTenantPerPass must be positive.")
            .Validate(o => o.TenantSpacing >= TimeSpan.Zero, "CheckIn:TenantSpacing must not be negative.")
            .Validate(o => o.MaxAttempts > 0, "CheckIn:MaxAttempts must be positive.")
            .Validate(o => o.ClosedRetention >= TimeSpan.Zero, "CheckIn:ClosedRetention must not be negative.")
            .Validate(o => o.MaxConcurrentSends > 0, "CheckIn:MaxConcurrentSends must be positive.")
            .Validate(o => ParsesAsLimits(o.ConversationRateLimits) && ParsesAsLimits(o.TenantRateLimits), "CheckIn:ConversationRateLimits and CheckIn:TenantRateLimits must be lists of messages/period, for example \"7/00:00:01, 60/00:00:30\".")
            .Validate(
                o => !ParsesAsLimits(o.TenantRateLimits) || o.Lease > LongestPass(o),
                "CheckIn:Lease must outlast a pass (MaxSendsPerTenantPerPass check-ins of up to 2 messages within TenantRateLimits and TenantSpacing), or another instance would send the same check-in again.")
            .Validate(o => o.RetryBaseDelay > TimeSpan.Zero && o.RetryMaxDelay >= o.RetryBaseDelay, "CheckIn:RetryBaseDelay must be positive and no more than CheckIn:RetryMaxDelay.")
            .ValidateOnStart();

        services.AddStorageOptions(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new CheckInSchedule(sp.GetRequiredService<IOptions<CheckInOptions>>().Value));

        services.AddProviderSingleton<ICheckInStore>(
            sp => new SqliteCheckInStore(sp.GetRequiredService<SqliteDatabase>(), sp.GetRequiredService<CheckInSchedule>(), sp.GetRequiredService<TimeProvider>()),
            sp => new PostgresCheckInStore(sp.GetRequiredService<PostgresDatabase>(), sp.GetRequiredService<CheckInSchedule>(), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<ICheckInScheduler>(sp => sp.GetRequiredService<ICheckInStore>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPersonalDataEraser, ICheckInStore>(sp => sp.GetRequiredService<ICheckInStore>()));

        // The dispatcher needs the BotAdapter; if the host registered only the HTTP adapter, use that one.
        services.TryAddSingleton<BotAdapter>(sp =>
            sp.GetRequiredService<IBotFrameworkHttpAdapter>() as BotAdapter
            ?? throw new InvalidOperationException("The registered IBotFrameworkHttpAdapter is not a BotAdapter."));

        services.TryAddSingleton<CheckInDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<CheckInDispatcher>());
        return services;
    }

    private static bool ParsesAsLimits(string? text)
    {
        try
        {
            RateWindow.ParseList(text);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>The longest one tenant's share of a pass can take: its messages (2 per check-in at most) at its limits.</summary>
    private static TimeSpan LongestPass(CheckInOptions options)
    {
        var messages = options.MaxSendsPerTenantPerPass * 2;
        var longest = options.TenantSpacing * options.MaxSendsPerTenantPerPass;
        foreach (var window in RateWindow.ParseList(options.TenantRateLimits))
        {
            var rounds = (messages + window.Limit - 1) / window.Limit;
            var needed = window.Period * rounds;
            if (needed > longest)
            {
                longest = needed;
            }
        }

        return longest;
    }
}
