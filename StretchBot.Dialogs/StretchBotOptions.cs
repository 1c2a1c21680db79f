namespace StretchBot.Dialogs;

/// <summary>Settings of the conversation, bound from the configuration section "Bot".</summary>
public sealed class StretchBotOptions
{
    public const string SectionName = "Bot";

    /// <summary>
    /// The public base URL of this bot (https in production). Card images are absolute URLs under it, because
    /// Teams fetches card images itself.
    /// </summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:3978";
}
