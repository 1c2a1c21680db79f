namespace StretchBot.Domain.Catalog;

/// <summary>
/// How much of a stretch to do. Exactly one of repetitions, hold or continuous time is set.
/// </summary>
/// <param name="RepetitionsMin">Fewest repetitions per set (with <paramref name="RepetitionsMax"/>), or null.</param>
/// <param name="RepetitionsMax">Most repetitions per set, or null.</param>
/// <param name="HoldSeconds">Seconds to hold a static stretch, or null.</param>
/// <param name="ContinuousSeconds">Seconds of continuous back-and-forth movement, or null.</param>
/// <param name="Sets">Sets each time.</param>
/// <param name="Frequency">How often, in plain words ("3 to 4 times a day").</param>
/// <param name="Summary">The whole dose in one plain sentence, for a card.</param>
public sealed record Dose(
    int? RepetitionsMin,
    int? RepetitionsMax,
    int? HoldSeconds,
    int? ContinuousSeconds,
    int Sets,
    string Frequency,
    string Summary);
