using System.Text.Json.Nodes;
using Microsoft.Bot.Schema;

namespace StretchBot.Dialogs.Cards;

/// <summary>Renders the Adaptive Card templates in cards/*.json (embedded in this assembly).</summary>
public interface ICardLibrary
{
    /// <summary>The names of the embedded templates (cards/stretch.json is "stretch").</summary>
    IReadOnlyCollection<string> TemplateNames { get; }

    /// <summary>Expands template <paramref name="templateName"/> with <paramref name="data"/> into card JSON.</summary>
    JsonObject Expand(string templateName, object? data);

    /// <summary>Expands the template into an Adaptive Card attachment for an activity.</summary>
    Attachment Render(string templateName, object? data);
}
