using StretchBot.Domain.Catalog;

namespace StretchBot.Tests.Domain;

/// <summary>The clinical core stands alone: no Bot Framework (nor any dialog) in the assembly the rules live in.</summary>
public class DomainProjectTests
{
    [Fact]
    public void TheClinicalCoreReferencesNoBotFrameworkOrDialogAssembly()
    {
        var references = typeof(StretchCatalog).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.DoesNotContain(references, name => name.StartsWith("Microsoft.Bot", StringComparison.Ordinal));
        Assert.DoesNotContain(references, name => name.StartsWith("Microsoft.Recognizers", StringComparison.Ordinal));
        Assert.DoesNotContain("StretchBot.Dialogs", references);
        Assert.Equal("StretchBot.Domain", typeof(StretchCatalog).Assembly.GetName().Name);
    }
}
