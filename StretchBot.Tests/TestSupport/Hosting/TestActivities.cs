using System.Net.Http.Headers;
using System.Text;
using Newtonsoft.Json.Linq;

namespace StretchBot.Tests.TestSupport;

/// <summary>Activities as a channel posts them to /api/messages, and reading the replies back.</summary>
internal static class TestActivities
{
    public const string ChannelId = "test";
    public const string UserId = "user-1";
    public const string BotId = "bot";

    /// <summary>On this machine, so allowed with authentication off; never called (the replies come back in the response).</summary>
    public const string ServiceUrl = "http://127.0.0.1:9/";

    public static JObject Message(string conversationId, string text, bool expectReplies = true) => Activity(
        conversationId,
        new JObject { ["type"] = "message", ["text"] = text },
        expectReplies);

    public static JObject MembersAdded(string conversationId) => Activity(
        conversationId,
        new JObject
        {
            ["type"] = "conversationUpdate",
            ["membersAdded"] = new JArray(new JObject { ["id"] = UserId, ["name"] = "User" }),
        },
        expectReplies: true);

    public static StringContent Json(string body, string mediaType = "application/json")
    {
        var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(mediaType);
        return content;
    }

    public static StringContent Json(JObject activity) => Json(activity.ToString());

    public static async Task<HttpResponseMessage> PostAsync(this HttpClient client, JObject activity) =>
        await client.PostAsync("/api/messages", Json(activity));

    /// <summary>The texts of the replies in an expectReplies response body.</summary>
    public static async Task<IReadOnlyList<string>> ReplyTextsAsync(this HttpResponseMessage response)
    {
        var body = JObject.Parse(await response.Content.ReadAsStringAsync());
        // What a person reads: the message text, and the text blocks of any Adaptive Card it carries.
        return ((JArray?)body["activities"] ?? [])
            .Select(a => string.Join(
                "\n",
                new[] { a.Value<string>("text") }
                    .Concat(((JArray?)a["attachments"] ?? []).SelectMany(att => att["content"]?.SelectTokens("$..text").Select(t => t.ToString()) ?? []))
                    .Where(t => !string.IsNullOrEmpty(t))))
            .ToList();
    }

    public static string ConversationStateKey(string conversationId) => $"{ChannelId}/conversations/{conversationId}";

    private static JObject Activity(string conversationId, JObject activity, bool expectReplies)
    {
        activity["id"] = Guid.NewGuid().ToString("N");
        activity["channelId"] = ChannelId;
        activity["serviceUrl"] = ServiceUrl;
        activity["conversation"] = new JObject { ["id"] = conversationId };
        activity["from"] = new JObject { ["id"] = UserId, ["name"] = "User" };
        activity["recipient"] = new JObject { ["id"] = BotId, ["name"] = "StretchBot" };
        if (expectReplies)
        {
            activity["deliveryMode"] = "expectReplies";
        }

        return activity;
    }
}
