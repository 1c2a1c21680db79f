using Microsoft.Extensions.DependencyInjection.Extensions;
using StretchBot.Dialogs.Privacy;
using StretchBot.Dialogs.Progress;
using StretchBot.Storage;

namespace StretchBot.Progress;

/// <summary>Registers the progress history store and what the host serves from it.</summary>
public static class ProgressExtensions
{
    /// <summary>
    /// Registers the <see cref="IProgressStore"/> on the shared database of the configured provider (also one of the
    /// <see cref="IPersonalDataEraser"/>s, so "delete my data" removes it), the progress retention pass, share links and
    /// the summary page. Call before <c>AddStretchBotConversation</c>, which then records progress into the store.
    /// </summary>
    public static IServiceCollection AddProgress(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddStorageOptions(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new ProgressStore(sp.GetRequiredService<IStoreDatabase>()));
        services.TryAddSingleton<IProgressStore>(sp => sp.GetRequiredService<ProgressStore>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPersonalDataEraser, ProgressStore>(sp => sp.GetRequiredService<ProgressStore>()));
        services.TryAddSingleton<ShareLinks>();
        services.TryAddSingleton<SharePage>();
        services.AddSingleton<ProgressRetentionService>();
        services.AddHostedService(sp => sp.GetRequiredService<ProgressRetentionService>());
        return services;
    }
}
