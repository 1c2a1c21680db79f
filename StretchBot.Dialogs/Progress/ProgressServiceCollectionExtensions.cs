using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace StretchBot.Dialogs.Progress;

/// <summary>The conversation's side of progress: the recorder, the progress card and sharing.</summary>
public static class ProgressServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ProgressOptions"/> (section "Progress", validated at start), the recorder (the stored one when
    /// the host registered an <see cref="IProgressStore"/>, otherwise <see cref="NoProgressRecorder"/>), the addresses,
    /// the card and sharing. A recorder registered before this call is kept.
    /// </summary>
    public static IServiceCollection AddProgressConversation(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ProgressOptions>()
            .Bind(configuration.GetSection(ProgressOptions.SectionName))
            .Validate(
                o => o.ShareLinkLifetime > TimeSpan.Zero && o.ShareLinkLifetime <= ProgressOptions.LongestShareLinkLifetime,
                $"Progress:ShareLinkLifetime must be more than zero and at most {ProgressOptions.LongestShareLinkLifetime.TotalDays:0} days.")
            .ValidateOnStart();
        services.TryAddSingleton<IProgressRecorder>(sp => sp.GetService<IProgressStore>() is { } store
            ? new StoredProgressRecorder(store, sp.GetRequiredService<TimeProvider>())
            : new NoProgressRecorder());
        services.TryAddSingleton<ProgressAddresses>();
        services.TryAddSingleton<ProgressCard>();
        services.TryAddSingleton<ProgressSharing>();
        return services;
    }
}
