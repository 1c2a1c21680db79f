namespace StretchBot.DirectLine;

/// <summary>What a signed credential allows.</summary>
public enum DirectLineTokenKind
{
    /// <summary>A short-lived Direct Line token: read and post in one conversation.</summary>
    Token,

    /// <summary>A long-lived ticket the page keeps to get a fresh token for its conversation after a reload.</summary>
    Resume,

    /// <summary>The credential in a conversation's streamUrl: opens that conversation's WebSocket, briefly valid.</summary>
    Stream,
}
