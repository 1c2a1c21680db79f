namespace StretchBot.Dialogs.CheckIns;

/// <summary>What the dispatcher does after a check-in could not be sent.</summary>
public enum SendFailureAction
{
    /// <summary>A passing problem (throttling, a server error, the network): try again later.</summary>
    Retry,

    /// <summary>The bot can no longer reach the user (removed, blocked, conversation gone): stop their check-ins.</summary>
    EndSchedule,

    /// <summary>The channel rejected the message for good: drop this message, keep nothing else waiting on it.</summary>
    GiveUp,
}
