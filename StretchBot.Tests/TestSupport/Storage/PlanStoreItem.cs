using Microsoft.Bot.Builder;

namespace StretchBot.Tests.TestSupport;

/// <summary>A typed store item, as a store of plans or check-ins would keep.</summary>
public sealed class PlanStoreItem : IStoreItem
{
    public string? ETag { get; set; }

    public List<string> StretchIds { get; set; } = [];

    public int Pain { get; set; }

    public DateTimeOffset NextCheckIn { get; set; }
}
