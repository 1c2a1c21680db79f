namespace StretchBot.Dialogs.Cards;

/// <summary>
/// The data of the stretch card (cards/stretch.json), for <c>CardLibrary.Render(StretchCardData.TemplateName, data)</c>.
/// Property names reach the template in camelCase (<c>ImageUrl</c> is <c>${imageUrl}</c>).
/// </summary>
/// <param name="Id">The stretch id, e.g. "cobra".</param>
/// <param name="Name">The heading, e.g. "Cobra stretch".</param>
/// <param name="ImageUrl">Absolute URL of the picture (from Bot:PublicBaseUrl + /images/stretches/{id}.png).</param>
/// <param name="ImageAlt">What the picture shows, for screen readers.</param>
/// <param name="PictureStart">The caption of the picture's first panel (the start), shown under the picture.</param>
/// <param name="PictureThen">The caption of the picture's second panel (the movement).</param>
/// <param name="Position">The starting position.</param>
/// <param name="Steps">The steps in order; the card numbers them ("Step 1: ...").</param>
/// <param name="Dose">How much and how often.</param>
/// <param name="Reason">Why this stretch was picked for this user, behind "Who it suits".</param>
/// <param name="Suits">Who it suits, behind the "Who it suits" button (Action.ShowCard).</param>
/// <param name="Cautions">Warnings, behind "Take care", in the attention colour; an empty list drops the button.</param>
/// <param name="Side">Which side to start with or favour; null or empty hides the line.</param>
/// <param name="HowItWorks">"Why it works", behind its button (Action.ShowCard).</param>
public sealed record StretchCardData(
    string Id,
    string Name,
    string ImageUrl,
    string ImageAlt,
    string PictureStart,
    string PictureThen,
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
