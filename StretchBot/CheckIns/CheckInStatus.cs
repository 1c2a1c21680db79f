namespace StretchBot.CheckIns;

/// <summary>Where a scheduled check-in stands.</summary>
public enum CheckInStatus
{
    /// <summary>Scheduled, not sent yet.</summary>
    Pending,

    /// <summary>Sent; waiting for the user's answer (a single reminder may still be due).</summary>
    Sent,

    /// <summary>The user answered it.</summary>
    Answered,

    /// <summary>The user stopped their check-ins.</summary>
    Cancelled,

    /// <summary>The bot can no longer reach the user (removed or blocked), or the channel refused it for good.</summary>
    Ended,
}
