using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using Microsoft.Extensions.Options;

namespace StretchBot.DirectLine;

/// <summary>
/// The local Direct Line's streaming, as Direct Line 3.0 does it: starting or reconnecting a conversation returns a
/// streamUrl; a WebSocket there receives every activity after the watermark it names, then each new one as it is
/// written, as activity sets <c>{"activities":[...],"watermark":"N"}</c>. Any instance can hold the socket of any
/// conversation: it reads from the shared transcript whenever its <see cref="TranscriptFeed"/> says the conversation's
/// transcript grew, whichever instance appended to it. Messages from the client (Web Chat's empty keep-alives) are
/// read and dropped. When the instance stops, its sockets close with "going away" and the client reconnects elsewhere.
/// </summary>
public static class DirectLineStream
{
    /// <summary>The path of a conversation's stream, under <see cref="DirectLineEndpoints.BasePath"/>.</summary>
    public const string PathTemplate = "/conversations/{conversationId}/stream";

    public static void Map(RouteGroupBuilder group) => group.MapGet(PathTemplate, StreamAsync);

    /// <summary>
    /// The conversation's streamUrl for the client that sent <paramref name="request"/>: ws(s):// on the host it called
    /// (a load balancer's X-Forwarded-Proto and X-Forwarded-Host win, so the page reaches the socket the way it reached
    /// the bot), with a short-lived stream credential and the watermark to start after.
    /// </summary>
    public static async Task<string> UrlAsync(HttpRequest request, DirectLineConversation conversation, long watermark, DirectLineTokenService tokens, CancellationToken cancellationToken)
    {
        var token = await tokens.IssueStreamTokenAsync(conversation.ConversationId, conversation.UserId, cancellationToken);
        var scheme = Forwarded(request, "X-Forwarded-Proto") ?? request.Scheme;
        var forwardedHost = Forwarded(request, "X-Forwarded-Host");
        var host = forwardedHost is not null && Uri.CheckHostName(HostString.FromUriComponent(forwardedHost).Host) != UriHostNameType.Unknown
            ? forwardedHost
            : request.Host.ToUriComponent();
        var webSocketScheme = string.Equals(scheme, "https", StringComparison.OrdinalIgnoreCase) ? "wss" : "ws";
        return $"{webSocketScheme}://{host}{request.PathBase}{DirectLineEndpoints.BasePath}/conversations/{Uri.EscapeDataString(conversation.ConversationId)}/stream"
            + $"?watermark={watermark.ToString(CultureInfo.InvariantCulture)}&t={Uri.EscapeDataString(token)}";
    }

    private static async Task<IResult> StreamAsync(
        string conversationId,
        HttpContext context,
        DirectLineTokenService tokens,
        DirectLineConversationService conversations,
        ITranscriptStore store,
        TranscriptFeed feed,
        IOptions<DirectLineOptions> options,
        IHostApplicationLifetime lifetime,
        ILogger<TranscriptFeed> logger)
    {
        var claims = await tokens.ValidateAsync(context.Request.Query["t"].ToString(), DirectLineTokenKind.Stream, context.RequestAborted);
        if (claims is null || !string.Equals(claims.ConversationId, conversationId, StringComparison.Ordinal))
        {
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }

        if (await conversations.FindAsync(conversationId, context.RequestAborted) is not { } conversation || conversation.UserId != claims.UserId)
        {
            return Results.NotFound();
        }

        if (!DirectLineEndpoints.TryReadWatermark(context.Request, out var watermark))
        {
            return Results.BadRequest(new { error = new { code = "BadArgument", message = "The watermark is not one this service gave out." } });
        }

        if (feed.SubscriptionsOf(conversationId) >= options.Value.MaxStreamsPerConversation)
        {
            return Results.StatusCode(StatusCodes.Status429TooManyRequests);
        }

        if (!context.WebSockets.IsWebSocketRequest)
        {
            return Results.BadRequest(new { error = new { code = "BadArgument", message = "The stream is a WebSocket." } });
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
        logger.Stream("opened", conversationId);
        await PumpAsync(socket, conversationId, watermark, store, feed, options.Value.MaxActivitiesPerPage, stopping.Token);
        logger.Stream("closed", conversationId);
        return Results.Empty;
    }

    /// <summary>Sends what is after <paramref name="watermark"/>, then whatever is appended, until either side closes.</summary>
    private static async Task PumpAsync(WebSocket socket, string conversationId, long watermark, ITranscriptStore store, TranscriptFeed feed, int maxPerPage, CancellationToken stopping)
    {
        // Subscribed before the first read: an append that lands between the read and the wait still wakes it.
        using var subscription = feed.Subscribe(conversationId);
        using var clientGone = new CancellationTokenSource();
        using var stopDraining = new CancellationTokenSource();
        var draining = DrainAsync(socket, clientGone, stopDraining.Token);
        using var sending = CancellationTokenSource.CreateLinkedTokenSource(stopping, clientGone.Token);
        try
        {
            while (true)
            {
                TranscriptPage page;
                do
                {
                    page = await store.GetActivitiesAsync(conversationId, watermark, maxPerPage, sending.Token);
                    if (page.Activities.Count == 0)
                    {
                        break;
                    }

                    var set = Encoding.UTF8.GetBytes(DirectLineEndpoints.ActivitySet(conversationId, page));
                    await socket.SendAsync(set, WebSocketMessageType.Text, endOfMessage: true, sending.Token);
                    watermark = page.Watermark;
                }
                while (page.Activities.Count == maxPerPage);

                await subscription.WaitAsync(sending.Token);
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or WebSocketException)
        {
            // The client went away, or this instance is stopping.
        }

        if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
        {
            // Stopping: "going away", so the client reconnects (to another instance, behind a load balancer).
            var status = stopping.IsCancellationRequested && socket.State == WebSocketState.Open ? WebSocketCloseStatus.EndpointUnavailable : WebSocketCloseStatus.NormalClosure;
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await socket.CloseOutputAsync(status, null, timeout.Token);
            }
            catch (Exception exception) when (exception is OperationCanceledException or WebSocketException)
            {
                // Gone already.
            }
        }

        // The client answers the close, which ends the draining; a client that does not is cut off shortly after.
        stopDraining.CancelAfter(TimeSpan.FromSeconds(2));
        await draining;
    }

    /// <summary>Reads and drops what the client sends (keep-alives) until it closes or goes away, then cancels <paramref name="clientGone"/>.</summary>
    private static async Task DrainAsync(WebSocket socket, CancellationTokenSource clientGone, CancellationToken stop)
    {
        var buffer = new byte[1024];
        try
        {
            while (true)
            {
                var received = await socket.ReceiveAsync(buffer, stop);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or WebSocketException)
        {
            // Gone, or cut off.
        }

        await clientGone.CancelAsync();
    }

    private static string? Forwarded(HttpRequest request, string header)
    {
        var value = request.Headers[header].ToString();
        var first = value.Split(',')[0].Trim();
        return first.Length == 0 ? null : first;
    }
}
