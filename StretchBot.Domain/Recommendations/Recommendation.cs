namespace StretchBot.Domain.Recommendations;

/// <summary>The result of <see cref="StretchRecommender.Recommend"/>.</summary>
/// <param name="Status">Whether there is a plan, and if not why.</param>
/// <param name="Stretches">1 to 3 stretches, best fit first; empty when there is no plan.</param>
/// <param name="Rules">The general rules to show with a plan (pain-free, try for about a week, ...); empty without a plan.</param>
/// <param name="Advice">Non-stretch advice that applies to this user (walking, general health, severe pain, ...); empty without a plan.</param>
/// <param name="IsGentlePlan">True when only gentle stretches that need no floor were picked: pain is severe (8-10; then also a smaller plan with advice to rest and see a clinician if it does not ease), or a clinician cleared a warning sign.</param>
/// <param name="NoPlanReason">Why there is no plan, in words to show the user (null when there is a plan).</param>
public sealed record Recommendation(
    RecommendationStatus Status,
    IReadOnlyList<RecommendedStretch> Stretches,
    IReadOnlyList<string> Rules,
    IReadOnlyList<string> Advice,
    bool IsGentlePlan,
    string? NoPlanReason)
{
    /// <summary>True when there are stretches to show.</summary>
    public bool HasPlan => Status == RecommendationStatus.Plan;
}
