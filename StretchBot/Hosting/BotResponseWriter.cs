using System.Buffers;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using StretchBot.Dialogs.Json;

namespace StretchBot.Hosting;

/// <summary>
/// Writes a turn's response as <see cref="HttpHelper.WriteResponseAsync"/> does (its status; its body, if any, as JSON by
/// the Bot Framework's own serialiser), but with pooled buffers instead of a growing memory stream, and with a
/// Content-Length. A turn's replies (expectReplies) carry whole cards, so this is the largest thing a turn writes.
/// </summary>
internal static class BotResponseWriter
{
    public static async Task WriteAsync(HttpResponse response, InvokeResponse? invokeResponse)
    {
        if (invokeResponse is null)
        {
            response.StatusCode = StatusCodes.Status200OK;
            return;
        }

        response.StatusCode = invokeResponse.Status;
        if (invokeResponse.Body is null)
        {
            return;
        }

        response.ContentType = "application/json";
        var (bytes, count) = Serialize(invokeResponse.Body);
        try
        {
            response.ContentLength = count;
            await response.Body.WriteAsync(bytes.AsMemory(0, count)).ConfigureAwait(false);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    /// <summary>The body's UTF-8 JSON, in an array from the shared pool (return it), and its length.</summary>
    public static (byte[] Bytes, int Count) Serialize(object body)
    {
        using var text = new PooledTextWriter();
        using (var json = text.CreateJsonWriter())
        {
            HttpHelper.BotMessageSerializer.Serialize(json, body);
        }

        return text.ToUtf8();
    }
}
