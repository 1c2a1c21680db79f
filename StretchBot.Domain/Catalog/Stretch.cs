using StretchBot.Domain.Triage;

namespace StretchBot.Domain.Catalog;

/// <summary>One stretch of the catalog. Immutable; loaded from Domain/Data/catalog.json.</summary>
public sealed record Stretch
{
    /// <summary>Stable id (see <see cref="StretchIds"/>); also the picture name /images/stretches/{id}.png.</summary>
    public required string Id { get; init; }

    /// <summary>Display name.</summary>
    public required string Name { get; init; }

    /// <summary>Where the body starts.</summary>
    public required StartingPosition StartingPosition { get; init; }

    /// <summary>True when the user must get down to the floor (and back up) to do it.</summary>
    public required bool NeedsFloor { get; init; }

    /// <summary>Numbered steps, in order (number them 1..n when showing them).</summary>
    public required IReadOnlyList<string> Steps { get; init; }

    /// <summary>How much and how often.</summary>
    public required Dose Dose { get; init; }

    /// <summary>The direction of movement it biases.</summary>
    public required MovementDirection Direction { get; init; }

    /// <summary>Who it suits, as tags matched against the triage answers; the first tag is its main target.</summary>
    public required IReadOnlyList<SuitsTag> Suits { get; init; }

    /// <summary>Who it suits, in one plain sentence for a card.</summary>
    public required string SuitsText { get; init; }

    /// <summary>Why it works, in one or two sentences.</summary>
    public required string WhyItWorks { get; init; }

    /// <summary>Things to watch for while doing it.</summary>
    public required IReadOnlyList<string> Cautions { get; init; }

    /// <summary>Diagnoses that rule it out: never recommended to anyone with one of these.</summary>
    public required IReadOnlyList<Diagnosis> AvoidIf { get; init; }

    /// <summary>Diagnoses that call for care: ranked lower, and the reason says why to take care.</summary>
    public required IReadOnlyList<Diagnosis> CautionIf { get; init; }

    /// <summary>True for a stretch only for people whose symptoms reach a leg (the seated sciatic nerve floss).</summary>
    public required bool OnlyWithLegSymptoms { get; init; }

    /// <summary>What-makes-it-worse answers that call for care (cat-cow moves both ways): the reason says why.</summary>
    public required IReadOnlyList<WorseWith> CautionIfWorseWith { get; init; }

    /// <summary>Which side to do it on.</summary>
    public required SideGuidance Side { get; init; }

    /// <summary>True when it is gentle enough for severe pain (8-10).</summary>
    public required bool Gentle { get; init; }

    /// <summary>Ids of near-identical stretches; a plan never holds two stretches that are similar.</summary>
    public required IReadOnlyList<string> SimilarTo { get; init; }

    /// <summary>One sentence of alt text describing the picture (start and end position).</summary>
    public required string PictureAlt { get; init; }

    /// <summary>
    /// The words for the picture's two numbered panels (1: the start, 2: the movement), shown in the card under the
    /// picture: the picture itself carries no words, which would be too small to read on a phone.
    /// </summary>
    public required IReadOnlyList<string> PictureCaptions { get; init; }

    /// <summary>True for the leg-muscle stretches (gluteal, piriformis, hip flexor).</summary>
    public bool IsLegMuscleStretch => Direction == MovementDirection.MuscleStretch;
}
