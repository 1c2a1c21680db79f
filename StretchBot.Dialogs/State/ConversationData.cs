namespace StretchBot.Dialogs.State;

/// <summary>Small per-conversation facts (no health data).</summary>
public sealed class ConversationData
{
    /// <summary>The welcome was sent in this conversation (Teams sends both installationUpdate and conversationUpdate).</summary>
    public bool WelcomeSent { get; set; }

    /// <summary>The id the channel gave the welcome card; cleared once the card has been closed (its buttons removed).</summary>
    public string? WelcomeActivityId { get; set; }

    /// <summary>How to reach this conversation proactively, stored when the bot is installed or first joins.</summary>
    public Microsoft.Bot.Schema.ConversationReference? Reference { get; set; }
}
