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
    /// loaded and validated here, so bad catalog data stops the app at startup with a <see cref="CatalogValidationException"/>.
    /// </summary>
    public static IServiceCollection AddStretchDomain(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var catalog = StretchCatalog.LoadEmbedded();
        services.AddSingleton(catalog);
        services.AddSingleton(_ => new StretchRecommender(catalog));
        services.AddSingleton(sp => new SwapRule(sp.GetRequiredService<StretchRecommender>()));
        return services;
    }
}
