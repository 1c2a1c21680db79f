using Microsoft.Extensions.DependencyInjection;
using StretchBot.Domain.Catalog;
using StretchBot.Domain.Recommendations;
using StretchBot.Domain.Swaps;

namespace StretchBot.Domain;

/// <summary>Registers the clinical core: the catalog, the recommender and the swap rule (all immutable singletons).</summary>
public static class DomainServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="StretchCatalog"/>, <see cref="StretchRecommender"/> and <see cref="SwapRule"/>. The catalog is
    /// loaded and validated when it is first needed (a host builds it while starting, beside its other start-up work), so
    /// bad catalog data stops the first thing that needs it with a <see cref="CatalogValidationException"/>.
    /// </summary>
    public static IServiceCollection AddStretchDomain(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton(_ => StretchCatalog.LoadEmbedded());
        services.AddSingleton(sp => new StretchRecommender(sp.GetRequiredService<StretchCatalog>()));
        services.AddSingleton(sp => new SwapRule(sp.GetRequiredService<StretchRecommender>()));
        return services;
    }
}
