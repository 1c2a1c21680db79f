namespace StretchBot.DirectLine;

/// <summary>The local Direct Line's log messages (source-generated): ids, types and counts only, never activity content.</summary>
internal static partial class DirectLineLog
{
    [LoggerMessage(EventId = 6001, Level = LogLevel.Debug, Message = "Direct Line conversation {ConversationId} created")]
    public static partial void ConversationCreated(this ILogger logger, string conversationId);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Debug, Message = "Direct Line activity {ActivityType} {Watermark} received in {ConversationId}")]
    public static partial void ActivityReceived(this ILogger logger, string? activityType, long watermark, string conversationId);

    [LoggerMessage(EventId = 6003, Level = LogLevel.Debug, Message = "Direct Line activity {ActivityType} {Watermark} sent by the bot in {ConversationId}")]
    public static partial void ActivitySent(this ILogger logger, string? activityType, long watermark, string conversationId);

    [LoggerMessage(EventId = 6004, Level = LogLevel.Information, Message = "Erased {ActivityCount} Direct Line activities for {ConversationId}")]
    public static partial void Erased(this ILogger logger, int activityCount, string conversationId);

    [LoggerMessage(EventId = 6005, Level = LogLevel.Information, Message = "Removed {ConversationCount} expired Direct Line conversations")]
    public static partial void ExpiredRemoved(this ILogger logger, int conversationCount);

    [LoggerMessage(EventId = 6006, Level = LogLevel.Warning, Message = "Direct Line transcript cleanup failed ({ExceptionType}); it will run again")]
    public static partial void CleanupFailed(this ILogger logger, string exceptionType);

    [LoggerMessage(EventId = 6007, Level = LogLevel.Warning, Message = "Azure Direct Line refused the token request with {StatusCode}")]
    public static partial void AzureTokenRefused(this ILogger logger, int statusCode);

    [LoggerMessage(EventId = 6008, Level = LogLevel.Warning, Message = "Lost the database connection that tells this instance of other instances' web chat activities ({ExceptionType}); reconnecting in {Delay}. Open pages get those activities late until then.")]
    public static partial void ListenerLost(this ILogger logger, string exceptionType, TimeSpan delay);

    [LoggerMessage(EventId = 6009, Level = LogLevel.Debug, Message = "Direct Line stream {Outcome} for {ConversationId}")]
    public static partial void Stream(this ILogger logger, string outcome, string conversationId);
}
