using StretchBot.Domain;
using StretchBot.Domain.Catalog;
using StretchBot.Domain.Swaps;
using StretchBot.Domain.Triage;

namespace StretchBot.Tests.Domain;

public class DomainLabelsTests
{
    [Fact]
    public void EveryAnswerAndCardValueHasADistinctLabel()
    {
        AssertLabelled<StartingPosition>(DomainLabels.Label);
        AssertLabelled<MovementDirection>(DomainLabels.Label);
        AssertLabelled<SideGuidance>(DomainLabels.Label);
        AssertLabelled<PainDuration>(DomainLabels.Label);
        AssertLabelled<PainLocation>(DomainLabels.Label);
        AssertLabelled<WorseWith>(DomainLabels.Label);
        AssertLabelled<Diagnosis>(DomainLabels.Label);
        AssertLabelled<AgeBand>(DomainLabels.Label);
        AssertLabelled<Feedback>(DomainLabels.Label);
    }

    [Fact]
    public void AValueFromTamperedDataGetsAClearError()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => DomainLabels.Label((WorseWith)42));
        Assert.Contains("WorseWith", ex.Message);
    }

    private static void AssertLabelled<T>(Func<T, string> label)
        where T : struct, Enum
    {
        var labels = Enum.GetValues<T>().Select(label).ToList();
        Assert.All(labels, l => Assert.False(string.IsNullOrWhiteSpace(l)));
        Assert.Equal(labels.Count, labels.Distinct().Count());
    }
}
