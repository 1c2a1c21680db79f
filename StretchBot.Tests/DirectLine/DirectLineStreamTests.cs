using System.Net;
using System.Net.WebSockets;
using System.Text.Json.Nodes;

namespace StretchBot.Tests.DirectLine;

/// <summary>The local Direct Line's streaming (Direct Line 3.0's streamUrl and WebSocket), which the web page uses instead of polling.</summary>
public sealed class DirectLineStreamTests : IDisposable
{
    private readonly StretchBotAppFactory _factory = new();
    private readonly DirectLineTestClient _client;

    public DirectLineStreamTests()
    {
        _client = new DirectLineTestClient(_factory.CreateClient());
    }

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task StartingAConversationGivesAStreamUrlWhoseSocketDeliversTheWelcome()
    {
        var page = await _client.GetPageTokenAsync();
        Assert.True((bool)page["webSocket"]!);
        var session = new DirectLineTestClient.Session((string)page["conversationId"]!, (string)page["userId"]!, (string)page["token"]!, (string)page["resume"]!);

        var started = await StartAsync(session);
        var streamUrl = (string)started["streamUrl"]!;
        Assert.StartsWith($"ws://localhost/v3/directline/conversations/{session.ConversationId}/stream?watermark=0&t=", streamUrl);

        await using var stream = await ConnectAsync(streamUrl);
        var welcome = await stream.ReceiveUntilAsync(a => a.Count >= 1);

        Assert.Equal("bot", DirectLineTestClient.FromRole(welcome[0]));
        Assert.Equal(welcome.Count, stream.Watermarks[^1]);
    }

    [Fact]
    public async Task WhatThePersonSaysAndTheBotsAnswerArriveOnTheOpenStreamAsPollingWouldShowThem()
    {
        var session = await _client.StartNewAsync();
        var streamUrl = await ReconnectAsync(session, watermark: null);
        await using var stream = await ConnectAsync(streamUrl);
        var welcomed = (await stream.ReceiveUntilAsync(a => a.Count >= 1)).Count;
        await stream.SendKeepAliveAsync();

        using (await _client.PostMessageAsync(session, "help"))
        {
        }

        var polled = await _client.ReadAllAsync(session);
        var streamed = await stream.ReceiveUntilAsync(a => a.Count >= polled.Count);
        Assert.True(polled.Count > welcomed + 1, "the person's message and at least one answer");
        Assert.Equal(polled.Select(a => a.ToJsonString()), streamed.Select(a => a.ToJsonString()));
        Assert.Equal("help", DirectLineTestClient.Text(streamed[welcomed]));
        Assert.Equal(stream.Watermarks.Order(), stream.Watermarks);
        Assert.Equal(polled.Count, stream.Watermarks[^1]);
    }

    [Fact]
    public async Task ReconnectingFromAWatermarkStreamsOnlyWhatCameAfterIt()
    {
        var session = await _client.StartNewAsync();
        using (await _client.PostMessageAsync(session, "help"))
        {
        }

        var before = await _client.GetActivitiesAsync(session);
        using (await _client.PostMessageAsync(session, "my plan"))
        {
        }

        var after = (await _client.GetActivitiesAsync(session, before.Watermark)).Activities;
        await using var stream = await ConnectAsync(await ReconnectAsync(session, before.Watermark));
        var streamed = await stream.ReceiveUntilAsync(a => a.Count >= after.Count);

        Assert.Equal(after.Select(a => a.ToJsonString()), streamed.Select(a => a.ToJsonString()));
        Assert.Equal("my plan", DirectLineTestClient.Text(streamed[0]));
    }

    [Fact]
    public async Task AStreamUrlWorksOnlyForItsConversationAndOnlyBriefly()
    {
        var session = await _client.StartNewAsync();
        var other = await _client.StartNewAsync();
        var streamUrl = await ReconnectAsync(session, watermark: null);
        var otherUrl = await ReconnectAsync(other, watermark: null);
        var credential = otherUrl[(otherUrl.IndexOf("&t=", StringComparison.Ordinal) + 3)..];

        await AssertRefusedAsync(streamUrl[..streamUrl.IndexOf("&t=", StringComparison.Ordinal)] + "&t=" + credential, HttpStatusCode.Forbidden);
        await AssertRefusedAsync(streamUrl[..streamUrl.IndexOf("&t=", StringComparison.Ordinal)] + "&t=" + Uri.EscapeDataString(session.Token), HttpStatusCode.Forbidden);
        await AssertRefusedAsync(streamUrl.Replace("watermark=0", "watermark=-1", StringComparison.Ordinal), HttpStatusCode.BadRequest);

        _factory.Time.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        await AssertRefusedAsync(streamUrl, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task TheStreamIsAWebSocketOnly()
    {
        var session = await _client.StartNewAsync();
        var streamUrl = new Uri(await ReconnectAsync(session, watermark: null));

        using var response = await _factory.CreateClient().GetAsync(streamUrl.PathAndQuery);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task OneConversationHasAtMostEightStreamsOnAnInstance()
    {
        var session = await _client.StartNewAsync();
        var streams = new List<DirectLineStreamClient>();
        try
        {
            for (var i = 0; i < 8; i++)
            {
                var stream = await ConnectAsync(await ReconnectAsync(session, watermark: null));
                streams.Add(stream);
                await stream.ReceiveUntilAsync(a => a.Count >= 1);
            }

            await AssertRefusedAsync(await ReconnectAsync(session, watermark: null), HttpStatusCode.TooManyRequests);
        }
        finally
        {
            foreach (var stream in streams)
            {
                await stream.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task BehindALoadBalancerTheStreamUrlIsOnTheAddressThePageUsed()
    {
        var session = await _client.StartNewAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/v3/directline/conversations/{session.ConversationId}?watermark=");
        request.Headers.Authorization = new("Bearer", session.Token);
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-Host", "chat.clinic.example");

        using var response = await _factory.CreateClient().SendAsync(request);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.StartsWith($"wss://chat.clinic.example/v3/directline/conversations/{session.ConversationId}/stream?", (string)body["streamUrl"]!);
    }

    [Fact]
    public async Task ASiteBehindAProxyWithoutWebSocketsCanTellThePageToPoll()
    {
        using var factory = new StretchBotAppFactory().With("DirectLine:WebSocket", "false");

        var page = await new DirectLineTestClient(factory.CreateClient()).GetPageTokenAsync();

        Assert.False((bool)page["webSocket"]!);
    }

    private async Task<JsonObject> StartAsync(DirectLineTestClient.Session session)
    {
        using var started = await _client.SendAsync(HttpMethod.Post, "/v3/directline/conversations", session.Token, new JsonObject());
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        return JsonNode.Parse(await started.Content.ReadAsStringAsync())!.AsObject();
    }

    /// <summary>What Web Chat does when its socket closes: GET the conversation from its watermark for a new streamUrl.</summary>
    private async Task<string> ReconnectAsync(DirectLineTestClient.Session session, string? watermark)
    {
        using var response = await _client.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{session.ConversationId}?watermark={watermark}", session.Token, null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (string)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["streamUrl"]!;
    }

    private async Task<DirectLineStreamClient> ConnectAsync(string streamUrl)
    {
        var socket = await _factory.Server.CreateWebSocketClient().ConnectAsync(new Uri(streamUrl), CancellationToken.None);
        return new DirectLineStreamClient(socket);
    }

    private async Task AssertRefusedAsync(string streamUrl, HttpStatusCode expected)
    {
        using var response = await _factory.CreateClient().SendAsync(WebSocketRequest(new Uri(streamUrl)));
        Assert.Equal(expected, response.StatusCode);
    }

    /// <summary>A WebSocket handshake as a browser sends it, to see the status code of a refusal.</summary>
    private static HttpRequestMessage WebSocketRequest(Uri streamUrl)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, streamUrl.PathAndQuery);
        request.Headers.Add("Connection", "Upgrade");
        request.Headers.Add("Upgrade", "websocket");
        request.Headers.Add("Sec-WebSocket-Version", "13");
        request.Headers.Add("Sec-WebSocket-Key", Convert.ToBase64String(Guid.NewGuid().ToByteArray()));
        return request;
    }
}
