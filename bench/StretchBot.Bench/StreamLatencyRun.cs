using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace StretchBot.Bench;

/// <summary>
/// How fast a bot reply reaches a web page's open stream (the local Direct Line's WebSocket), the way Web Chat uses it:
/// the page's token, conversation and messages go to the instance that answers, its stream is held by another (as a load
/// balancer may place them). For each message "help" the bench times the bot's reply from the moment the bot recorded
/// it (the activity's timestamp) to its arrival on the socket, and from posting the message to that arrival.
/// </summary>
public sealed class StreamLatencyRun(BenchOptions options, StartPair startPair, TextWriter log)
{
    private const int MessagesPerConversation = 10;

    public async Task<List<StreamLatencyResult>> RunAsync(string provider, CancellationToken cancellationToken)
    {
        var results = new List<StreamLatencyResult>();
        var (a, b) = await startPair(provider, "stream", new Dictionary<string, string> { ["CheckIn__DispatcherEnabled"] = "false" }, cancellationToken);
        await using (a)
        await using (b)
        {
            if (provider == "SQLite")
            {
                results.Add(await MeasureAsync("SQLite, one instance", a, a, cancellationToken));
            }

            results.Add(await MeasureAsync($"{provider}, the stream on one instance, the answers from another", a, b, cancellationToken));
        }

        return results;
    }

    private async Task<StreamLatencyResult> MeasureAsync(string setup, BotProcess holder, BotProcess answerer, CancellationToken cancellationToken)
    {
        // One conversation first, not counted: the code paths are compiled and the connections opened.
        await ConversationAsync(holder, answerer, MessagesPerConversation, [], [], cancellationToken);
        var written = new List<double>();
        var posted = new List<double>();
        for (var done = 0; done < options.StreamMessages; done += MessagesPerConversation)
        {
            await ConversationAsync(holder, answerer, Math.Min(MessagesPerConversation, options.StreamMessages - done), written, posted, cancellationToken);
        }

        var writtenStats = new LatencyStats(written, 1);
        var postedStats = new LatencyStats(posted, 1);
        var result = new StreamLatencyResult
        {
            Setup = setup,
            Replies = written.Count,
            WrittenToSocketP50Ms = Math.Round(writtenStats.P50, 1),
            WrittenToSocketP95Ms = Math.Round(writtenStats.P95, 1),
            WrittenToSocketMaxMs = Math.Round(writtenStats.Percentile(1), 1),
            PostToReplyP50Ms = Math.Round(postedStats.P50, 1),
            PostToReplyP95Ms = Math.Round(postedStats.P95, 1),
        };
        log.WriteLine($"  stream, {setup}: {result.Replies} replies; recorded to on the socket p50 {result.WrittenToSocketP50Ms} / p95 {result.WrittenToSocketP95Ms} / max {result.WrittenToSocketMaxMs} ms; posted to reply p50 {result.PostToReplyP50Ms} / p95 {result.PostToReplyP95Ms} ms");
        return result;
    }

    private static async Task ConversationAsync(BotProcess holder, BotProcess answerer, int messages, List<double> written, List<double> posted, CancellationToken cancellationToken)
    {
        var http = answerer.Http;
        using var page = await http.PostAsJsonAsync("api/directline/token", new JsonObject(), cancellationToken);
        var session = (await page.Content.ReadFromJsonAsync<JsonObject>(cancellationToken))!;
        var token = (string)session["token"]!;
        var conversationId = (string)session["conversationId"]!;
        using var start = await SendAsync(http, HttpMethod.Post, "v3/directline/conversations", token, new JsonObject(), cancellationToken);
        var started = (await start.Content.ReadFromJsonAsync<JsonObject>(cancellationToken))!;

        // The load balancer sends the page's socket to the other instance.
        var streamUrl = new UriBuilder((string)started["streamUrl"]!) { Host = holder.BaseAddress.Host, Port = holder.BaseAddress.Port }.Uri;
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(streamUrl, cancellationToken);
        var arrived = new ConcurrentQueue<(JsonObject Activity, DateTimeOffset AtUtc, long Timestamp)>();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var receiving = ReceiveAsync(socket, arrived, stop.Token);
        try
        {
            await WaitForAsync(arrived, a => (string?)a["from"]?["role"] == "bot", cancellationToken);
            for (var i = 0; i < messages; i++)
            {
                var sent = Stopwatch.GetTimestamp();
                using var post = await SendAsync(http, HttpMethod.Post, $"v3/directline/conversations/{conversationId}/activities", token, new JsonObject
                {
                    ["type"] = "message",
                    ["text"] = "help",
                    ["from"] = new JsonObject { ["id"] = (string)session["userId"]! },
                }, cancellationToken);
                var id = (string)(await post.Content.ReadFromJsonAsync<JsonObject>(cancellationToken))!["id"]!;
                var reply = await WaitForAsync(arrived, a => (string?)a["replyToId"] == id, cancellationToken);
                written.Add((reply.AtUtc - DateTimeOffset.Parse((string)reply.Activity["timestamp"]!, System.Globalization.CultureInfo.InvariantCulture)).TotalMilliseconds);
                posted.Add(LatencyStats.ToMilliseconds(sent, reply.Timestamp));
            }
        }
        finally
        {
            await stop.CancelAsync();
            try
            {
                await receiving;
            }
            catch (OperationCanceledException)
            {
            }
        }
    }

    private static async Task ReceiveAsync(ClientWebSocket socket, ConcurrentQueue<(JsonObject, DateTimeOffset, long)> arrived, CancellationToken cancellationToken)
    {
        var buffer = new byte[256 * 1024];
        using var message = new MemoryStream();
        while (socket.State == WebSocketState.Open)
        {
            var received = await socket.ReceiveAsync(buffer, cancellationToken);
            if (received.MessageType == WebSocketMessageType.Close)
            {
                return;
            }

            message.Write(buffer, 0, received.Count);
            if (!received.EndOfMessage)
            {
                continue;
            }

            var (at, timestamp) = (DateTimeOffset.UtcNow, Stopwatch.GetTimestamp());
            var set = JsonNode.Parse(Encoding.UTF8.GetString(message.ToArray()))!;
            message.SetLength(0);
            foreach (var activity in set["activities"]!.AsArray())
            {
                arrived.Enqueue((activity!.AsObject(), at, timestamp));
            }
        }
    }

    /// <summary>The first activity that arrived (or arrives within 30 s) matching <paramref name="match"/>; earlier ones are dropped.</summary>
    private static async Task<(JsonObject Activity, DateTimeOffset AtUtc, long Timestamp)> WaitForAsync(ConcurrentQueue<(JsonObject Activity, DateTimeOffset AtUtc, long Timestamp)> arrived, Func<JsonObject, bool> match, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(30))
        {
            while (arrived.TryDequeue(out var item))
            {
                if (match(item.Activity))
                {
                    return item;
                }
            }

            await Task.Delay(1, cancellationToken);
        }

        throw new BenchException("A bot reply did not reach the stream within 30 s.");
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient http, HttpMethod method, string path, string token, JsonObject body, CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http.SendAsync(request, cancellationToken);
    }
}
