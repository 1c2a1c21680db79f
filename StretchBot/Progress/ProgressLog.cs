namespace StretchBot.Progress;

/// <summary>The progress features' log messages (counts and types only: never a score, an answer or a token).</summary>
internal static partial class ProgressLog
{
    [LoggerMessage(EventId = 6001, Level = LogLevel.Information, Message = "Deleted the progress history of {Count} users inactive for {Retention}.")]
    public static partial void ProgressRetentionDeleted(this ILogger logger, int count, TimeSpan retention);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Warning, Message = "Progress retention pass failed ({ExceptionType}); trying again later.")]
    public static partial void ProgressRetentionFailed(this ILogger logger, string exceptionType);
}
