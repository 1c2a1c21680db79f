using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using StretchBot.Dialogs.CheckIns;
using StretchBot.Dialogs.Privacy;
using StretchBot.Storage;

namespace StretchBot.CheckIns;

/// <summary>Registers the durable check-in schedule and the dispatcher that sends due check-ins.</summary>
public static class CheckInExtensions
{
    /// <summary>
    /// Registers <see cref="CheckInOptions"/> (section <c>CheckIn</c>), <see cref="CheckInSchedule"/>, the
    /// SQLite store as itself, <see cref="ICheckInScheduler"/> and one of the <see cref="IPersonalDataEraser"/>s,
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
            .Validate(o => o.BatchSize > 0 && o.MaxSendsPerTenantPerPass > 0, "CheckIn:BatchSize and CheckIn:MaxSendsPerTenantPerPass must be positive.")
            .Validate(o => o.TenantSpacing >= TimeSpan.Zero, "CheckIn:TenantSpacing must not be negative.")
            .Validate(o => o.MaxAttempts > 0, "CheckIn:MaxAttempts must be positive.")
            .Validate(o => o.ClosedRetention >= TimeSpan.Zero, "CheckIn:ClosedRetention must not be negative.")
            .Validate(
                o => o.Lease > o.TenantSpacing * o.MaxSendsPerTenantPerPass,
                "CheckIn:Lease must outlast a pass (TenantSpacing x MaxSendsPerTenantPerPass), or another instance would send the same check-in again.")
            .Validate(o => o.RetryBaseDelay > TimeSpan.Zero && o.RetryMaxDelay >= o.RetryBaseDelay, "CheckIn:RetryBaseDelay must be positive and no more than CheckIn:RetryMaxDelay.")
            .ValidateOnStart();

        services.AddStorageOptions(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new CheckInSchedule(sp.GetRequiredService<IOptions<CheckInOptions>>().Value));

        services.TryAddSingleton(sp => new SqliteCheckInStore(
            sp.GetRequiredService<StretchBot.Storage.Sqlite.SqliteDatabase>(),
            sp.GetRequiredService<CheckInSchedule>(),
            sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<ICheckInScheduler>(sp => sp.GetRequiredService<SqliteCheckInStore>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPersonalDataEraser, SqliteCheckInStore>(sp => sp.GetRequiredService<SqliteCheckInStore>()));

        // The dispatcher needs the BotAdapter; if the host registered only the HTTP adapter, use that one.
        services.TryAddSingleton<BotAdapter>(sp =>
            sp.GetRequiredService<IBotFrameworkHttpAdapter>() as BotAdapter
            ?? throw new InvalidOperationException("The registered IBotFrameworkHttpAdapter is not a BotAdapter."));

        services.TryAddSingleton<CheckInDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<CheckInDispatcher>());
        return services;
    }
}
