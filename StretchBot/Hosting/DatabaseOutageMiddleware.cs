using System.Data.Common;

namespace StretchBot.Hosting;

/// <summary>
/// Turns a database that cannot be reached or used (any <see cref="DbException"/>: PostgreSQL down, a SQLite file
/// locked past its busy timeout) into 503 with Retry-After for the pages and endpoints outside the bot's turn (the
/// Direct Line, progress pictures, the physio's summary), instead of a 500 with an exception page. The bot's own turns
/// have their error handler. Logged as a rate-limited refusal with the exception type only; /healthz says which check
/// failed.
/// </summary>
public sealed class DatabaseOutageMiddleware(RequestDelegate next, RefusalLog refusals)
{
    /// <summary>Seconds a client is asked to wait before trying again.</summary>
    public const int RetryAfterSeconds = 5;

    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            await next(context);
        }
        catch (DbException ex) when (!context.Response.HasStarted)
        {
            refusals.Refused(context.Request.Path.HasValue ? FirstSegment(context.Request.Path) : "/", StatusCodes.Status503ServiceUnavailable, $"the database failed ({ex.GetType().Name})");
            context.Response.Clear();
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            context.Response.Headers.CacheControl = "no-store";
            await context.Response.WriteAsync("The service is briefly unavailable. Please try again in a moment.", context.RequestAborted);
        }
    }

    // The endpoint's area only ("/share", "/v3"): a path may hold a share token or a conversation id.
    private static string FirstSegment(PathString path)
    {
        var value = path.Value!;
        var end = value.IndexOf('/', 1);
        return end < 0 ? value : value[..end];
    }
}
