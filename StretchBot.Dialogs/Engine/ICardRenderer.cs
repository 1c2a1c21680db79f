using Microsoft.Bot.Schema;

namespace StretchBot.Dialogs.Engine;

/// <summary>Turns a named card template and its data into an Adaptive Card attachment.</summary>
public interface ICardRenderer
{
    Attachment Render(string templateName, object data);
}
