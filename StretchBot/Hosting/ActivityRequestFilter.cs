using System.Text;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace StretchBot.Hosting;

/// <summary>
/// Guards POST /api/messages before CloudAdapter sees the request: the body must be JSON (else 415), at most
/// <see cref="BotHostOptions.MaxActivityBytes"/> (else 413), and an activity with a type, a conversation id, a
/// sender id and a service URL (else 400 with a problem description). Left alone, CloudAdapter answers malformed JSON
/// with a bare 400 but reads bodies of any size and nesting depth, and an activity without a conversation, sender
/// or service URL would fail inside the turn.
/// </summary>
/// <remarks>
/// The body is read once into memory (bounded) and handed to the adapter as a fresh stream. Logging guard: this
/// filter logs only the status and a fixed reason, never the body or anything parsed from it; the host adds no HTTP
/// request/response body logging (no UseHttpLogging / W3C logging), because bodies carry what users tell the bot.
/// </remarks>
internal sealed class ActivityRequestFilter(IOptions<BotHostOptions> options, ILogger<ActivityRequestFilter> logger) : IEndpointFilter
{
    private const int MaxJsonDepth = 64;

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

        var body = await ReadAtMostAsync(request.Body, maxBytes, http.RequestAborted).ConfigureAwait(false);
        if (body is null)
        {
            return TooLarge(maxBytes);
        }

        var problem = Validate(body);
        if (problem is not null)
        {
            return Reject(StatusCodes.Status400BadRequest, "Not a valid activity", problem);
        }

        request.Body = new MemoryStream(body, writable: false);
        request.ContentLength = body.Length;
        return await next(context).ConfigureAwait(false);
    }

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

    /// <summary>Reads the whole body, or returns null as soon as it exceeds <paramref name="maxBytes"/>.</summary>
    private static async Task<byte[]?> ReadAtMostAsync(Stream body, int maxBytes, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    /// <summary>Deserialises the body exactly as CloudAdapter will; returns what is wrong, or null.</summary>
    private static string? Validate(byte[] body)
    {
        try
        {
            // Syntax first (with a depth limit: CloudAdapter reads with none), so the answer can say where it breaks.
            using var reader = NewReader(body);
            JToken.ReadFrom(reader);
            if (reader.Read())
            {
                return "The body has more content after the activity.";
            }
        }
        catch (JsonReaderException ex)
        {
            return $"The body is not valid JSON (line {ex.LineNumber}, position {ex.LinePosition}).";
        }
        catch (DecoderFallbackException)
        {
            return "The body is not UTF-8 text.";
        }

        Activity? activity;
        try
        {
            using var reader = NewReader(body);
            activity = HttpHelper.BotMessageSerializer.Deserialize<Activity>(reader);
        }
        catch (Exception ex) when (ex is JsonException or FormatException or InvalidCastException or ArgumentException or OverflowException)
        {
            return "The body is JSON but not a Bot Framework activity (a field has the wrong shape).";
        }

        if (activity is null)
        {
            return "The body must be a JSON object: a Bot Framework activity.";
        }

        if (string.IsNullOrWhiteSpace(activity.Type))
        {
            return "The activity has no \"type\".";
        }

        if (string.IsNullOrWhiteSpace(activity.Conversation?.Id))
        {
            return "The activity has no \"conversation.id\".";
        }

        if (string.IsNullOrWhiteSpace(activity.From?.Id))
        {
            return "The activity has no \"from.id\".";
        }

        if (!Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out _))
        {
            return "The activity has no absolute \"serviceUrl\".";
        }

        return null;
    }

    private static JsonTextReader NewReader(byte[] body) =>
        new(new StreamReader(new MemoryStream(body), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true)))
        {
            MaxDepth = MaxJsonDepth,
        };

    private IResult TooLarge(int maxBytes) => Reject(
        StatusCodes.Status413PayloadTooLarge,
        "Activity too large",
        $"An activity may be at most {maxBytes} bytes.");

    private IResult Reject(int statusCode, string title, string detail)
    {
        logger.LogWarning("Refused a request to /api/messages with {StatusCode}: {Reason}", statusCode, title);
        return Results.Problem(detail: detail, statusCode: statusCode, title: title);
    }
}
