using StretchBot.Domain.Recommendations;

namespace StretchBot.Domain.Swaps;

/// <summary>
/// A stretch rated "same" two check-ins in a row, and an alternative the user may choose instead
/// (the plan stays as it is unless they accept).
/// </summary>
public sealed record OfferedSwap(string CurrentId, RecommendedStretch Alternative);
