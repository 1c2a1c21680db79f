namespace StretchBot.Dialogs.Cards;

/// <summary>
/// The data of the stretch card (cards/stretch.json), for <c>CardLibrary.Render(StretchCardData.TemplateName, data)</c>.
/// Property names reach the template in camelCase (<c>ImageUrl</c> is <c>${imageUrl}</c>).
/// </summary>
/// <param name="Id">The stretch id, e.g. "cobra".</param>
/// <param name="Name">The heading, e.g. "Cobra stretch".</param>
/// <param name="ImageUrl">Absolute URL of the picture (from Bot:PublicBaseUrl + /images/stretches/{id}.png).</param>
/// <param name="ImageAlt">What the picture shows, for screen readers.</param>
/// <param name="Position">The starting position.</param>
/// <param name="Steps">The steps in order; the card numbers them ("Step 1: ...").</param>
/// <param name="Dose">How much and how often.</param>
/// <param name="Reason">Why this stretch was picked for this user ("Why this one for you").</param>
/// <param name="Suits">Who it suits.</param>
/// <param name="Cautions">Warnings, shown in the attention colour; an empty list hides the section.</param>
/// <param name="Side">Which side to start with or favour; null or empty hides the section.</param>
/// <param name="HowItWorks">"Why it works", hidden until the user opens it (Action.ToggleVisibility).</param>
public sealed record StretchCardData(
    string Id,
    string Name,
    string ImageUrl,
    string ImageAlt,
    string Position,
    IReadOnlyList<string> Steps,
    string Dose,
    string Reason,
    string Suits,
    IReadOnlyList<string> Cautions,
    string? Side,
    string HowItWorks)
{
    /// <summary>The template's name in <see cref="CardLibrary"/>.</summary>
    public const string TemplateName = "stretch";
}
