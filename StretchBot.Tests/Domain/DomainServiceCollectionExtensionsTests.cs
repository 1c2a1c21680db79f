using Microsoft.Extensions.DependencyInjection;
using StretchBot.Domain;
using StretchBot.Domain.Catalog;
using StretchBot.Domain.Recommendations;
using StretchBot.Domain.Swaps;

namespace StretchBot.Tests.Domain;

public class DomainServiceCollectionExtensionsTests
{
    [Fact]
    public void TheDomainServicesResolveAsSingletonsOverTheEmbeddedCatalog()
    {
        using var provider = new ServiceCollection().AddStretchDomain().BuildServiceProvider();
        Assert.Same(StretchCatalog.LoadEmbedded(), provider.GetRequiredService<StretchCatalog>());
        Assert.Same(provider.GetRequiredService<StretchCatalog>(), provider.GetRequiredService<StretchRecommender>().Catalog);
        Assert.Same(provider.GetRequiredService<SwapRule>(), provider.GetRequiredService<SwapRule>());
    }
}
