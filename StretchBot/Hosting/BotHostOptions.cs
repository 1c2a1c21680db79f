namespace StretchBot.Hosting;

/// <summary>Limits at the HTTP edge of /api/messages. Bound from the "Bot" configuration section.</summary>
public sealed class BotHostOptions
{
    public const string SectionName = "Bot";

    /// <summary>The largest activity body accepted, in bytes; larger ones get 413. Default 256 KB.</summary>
    public int MaxActivityBytes { get; set; } = 256 * 1024;

    /// <summary>
    /// With authentication off only: base URLs (besides this machine) the bot may reply to, e.g. a tunnel in front of
    /// the Emulator. An activity whose serviceUrl is under none of them, and not on loopback, gets 400.
    /// </summary>
    public string[] AllowedServiceUrls { get; set; } = [];
}
