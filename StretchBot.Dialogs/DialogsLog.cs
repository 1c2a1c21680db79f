using Microsoft.Extensions.Logging;

namespace StretchBot.Dialogs;

/// <summary>
/// The conversation's log messages (source-generated). Ids only: never what the user said or answered. Events that
/// happen on ordinary turns are Debug, so a production log (Warning) stays quiet and cheap.
/// </summary>
internal static partial class DialogsLog
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Debug, Message = "Welcomed conversation {ConversationId} on {ChannelId}.")]
    public static partial void Welcomed(this ILogger logger, string? conversationId, string? channelId);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Debug, Message = "Check-in {CheckInId} is no longer current; not sent.")]
    public static partial void CheckInNotCurrent(this ILogger logger, string checkInId);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Debug, Message = "Check-in {CheckInId} was already shown; not shown twice.")]
    public static partial void CheckInAlreadyShown(this ILogger logger, string checkInId);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Warning, Message = "Conversation {ConversationId}: stored dialog {DialogId} no longer matches; restarting.")]
    public static partial void DialogShapeChanged(this ILogger logger, string? conversationId, string dialogId);
}
