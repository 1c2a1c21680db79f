using StretchBot.Domain.Catalog;

namespace StretchBot.Domain.Recommendations;

/// <summary>A stretch picked for this user, with the reason in plain words tied to what they said.</summary>
public sealed record RecommendedStretch(Stretch Stretch, string Reason);
