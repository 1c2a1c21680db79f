using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using StretchBot.Tests.DirectLine;

namespace StretchBot.Tests.TestSupport;

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

    /// <summary>One bad request, of a kind picked at random.</summary>
    public FuzzRequest Next()
    {
        var kinds = new Func<Target, FuzzRequest>[]
        {
            PageToken, Refresh, Start, Reconnect, Watermark, ReadOther, SpoiltActivity, SpoiltActivity, CardSubmit, Oversized,
            t => Connector(mutate.Random.Next(2) == 0 ? t.Session : t.Other), OddPath,
        };
        var session = mutate.Pick(sessions);
        return mutate.Pick(kinds)(new Target(session, mutate.Pick(others), $"/v3/directline/conversations/{Uri.EscapeDataString(session.ConversationId)}"));
    }

    private FuzzRequest PageToken(Target t) => FuzzRequest.Json("dl-page-token", "/api/directline/token", mutate.Pick(
    [
        "{\"resume\":" + JsonConvert.ToString(mutate.OddString()) + "}", "{\"resume\":123}", "[]", "nope", "{\"resume\":\"" + t.Session.Token + "\"}",
        new string('{', 5000), "{\"resume\":\"" + t.Other.Resume + "x\"}",
    ]));

    private FuzzRequest Refresh(Target t) => Bearer(FuzzRequest.Json("dl-refresh", "/v3/directline/tokens/refresh", "{}"), BadToken(t));

    private FuzzRequest Start(Target t) =>
        Bearer(FuzzRequest.Json("dl-start", "/v3/directline/conversations", mutate.AnyValue().ToString(Formatting.None)), BadToken(t));

    private FuzzRequest Reconnect(Target t)
    {
        // No NUL in a path: the in-memory test server throws on it before the host sees it (Kestrel answers 400).
        var id = mutate.Pick([t.Other.ConversationId, new string('a', 10_000), "..%2f..%2fetc", mutate.OddString().Replace('\0', '%'), t.Session.ConversationId]);
        var path = $"/v3/directline/conversations/{Uri.EscapeDataString(id)}?watermark={Uri.EscapeDataString(mutate.Pick(Watermarks))}";
        return Bearer(new FuzzRequest("dl-reconnect", HttpMethod.Get, path, null, null), mutate.Pick([t.Session.Token, BadToken(t)]));
    }

    private FuzzRequest Watermark(Target t) =>
        Bearer(new FuzzRequest("dl-watermark", HttpMethod.Get, $"{t.Conversation}/activities?watermark={Uri.EscapeDataString(mutate.Pick(Watermarks))}", null, null), t.Session.Token);

    private FuzzRequest ReadOther(Target t) =>
        Bearer(new FuzzRequest("dl-read-other", HttpMethod.Get, $"{t.Conversation}/activities", null, null), BadToken(t));

    private FuzzRequest SpoiltActivity(Target t)
    {
        var (category, body) = mutate.Spoil(UserActivity(t.Session));
        return Bearer(new FuzzRequest("dl-activity-" + category, HttpMethod.Post, t.Conversation + "/activities", body), t.Session.Token);
    }

    private FuzzRequest CardSubmit(Target t)
    {
        var submit = UserActivity(t.Session);
        submit["value"] = mutate.Random.Next(2) == 0 ? (JObject)mutate.Pick(realSubmits).DeepClone() : mutate.AnyObject();
        submit["type"] = mutate.Pick(["message", "event", "invoke", "conversationUpdate", "typing", "endOfConversation"]);
        submit["from"] = mutate.Pick<JToken>([new JObject { ["id"] = t.Other.UserId, ["role"] = "bot" }, "me", new JObject()]);
        return Bearer(FuzzRequest.Json("dl-card-submit", t.Conversation + "/activities", submit.ToString(Formatting.None)), t.Session.Token);
    }

    private FuzzRequest Oversized(Target t)
    {
        var huge = UserActivity(t.Session);
        huge["text"] = mutate.RandomText(70_000);
        var request = FuzzRequest.Json("dl-oversized", t.Conversation + "/activities", huge.ToString(Formatting.None)) with { Chunked = mutate.Random.Next(2) == 0 };
        return Bearer(request, t.Session.Token);
    }

    private FuzzRequest OddPath(Target t)
    {
        var path = mutate.Pick(["/v3/directline/conversations/x/upload", "/v3/directline/tokens/generate", "/v3/directline/", t.Conversation + "/activities/1", "/directline-connector/v3/conversations"]);
        var method = mutate.Pick([HttpMethod.Get, HttpMethod.Post, HttpMethod.Put, HttpMethod.Delete]);
        return Bearer(new FuzzRequest("dl-odd-path", method, path, Encoding.UTF8.GetBytes("{}")), mutate.Pick([t.Session.Token, BadToken(t)]));
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

    private string BadToken(Target t) => mutate.Random.Next(7) switch
    {
        0 => "a.b.c",
        1 => t.Session.Token[..^4] + "AAAA",
        2 => t.Session.Resume,
        3 => t.Other.Token,
        4 => string.Empty,
        5 => Convert.ToBase64String(mutate.RandomBytes(48)),
        _ => mutate.OddString(),
    };

    private static FuzzRequest Bearer(FuzzRequest request, string token) => request.WithHeader("Authorization", "Bearer " + token);

    /// <summary>The fuzzer's own conversation this request is about, someone else's, and the own one's path.</summary>
    private sealed record Target(DirectLineTestClient.Session Session, DirectLineTestClient.Session Other, string Conversation);
}
