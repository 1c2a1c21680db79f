using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Newtonsoft.Json.Linq;

namespace StretchBot.Tests.TestSupport;

/// <summary>
/// An in-memory Bot Connector service (the channel's side of /v3/conversations/{id}/activities) for the real
/// CloudAdapter to talk to: answers each post with the next scripted status, 200 when the script is empty.
/// </summary>
internal sealed class FakeConnectorChannel : IAsyncDisposable, IHttpClientFactory
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<(HttpStatusCode Status, string? RetryAfter)> _script = new();
    private readonly ConcurrentQueue<(string ConversationId, JObject Activity)> _delivered = new();
    private int _posts;

    private FakeConnectorChannel(WebApplication app) => _app = app;

    public const string ServiceUrl = "https://connector.example.test/";

    public IReadOnlyList<(string ConversationId, JObject Activity)> Delivered => _delivered.ToArray();

    public int Posts => Volatile.Read(ref _posts);

    public static async Task<FakeConnectorChannel> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        var app = builder.Build();
        var channel = new FakeConnectorChannel(app);
        app.MapPost("/v3/conversations/{conversationId}/activities/{**rest}", channel.ReceiveAsync);
        await app.StartAsync();
        return channel;
    }

    public void Answer(HttpStatusCode status, string? retryAfter = null) => _script.Enqueue((status, retryAfter));

    public HttpClient CreateClient(string name) => _app.GetTestClient();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task<IResult> ReceiveAsync(HttpContext http, string conversationId)
    {
        Interlocked.Increment(ref _posts);
        if (_script.TryDequeue(out var answer))
        {
            if (answer.RetryAfter is not null)
            {
                http.Response.Headers.RetryAfter = answer.RetryAfter;
            }

            return Results.Json(new { error = new { code = answer.Status.ToString(), message = "refused" } }, statusCode: (int)answer.Status);
        }

        using var reader = new StreamReader(http.Request.Body);
        var activity = JObject.Parse(await reader.ReadToEndAsync(http.RequestAborted));
        _delivered.Enqueue((Uri.UnescapeDataString(conversationId), activity));
        return Results.Json(new { id = Guid.NewGuid().ToString("N") });
    }
}
