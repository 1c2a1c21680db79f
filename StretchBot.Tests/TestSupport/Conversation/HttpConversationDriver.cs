using System.Net;
using System.Text;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace StretchBot.Tests.TestSupport;

/// <summary>
/// One person talking to a running host over HTTP, one POST /api/messages per turn with "deliveryMode":
/// "expectReplies", so each turn's replies come back in the response (the way scripts and the Emulator's tests do).
/// </summary>
internal sealed class HttpConversationDriver : IConversationDriver
{
    private readonly string _serviceUrl;

    public HttpConversationDriver(HttpClient http, string conversationId, string channelId = "test", string serviceUrl = TestActivities.ServiceUrl)
    {
        Http = http;
        ConversationId = conversationId;
        ChannelId = channelId;
        _serviceUrl = serviceUrl;
    }

    /// <summary>The host the conversation talks to (a test may point it at a restarted host).</summary>
    public HttpClient Http { get; set; }

    public string ConversationId { get; }

    public string ChannelId { get; }

    public string UserId => "user-" + ConversationId;

    public Replies Last { get; private set; } = new(Array.Empty<IMessageActivity>());

    /// <summary>The submit data of every button on every card this conversation was shown.</summary>
    public List<JObject> SeenSubmits { get; } = [];

    public Task<Replies> SendAsync(string text) => SendAsync(new JObject { ["type"] = "message", ["text"] = text });

    public Task<Replies> ClickAsync(string title, object? inputs = null)
    {
        var data = Last.SubmitDataOf(title);
        if (inputs is not null)
        {
            data.Merge(JObject.FromObject(inputs));
        }

        return SendAsync(new JObject { ["type"] = "message", ["value"] = data });
    }

    public Task<Replies> ConversationStartsAsync() => SendAsync(new JObject
    {
        ["type"] = "conversationUpdate",
        ["membersAdded"] = new JArray(new JObject { ["id"] = UserId }),
    });

    /// <summary>The whole activity as this person's channel would post it (the fuzzer spoils copies of it).</summary>
    public JObject Envelope(JObject activity)
    {
        var envelope = (JObject)activity.DeepClone();
        envelope["id"] = Guid.NewGuid().ToString("N");
        envelope["channelId"] = ChannelId;
        envelope["serviceUrl"] = _serviceUrl;
        envelope["conversation"] = new JObject { ["id"] = ConversationId };
        envelope["from"] = new JObject { ["id"] = UserId, ["name"] = "User" };
        envelope["recipient"] = new JObject { ["id"] = "bot", ["name"] = "StretchBot" };
        envelope["deliveryMode"] = "expectReplies";
        envelope["locale"] = "en-GB";
        return envelope;
    }

    /// <summary>
    /// Presses a button the way a channel delivers it (no expectReplies): the bot's replies go to the serviceUrl, and the
    /// request returns only when the turn has ended.
    /// </summary>
    public async Task<HttpResponseMessage> ClickWithRepliesToTheChannelAsync(string title)
    {
        var activity = Envelope(new JObject { ["type"] = "message", ["value"] = Last.SubmitDataOf(title) });
        activity.Remove("deliveryMode");
        using var content = new StringContent(activity.ToString(Formatting.None), Encoding.UTF8, "application/json");
        return await Http.PostAsync("/api/messages", content);
    }

    public async Task<Replies> SendAsync(JObject activity)
    {
        using var content = new StringContent(Envelope(activity).ToString(Formatting.None), Encoding.UTF8, "application/json");
        using var response = await Http.PostAsync("/api/messages", content);
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"The turn got HTTP {(int)response.StatusCode}: {body}");
        }

        var activities = JObject.Parse(body)["activities"] as JArray ?? [];
        Last = new Replies(activities
            .Select(a => (IMessageActivity)a.ToObject<Activity>()!)
            .Where(a => a.Type == ActivityTypes.Message)
            .ToList());
        SeenSubmits.AddRange(Last.Cards
            .SelectMany(c => c.SelectTokens("$..[?(@.type == 'Action.Submit')].data"))
            .OfType<JObject>());
        return Last;
    }
}
