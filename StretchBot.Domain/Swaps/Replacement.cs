using StretchBot.Domain.Recommendations;

namespace StretchBot.Domain.Swaps;

/// <summary>A stretch that made things worse, and the one that takes its place.</summary>
public sealed record Replacement(string OldId, RecommendedStretch New);
