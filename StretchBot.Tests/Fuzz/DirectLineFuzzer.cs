using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using StretchBot.Tests.DirectLine;

namespace StretchBot.Tests.Fuzz;

/// <summary>
/// Bad requests to the local Direct Line: the page's token endpoint, token generate/refresh, starting and reconnecting
/// conversations, posting and reading activities (spoilt bodies, tampered card submits, junk watermarks), missing,
/// forged and other conversations' tokens, and posts to the connector endpoint the bot's replies go to (never as the bot).
/// </summary>
/// <param name="sessions">The fuzzer's own conversations: it posts into them with their valid tokens.</param>
/// <param name="others">Other people's conversations: only ever targeted without their token, or through the connector.</param>
internal sealed class DirectLineFuzzer(
    JsonMutations mutate,
    IReadOnlyList<DirectLineTestClient.Session> sessions,
    IReadOnlyList<DirectLineTestClient.Session> others,
    IReadOnlyList<JObject> realSubmits)
{
    /// <summary>Text the fuzzer tries to slip into transcripts; it must never appear in one.</summary>
    public const string InjectedText = "FUZZ-INJECTED-AS-THE-BOT";

    private static readonly string[] Watermarks =
    [
        "-1", "abc", "99999999999999999999", "9223372036854775807", "1e5", "0x10", " 1", "١٢", "1.5", "+3", "%00", "", "0", "00000000000000000001",
    ];

    public FuzzRequest Next()
    {
        var session = mutate.Pick(sessions);
        var other = mutate.Pick(others);
        var conversation = $"/v3/directline/conversations/{Uri.EscapeDataString(session.ConversationId)}";
        switch (mutate.Random.Next(12))
        {
            case 0:
                var pageBody = mutate.Pick(["{\"resume\":" + JsonConvert.ToString(mutate.OddString()) + "}", "{\"resume\":123}", "[]", "nope", "{\"resume\":\"" + session.Token + "\"}", new string('{', 5000), "{\"resume\":\"" + other.Resume + "x\"}"]);
                return FuzzRequest.Json("dl-page-token", "/api/directline/token", pageBody);
            case 1:
                return Bearer(FuzzRequest.Json("dl-refresh", "/v3/directline/tokens/refresh", "{}"), BadToken(session, other));
            case 2:
                return Bearer(FuzzRequest.Json("dl-start", "/v3/directline/conversations", mutate.AnyValue().ToString(Formatting.None)), BadToken(session, other));
            case 3:
                var id = mutate.Pick([other.ConversationId, new string('a', 10_000), "..%2f..%2fetc", mutate.OddString(), session.ConversationId]);
                return Bearer(new FuzzRequest("dl-reconnect", HttpMethod.Get, $"/v3/directline/conversations/{Uri.EscapeDataString(id)}?watermark={Uri.EscapeDataString(mutate.Pick(Watermarks))}", null, null), mutate.Pick([session.Token, BadToken(session, other)]));
            case 4:
                return Bearer(new FuzzRequest("dl-watermark", HttpMethod.Get, $"{conversation}/activities?watermark={Uri.EscapeDataString(mutate.Pick(Watermarks))}", null, null), session.Token);
            case 5:
                return Bearer(new FuzzRequest("dl-read-other", HttpMethod.Get, $"{conversation}/activities", null, null), BadToken(session, other));
            case 6:
            case 7:
                var (category, body) = mutate.Spoil(UserActivity(session));
                return Bearer(new FuzzRequest("dl-activity-" + category, HttpMethod.Post, conversation + "/activities", body), session.Token);
            case 8:
                var submit = UserActivity(session);
                submit["value"] = mutate.Random.Next(2) == 0 ? (JObject)mutate.Pick(realSubmits).DeepClone() : mutate.AnyObject();
                submit["type"] = mutate.Pick(["message", "event", "invoke", "conversationUpdate", "typing", "endOfConversation"]);
                submit["from"] = mutate.Pick<JToken>([new JObject { ["id"] = other.UserId, ["role"] = "bot" }, "me", new JObject()]);
                return Bearer(FuzzRequest.Json("dl-card-submit", conversation + "/activities", submit.ToString(Formatting.None)), session.Token);
            case 9:
                var huge = UserActivity(session);
                huge["text"] = mutate.RandomText(70_000);
                return Bearer(FuzzRequest.Json("dl-oversized", conversation + "/activities", huge.ToString(Formatting.None)) with { Chunked = mutate.Random.Next(2) == 0 }, session.Token);
            case 10:
                return Connector(mutate.Random.Next(2) == 0 ? session : other);
            default:
                var path = mutate.Pick(["/v3/directline/conversations/x/upload", "/v3/directline/tokens/generate", "/v3/directline/", "/v3/directline/conversations/" + session.ConversationId + "/activities/1", "/directline-connector/v3/conversations"]);
                return Bearer(new FuzzRequest("dl-odd-path", mutate.Pick([HttpMethod.Get, HttpMethod.Post, HttpMethod.Put, HttpMethod.Delete]), path, Encoding.UTF8.GetBytes("{}")), mutate.Pick([session.Token, BadToken(session, other)]));
        }
    }

    /// <summary>A post to the connector endpoint (where the bot's replies go) by someone who is not the bot.</summary>
    private FuzzRequest Connector(DirectLineTestClient.Session session)
    {
        var activity = new JObject
        {
            ["type"] = mutate.Pick(["message", "typing", "event"]),
            ["text"] = InjectedText,
            ["from"] = new JObject { ["id"] = "stretchbot", ["role"] = "bot" },
        };
        var path = $"/directline-connector/v3/conversations/{Uri.EscapeDataString(session.ConversationId)}/activities" + (mutate.Random.Next(2) == 0 ? "/" + Guid.NewGuid().ToString("N") : string.Empty);
        var request = mutate.Random.Next(3) == 0
            ? new FuzzRequest("dl-connector-spoilt", HttpMethod.Post, path, mutate.Spoil(activity).Body)
            : FuzzRequest.Json("dl-connector", path, activity.ToString(Formatting.None));
        return mutate.Random.Next(2) == 0 ? request.WithHeader("X-StretchBot-Connector-Key", mutate.OddString()) : request;
    }

    private JObject UserActivity(DirectLineTestClient.Session session) => new()
    {
        ["type"] = "message",
        ["text"] = mutate.Pick(["hi", "yes", "help", "7", mutate.OddString()]),
        ["from"] = new JObject { ["id"] = session.UserId },
        ["locale"] = "en-GB",
    };

    private string BadToken(DirectLineTestClient.Session session, DirectLineTestClient.Session other) => mutate.Random.Next(7) switch
    {
        0 => "a.b.c",
        1 => session.Token[..^4] + "AAAA",
        2 => session.Resume,
        3 => other.Token,
        4 => string.Empty,
        5 => Convert.ToBase64String(mutate.RandomBytes(48)),
        _ => mutate.OddString(),
    };

    private static FuzzRequest Bearer(FuzzRequest request, string token) => request.WithHeader("Authorization", "Bearer " + token);
}
