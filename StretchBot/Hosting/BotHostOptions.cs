namespace StretchBot.Hosting;

/// <summary>Limits at the HTTP edge of /api/messages. Bound from the "Bot" configuration section.</summary>
public sealed class BotHostOptions
{
    public const string SectionName = "Bot";

    /// <summary>The largest activity body accepted, in bytes; larger ones get 413. Default 256 KB.</summary>
    public int MaxActivityBytes { get; set; } = 256 * 1024;
}
