using System.Buffers;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace StretchBot.Hosting;

/// <summary>
/// Guards POST /api/messages before the bot sees the request: the body must be JSON (else 415), at most
/// <see cref="BotHostOptions.MaxActivityBytes"/> (else 413), strict JSON and a well-formed activity
/// (<see cref="ActivityValidator"/>, else 400 with a problem description), whose serviceUrl the bot may reply to
/// (<see cref="ServiceUrlPolicy"/>, else 400). The activity read here is handed on in <see cref="HttpContext.Items"/>
/// (<see cref="Take"/>), so the body is read once.
/// </summary>
/// <remarks>
/// Logging guard: this filter logs only the status and a fixed reason (through <see cref="RefusalLog"/>, so a flood of
/// bad requests is not a flood of log lines), never the body or anything parsed from it; the host adds no HTTP
/// request/response body logging (no UseHttpLogging / W3C logging), because bodies carry what users tell the bot.
/// </remarks>
internal sealed class ActivityRequestFilter(IOptions<BotHostOptions> options, ServiceUrlPolicy serviceUrls, RefusalLog refusals) : IEndpointFilter
{
    private static readonly object ActivityKey = new();

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var request = http.Request;
        var maxBytes = options.Value.MaxActivityBytes;

        if (!IsJson(request.ContentType))
        {
            return Reject(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", "Send the activity as application/json (UTF-8).");
        }

        if (request.ContentLength > maxBytes)
        {
            return TooLarge(maxBytes);
        }

        var body = await ReadAtMostAsync(request, maxBytes, http.RequestAborted).ConfigureAwait(false);
        if (body is null)
        {
            return TooLarge(maxBytes);
        }

        var problem = ActivityValidator.Validate(body, out var activity);
        if (problem is not null)
        {
            return Reject(StatusCodes.Status400BadRequest, "Not a valid activity", problem);
        }

        var refusal = serviceUrls.Refusal(new Uri(activity!.ServiceUrl, UriKind.Absolute));
        if (refusal is not null)
        {
            return Reject(StatusCodes.Status400BadRequest, "Reply address refused", refusal);
        }

        http.Items[ActivityKey] = activity;
        return await next(context).ConfigureAwait(false);
    }

    /// <summary>The activity this filter accepted for the current request.</summary>
    public static Activity Take(HttpContext http) =>
        http.Items[ActivityKey] as Activity ?? throw new InvalidOperationException("The request did not pass through ActivityRequestFilter.");

    private static bool IsJson(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var mediaType)
            || !mediaType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var charset = mediaType.Charset;
        return !charset.HasValue
            || charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase)
            || charset.Equals("utf8", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Reads the whole body, or returns null as soon as it exceeds <paramref name="maxBytes"/>. A body of known length
    /// (already checked against the limit) is read straight into an array of that size; one sent in chunks is gathered
    /// in a pooled buffer.
    /// </summary>
    private static async Task<byte[]?> ReadAtMostAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength is { } length)
        {
            var body = new byte[length];
            var count = await request.Body.ReadAtLeastAsync(body, body.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
            return count == body.Length ? body : body[..count];
        }

        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            var count = 0;
            int read;
            while ((read = await request.Body.ReadAsync(buffer.AsMemory(count), cancellationToken).ConfigureAwait(false)) > 0)
            {
                count += read;
                if (count > maxBytes)
                {
                    return null;
                }

                if (count == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, count).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }
            }

            return buffer.AsSpan(0, count).ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private IResult TooLarge(int maxBytes) => Reject(
        StatusCodes.Status413PayloadTooLarge,
        "Activity too large",
        $"An activity may be at most {maxBytes} bytes.");

    private IResult Reject(int statusCode, string title, string detail)
    {
        refusals.Refused("/api/messages", statusCode, title);
        return Results.Problem(detail: detail, statusCode: statusCode, title: title);
    }
}
