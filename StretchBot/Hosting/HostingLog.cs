namespace StretchBot.Hosting;

/// <summary>The HTTP edge's log messages: fixed reasons, status codes and exception type names only.</summary>
internal static partial class HostingLog
{
    [LoggerMessage(EventId = 4000, Level = LogLevel.Warning, Message = "Refused a request to {Endpoint} with {StatusCode}: {Reason}. Similar refusals are logged at most once per {Interval}; {Unlogged} went unlogged since the last one")]
    public static partial void RequestRefused(this ILogger logger, string endpoint, int statusCode, string reason, int unlogged, TimeSpan interval);
}
