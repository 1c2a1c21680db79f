namespace StretchBot.Storage;

/// <summary>The storage's log messages (source-generated; ids, counts and types only, never stored content).</summary>
internal static partial class StorageLog
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Warning, Message = "The write-ahead log could not be emptied after an erase (readers kept it busy); it will be on the next checkpoint.")]
    public static partial void CheckpointBusy(this ILogger logger);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Information, Message = "Storage is ready ({Provider}, schema version {Version}).")]
    public static partial void StorageReady(this ILogger logger, string provider, int version);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Information, Message = "Deleted {Count} state items untouched for {Retention}.")]
    public static partial void RetentionDeleted(this ILogger logger, int count, TimeSpan retention);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Warning, Message = "State retention pass failed ({ExceptionType}); trying again later.")]
    public static partial void RetentionFailed(this ILogger logger, string exceptionType);

    [LoggerMessage(EventId = 4005, Level = LogLevel.Warning, Message = "The database is not reachable yet ({ExceptionType}); trying again in {Delay}.")]
    public static partial void DatabaseNotReady(this ILogger logger, string exceptionType, TimeSpan delay);

    [LoggerMessage(EventId = 4006, Level = LogLevel.Warning, Message = "A write-ahead log checkpoint failed ({ExceptionType}); trying again at the next pass.")]
    public static partial void CheckpointFailed(this ILogger logger, string exceptionType);
}
