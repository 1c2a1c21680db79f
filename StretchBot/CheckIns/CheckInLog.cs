using StretchBot.Dialogs.CheckIns;

namespace StretchBot.CheckIns;

/// <summary>
/// The dispatcher's log messages. Only ids, kinds, attempt numbers and HTTP status codes are logged: never
/// anything the user said, and never an exception's message (which could echo a request).
/// </summary>
internal static partial class CheckInLog
{
    [LoggerMessage(EventId = 5000, Level = LogLevel.Information, Message = "Check-in dispatcher {DispatcherId} started; polling every {PollInterval}")]
    public static partial void DispatcherStarted(this ILogger logger, string dispatcherId, TimeSpan pollInterval);

    [LoggerMessage(EventId = 5001, Level = LogLevel.Information, Message = "Check-in dispatcher is disabled (CheckIn:DispatcherEnabled=false)")]
    public static partial void DispatcherDisabled(this ILogger logger);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Error, Message = "A check-in dispatch pass failed ({ExceptionType})")]
    public static partial void PassFailed(this ILogger logger, string exceptionType);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Debug, Message = "Claimed {Count} due check-in messages")]
    public static partial void Claimed(this ILogger logger, int count);

    [LoggerMessage(EventId = 5004, Level = LogLevel.Debug, Message = "Sent {CheckInKind} for check-in {CheckInId} (attempt {Attempt})")]
    public static partial void Sent(this ILogger logger, CheckInMessageKind checkInKind, string checkInId, int attempt);

    [LoggerMessage(EventId = 5005, Level = LogLevel.Warning, Message = "Sending {CheckInKind} for check-in {CheckInId} failed (attempt {Attempt}, HTTP {StatusCode}, {ExceptionType}); retrying in {RetryDelay}")]
    public static partial void WillRetry(this ILogger logger, CheckInMessageKind checkInKind, string checkInId, int attempt, int? statusCode, string exceptionType, TimeSpan retryDelay);

    [LoggerMessage(EventId = 5006, Level = LogLevel.Warning, Message = "Gave up sending {CheckInKind} for check-in {CheckInId} after attempt {Attempt} (HTTP {StatusCode}, {ExceptionType})")]
    public static partial void GaveUp(this ILogger logger, CheckInMessageKind checkInKind, string checkInId, int attempt, int? statusCode, string exceptionType);

    [LoggerMessage(EventId = 5007, Level = LogLevel.Warning, Message = "The bot can no longer reach the user of check-in {CheckInId} (HTTP {StatusCode}); their check-ins end")]
    public static partial void ScheduleEnded(this ILogger logger, string checkInId, int? statusCode);

    [LoggerMessage(EventId = 5008, Level = LogLevel.Warning, Message = "Check-in {CheckInId} has an unreadable conversation reference; dropped")]
    public static partial void UnreadableReference(this ILogger logger, string checkInId);

    [LoggerMessage(EventId = 5009, Level = LogLevel.Information, Message = "Check-in dispatcher {DispatcherId} stopping: nothing new is claimed or started; a send already out finishes and is recorded")]
    public static partial void DispatcherStopping(this ILogger logger, string dispatcherId);

    [LoggerMessage(EventId = 5010, Level = LogLevel.Warning, Message = "Check-in dispatcher {DispatcherId} reached the shutdown timeout with a send still out; that one message is sent again after its lease")]
    public static partial void SendAbandonedAtShutdown(this ILogger logger, string dispatcherId);
}
