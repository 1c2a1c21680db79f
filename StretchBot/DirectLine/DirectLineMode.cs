namespace StretchBot.DirectLine;

/// <summary>Which Direct Line the web page talks to.</summary>
public enum DirectLineMode
{
    /// <summary>The Direct Line 3.0 subset served by this host (no cloud account needed).</summary>
    Local,

    /// <summary>Azure Bot Service's Direct Line; this host only exchanges the secret for a token.</summary>
    Azure,
}
