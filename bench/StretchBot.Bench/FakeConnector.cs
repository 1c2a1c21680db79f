using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace StretchBot.Bench;

/// <summary>
/// A fast local stand-in for the Bot Connector service (Teams or Azure Direct Line): accepts every
/// POST .../v3/conversations/{id}/activities at once and records when it came, for which conversation and tenant.
/// </summary>
public sealed class FakeConnector : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Received> _received = new();

    private FakeConnector(WebApplication app, string serviceUrl)
    {
        _app = app;
        ServiceUrl = serviceUrl;
    }

    public string ServiceUrl { get; }

    public IReadOnlyCollection<Received> Messages => _received;

    public static async Task<FakeConnector> StartAsync()
    {
        var port = FreePort();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var connector = new FakeConnector(app, $"http://127.0.0.1:{port}/connector/");
        app.MapPost("/connector/v3/conversations/{conversationId}/activities/{**rest}", connector.ReceiveAsync);
        app.MapPost("/connector/v3/conversations/{conversationId}/activities", connector.ReceiveAsync);
        await app.StartAsync();
        return connector;
    }

    public void Clear() => _received.Clear();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task<IResult> ReceiveAsync(HttpContext http, string conversationId)
    {
        string? tenant = null;
        using (var body = await JsonDocument.ParseAsync(http.Request.Body))
        {
            if (body.RootElement.TryGetProperty("conversation", out var conversation)
                && conversation.TryGetProperty("tenantId", out var tenantId)
                && tenantId.ValueKind == JsonValueKind.String)
            {
                tenant = tenantId.GetString();
            }
        }

        _received.Enqueue(new Received(Stopwatch.GetTimestamp(), Uri.UnescapeDataString(conversationId), tenant));
        return Results.Json(new { id = Guid.NewGuid().ToString("N") });
    }

    /// <summary>
    /// How many conversations got more messages than most did: a check-in may be more than one message, so the usual
    /// count per conversation is the baseline and anything above it a duplicate.
    /// </summary>
    public static int ConversationsAboveUsualCount(IReadOnlyCollection<Received> messages)
    {
        if (messages.Count == 0)
        {
            return 0;
        }

        var perConversation = messages.GroupBy(m => m.ConversationId).Select(g => g.Count()).ToList();
        var usual = perConversation.GroupBy(c => c).OrderByDescending(g => g.Count()).First().Key;
        return perConversation.Count(c => c > usual);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public sealed record Received(long Timestamp, string ConversationId, string? TenantId);
}
