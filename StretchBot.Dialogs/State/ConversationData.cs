namespace StretchBot.Dialogs.State;

/// <summary>Small per-conversation facts (no health data).</summary>
public sealed class ConversationData
{
    /// <summary>The welcome was sent in this conversation (Teams sends both installationUpdate and conversationUpdate).</summary>
    public bool WelcomeSent { get; set; }
}
