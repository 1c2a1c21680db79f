using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;

namespace StretchBot.Tests.TestSupport;

/// <summary>Calls the host's Direct Line endpoints the way Web Chat (botframework-directlinejs, polling) does.</summary>
public sealed class DirectLineTestClient
{
    private readonly HttpClient _http;

    public DirectLineTestClient(HttpClient http)
    {
        _http = http;
    }

    /// <summary>What the page does first: POST /api/directline/token (with its resume ticket when it has one).</summary>
    public async Task<JsonObject> GetPageTokenAsync(string? resume = null)
    {
        using var response = await _http.PostAsJsonAsync("/api/directline/token", resume is null ? new JsonObject() : new JsonObject { ["resume"] = resume });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    /// <summary>A new page session whose conversation has been started (the bot has welcomed the user).</summary>
    public async Task<Session> StartNewAsync()
    {
        var page = await GetPageTokenAsync();
        var session = new Session((string)page["conversationId"]!, (string)page["userId"]!, (string)page["token"]!, (string)page["resume"]!);
        using var started = await SendAsync(HttpMethod.Post, "/v3/directline/conversations", session.Token, new JsonObject());
        Assert.True(started.StatusCode == HttpStatusCode.Created, $"Starting the conversation gave {(int)started.StatusCode}: {await started.Content.ReadAsStringAsync()}");
        return session;
    }

    public Task<HttpResponseMessage> PostActivityAsync(string conversationId, string? token, JsonObject activity)
        => SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{conversationId}/activities", token, activity);

    public Task<HttpResponseMessage> PostMessageAsync(Session session, string text)
        => PostActivityAsync(session.ConversationId, session.Token, new JsonObject
        {
            ["type"] = "message",
            ["text"] = text,
            ["from"] = new JsonObject { ["id"] = session.UserId },
            ["locale"] = "en-GB",
            ["channelData"] = new JsonObject { ["clientActivityID"] = Guid.NewGuid().ToString("N") },
        });

    public Task<HttpResponseMessage> GetActivitiesResponseAsync(string conversationId, string? token, string? watermark = null)
        => SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}/activities?watermark={watermark}", token, null);

    public async Task<ActivitySet> GetActivitiesAsync(Session session, string? watermark = null)
    {
        using var response = await GetActivitiesResponseAsync(session.ConversationId, session.Token, watermark);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        return new ActivitySet(body["activities"]!.AsArray().Select(a => a!.AsObject()).ToList(), (string)body["watermark"]!);
    }

    /// <summary>Every activity of the conversation, paging with the watermark until no more come.</summary>
    public async Task<List<JsonObject>> ReadAllAsync(Session session)
    {
        var all = new List<JsonObject>();
        string? watermark = null;
        while (true)
        {
            var page = await GetActivitiesAsync(session, watermark);
            if (page.Activities.Count == 0)
            {
                return all;
            }

            all.AddRange(page.Activities);
            watermark = page.Watermark;
        }
    }

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? token, JsonNode? body)
    {
        using var request = new HttpRequestMessage(method, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return await _http.SendAsync(request);
    }

    public static string? Text(JsonObject activity) => (string?)activity["text"];

    public static string? FromRole(JsonObject activity) => (string?)activity["from"]?["role"];

    /// <summary>The activities read as a person reads them: message texts, card texts and their buttons.</summary>
    internal static Replies Read(IEnumerable<JsonObject> activities)
        => new(activities.Select(a => (IMessageActivity)JsonConvert.DeserializeObject<Activity>(a.ToJsonString())!)
            .Where(a => a.Type == ActivityTypes.Message).ToList());

    internal static Replies Read(JsonObject activity) => Read(new[] { activity });

    public sealed record Session(string ConversationId, string UserId, string Token, string Resume)
    {
        public Session WithToken(string token) => this with { Token = token };
    }

    public sealed record ActivitySet(List<JsonObject> Activities, string Watermark);
}
