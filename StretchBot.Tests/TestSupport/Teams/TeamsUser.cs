namespace StretchBot.Tests.TestSupport;

/// <summary>A Teams user as the bot sees them: a channel-specific id, a stable Azure AD object id and their 1:1 chat.</summary>
public sealed record TeamsUser(string Id, string Name, string AadObjectId, string ConversationId)
{
    public static TeamsUser NewUser(string name = "Alex") => new(
        "29:" + Guid.NewGuid().ToString("N"),
        name,
        Guid.NewGuid().ToString(),
        "a:" + Guid.NewGuid().ToString("N"));

    /// <summary>The same person on another device or client: Teams gives a different chat and channel id, the same aadObjectId.</summary>
    public TeamsUser OnAnotherDevice() => this with
    {
        Id = "29:" + Guid.NewGuid().ToString("N"),
        ConversationId = "a:" + Guid.NewGuid().ToString("N"),
    };
}
