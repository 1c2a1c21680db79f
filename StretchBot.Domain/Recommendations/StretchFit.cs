using StretchBot.Domain.Catalog;

namespace StretchBot.Domain.Recommendations;

/// <summary>How well one eligible stretch fits one user.</summary>
/// <param name="Stretch">The stretch.</param>
/// <param name="CatalogIndex">Its place in the catalog (the tie-break).</param>
/// <param name="Score">Points for what it matches, minus points for cautions.</param>
/// <param name="Reasons">Sentences tied to what the user said, strongest first.</param>
/// <param name="CautionNote">A sentence on why to take care (a caution-if diagnosis), or null.</param>
internal sealed record StretchFit(Stretch Stretch, int CatalogIndex, int Score, IReadOnlyList<string> Reasons, string? CautionNote)
{
    public string Reason
    {
        get
        {
            var sentences = Reasons.Take(2).DefaultIfEmpty("It fits what you told me.").ToList();
            if (CautionNote is not null)
            {
                sentences.Add(CautionNote);
            }

            return string.Join(" ", sentences);
        }
    }

    public RecommendedStretch ToRecommended() => new(Stretch, Reason);
}
