namespace StretchBot.Dialogs.State;

/// <summary>Small per-conversation facts (no health data).</summary>
/// <remarks>
/// No conversation reference here: the one the bot needs for proactive messages is stored with the check-in it books
/// (state written before this change may still carry a "Reference"; it is ignored).
/// </remarks>
public sealed class ConversationData
{
    /// <summary>The welcome was sent in this conversation (Teams sends both installationUpdate and conversationUpdate).</summary>
    public bool WelcomeSent { get; set; }

    /// <summary>The id the channel gave the welcome card; cleared once the card has been closed (its buttons removed).</summary>
    public string? WelcomeActivityId { get; set; }
}
