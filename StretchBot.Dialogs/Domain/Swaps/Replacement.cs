using StretchBot.Dialogs.Domain.Recommendations;

namespace StretchBot.Dialogs.Domain.Swaps;

/// <summary>A stretch that made things worse, and the one that takes its place.</summary>
public sealed record Replacement(string OldId, RecommendedStretch New);
