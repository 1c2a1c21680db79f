using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace StretchBot.Tests.TestSupport;

/// <summary>
/// A conversation's stream as Web Chat (botframework-directlinejs with webSocket: true) reads it: activity sets
/// <c>{"activities":[...],"watermark":"N"}</c>, each appended to what arrived before.
/// </summary>
public sealed class DirectLineStreamClient : IAsyncDisposable
{
    private readonly WebSocket _socket;

    public DirectLineStreamClient(WebSocket socket)
    {
        _socket = socket;
    }

    /// <summary>Every activity received so far, in the order it came.</summary>
    public List<JsonObject> Activities { get; } = [];

    /// <summary>The watermark of every set received so far.</summary>
    public List<long> Watermarks { get; } = [];

    public WebSocketState State => _socket.State;

    /// <summary>Receives sets until <paramref name="done"/> holds for what has arrived; fails after 30 s.</summary>
    public async Task<List<JsonObject>> ReceiveUntilAsync(Func<List<JsonObject>, bool> done)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!done(Activities))
        {
            var set = await ReceiveSetAsync(timeout.Token) ?? throw new InvalidOperationException("The stream closed before the expected activities arrived.");
            Activities.AddRange(set["activities"]!.AsArray().Select(a => a!.AsObject()));
            Watermarks.Add(long.Parse((string)set["watermark"]!, System.Globalization.CultureInfo.InvariantCulture));
        }

        return Activities;
    }

    /// <summary>The next message; null when the server closed the stream (see <see cref="CloseStatus"/>).</summary>
    public async Task<JsonObject?> ReceiveSetAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        while (true)
        {
            var received = await _socket.ReceiveAsync(buffer, cancellationToken);
            if (received.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            message.Write(buffer, 0, received.Count);
            if (received.EndOfMessage)
            {
                return JsonNode.Parse(Encoding.UTF8.GetString(message.ToArray()))!.AsObject();
            }
        }
    }

    public WebSocketCloseStatus? CloseStatus => _socket.CloseStatus;

    /// <summary>What Web Chat sends every few seconds to keep the socket alive: an empty message.</summary>
    public Task SendKeepAliveAsync() => _socket.SendAsync(Array.Empty<byte>(), WebSocketMessageType.Text, true, CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            try
            {
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
            }
            catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
            {
                // The server went first.
            }
        }

        _socket.Dispose();
    }
}
