using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace StretchBot.Tests.TestSupport;

/// <summary>
/// Bad requests to POST /api/messages: spoilt bodies, wrong or missing fields, huge ids, oversized payloads, wrong
/// content types and methods, odd activity types and delivery modes, outbound addresses that must not be called, junk
/// tokens, and card submits whose values were tampered with or belong to another (earlier) card.
/// </summary>
internal sealed class ActivityFuzzer(JsonMutations mutate, IReadOnlyList<JObject> realSubmits, int maxActivityBytes)
{
    private const string Path = "/api/messages";

    private static readonly string[] Fields =
    [
        "type", "id", "channelId", "serviceUrl", "deliveryMode", "conversation", "conversation.id", "from", "from.id", "recipient",
        "timestamp", "localTimestamp", "localTimezone", "text", "value", "attachments", "entities", "membersAdded", "membersRemoved",
        "channelData", "locale", "replyToId", "textFormat", "inputHint", "expiration", "importance", "callerId", "suggestedActions",
        "name", "relatesTo", "valueType", "conversation.tenantId", "from.role", "recipient.id", "attachments[0].content",
    ];

    private static readonly string[] Required = ["channelId", "conversation", "conversation.id", "from", "from.id", "type", "serviceUrl", "id"];

    private static readonly string[] ActivityTypes =
    [
        "message", "conversationUpdate", "invoke", "event", "messageReaction", "installationUpdate", "endOfConversation", "typing",
        "deleteUserData", "handoff", "trace", "contactRelationUpdate", "suggestion", "command", "xyz", "MESSAGE",
    ];

    private static readonly string[] ServiceUrls =
    [
        "https://evil.example/", "http://169.254.169.254/latest/meta-data/", "file:///etc/passwd", "javascript:alert(1)", "not a url",
        "ftp://127.0.0.1/", "http://localhost:99999/", "http://[::1]:3978/directline-connector/", "http://127.0.0.1:3978/directline-connector/",
        "https://smba.trafficmanager.net/emea/", "//evil.example/", "http://0x7f000001/", "http://127.0.0.1.nip.io/", "",
    ];

    private static readonly string[] ContentTypes =
    [
        "text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/json; charset=latin1",
        "application/json; charset=utf-16", "////", "application/jsonx", "application/*", "*/*",
    ];

    /// <summary>The conversations the fuzzer talks in: a few, so that its submits land on real dialog state.</summary>
    public IReadOnlyList<string> Conversations { get; } = Enumerable.Range(1, 6).Select(i => $"fuzz-{i}").ToList();

    /// <summary>One bad request, of a kind picked at random (card submits and spoilt bodies most often).</summary>
    public FuzzRequest Next()
    {
        var kinds = new Func<JObject, FuzzRequest>[]
        {
            Spoilt, Spoilt, WrongType, MissingField, HugeId, Oversized, ContentType, TamperedSubmit, TamperedSubmit, TamperedSubmit,
            StaleSubmit, UnicodeText, OddActivityType, DeliveryMode, ServiceUrl, JunkToken, WrongMethod, TimeAndLocale,
        };
        return mutate.Pick(kinds)(Envelope());
    }

    private FuzzRequest Spoilt(JObject activity)
    {
        var (category, body) = mutate.Spoil(activity);
        return new FuzzRequest(category, HttpMethod.Post, Path, body);
    }

    private FuzzRequest WrongType(JObject activity)
    {
        Set(activity, mutate.Pick(Fields), t => mutate.WrongTypeFor(t));
        return Json("wrong-type", activity);
    }

    private FuzzRequest MissingField(JObject activity)
    {
        Remove(activity, mutate.Pick(Required));
        return Json("missing-field", activity);
    }

    private FuzzRequest HugeId(JObject activity)
    {
        Set(activity, mutate.Pick(["conversation.id", "from.id", "id", "channelId", "replyToId", "recipient.id", "conversation.tenantId", "locale"]), _ => new string('x', 100_000));
        return Json("huge-id", activity);
    }

    private FuzzRequest Oversized(JObject activity)
    {
        activity["text"] = mutate.RandomText(maxActivityBytes / 2 + 1000);
        return Json("oversized", activity) with { Chunked = mutate.Random.Next(2) == 0 };
    }

    private FuzzRequest ContentType(JObject activity) =>
        Json("content-type", activity) with { ContentType = mutate.Random.Next(5) == 0 ? null : mutate.Pick(ContentTypes) };

    private FuzzRequest TamperedSubmit(JObject activity)
    {
        activity["value"] = Tampered();
        activity.Remove("text");
        return Json("tampered-card-submit", activity);
    }

    private FuzzRequest StaleSubmit(JObject activity)
    {
        activity["value"] = (JObject)mutate.Pick(realSubmits).DeepClone();
        activity.Remove("text");
        return Json("stale-card-submit", activity);
    }

    private FuzzRequest UnicodeText(JObject activity)
    {
        activity["text"] = mutate.Pick(["\ud800", "\u0000", new string('\u202e', 50), mutate.RandomText(20_000), "help\u0000me", "start over\ud83d"]);
        return Json("unicode-text", activity);
    }

    private FuzzRequest OddActivityType(JObject activity)
    {
        activity["type"] = mutate.Pick(ActivityTypes);
        activity["name"] = mutate.Pick(["adaptiveCard/action", "application/search", "signin/verifyState", "task/fetch", mutate.OddString()]);
        activity["value"] = mutate.AnyValue();
        return Json("activity-type", activity);
    }

    private FuzzRequest DeliveryMode(JObject activity)
    {
        activity["deliveryMode"] = mutate.Pick<JToken>(["normal", "notification", "ephemeral", "EXPECTREPLIES", "", 42, new JArray(), new JObject(), true]);
        return Json("delivery-mode", activity);
    }

    private FuzzRequest ServiceUrl(JObject activity)
    {
        activity["serviceUrl"] = mutate.Pick(ServiceUrls);
        if (mutate.Random.Next(2) == 0)
        {
            activity.Remove("deliveryMode");
        }

        return Json("service-url", activity);
    }

    private FuzzRequest JunkToken(JObject activity) =>
        Json("junk-token", activity).WithHeader("Authorization", mutate.Pick(["Bearer a.b.c", "Bearer eyJ.eyJ.eyJ", "Basic dXNlcjpwYXNz", "Bearer ", "Bearer x y", mutate.OddString()]));

    private FuzzRequest WrongMethod(JObject activity) =>
        new("wrong-method", mutate.Pick([HttpMethod.Get, HttpMethod.Put, HttpMethod.Delete, HttpMethod.Patch, HttpMethod.Options]), Path, Encoding.UTF8.GetBytes(activity.ToString()));

    private FuzzRequest TimeAndLocale(JObject activity)
    {
        activity[mutate.Pick(["timestamp", "localTimestamp", "expiration"])] = mutate.Pick(["9999-99-99", "0001-01-01T00:00:00Z", "yesterday", "2026-02-30T25:61:00+99:00", "-1"]);
        activity["localTimezone"] = mutate.Pick(["Mars/Olympus", "Europe/London", "", "../../etc/localtime", "UTC+99"]);
        activity["entities"] = new JArray(new JObject { ["type"] = "clientInfo", ["timezone"] = mutate.OddString(), ["locale"] = mutate.OddString() });
        return Json("time-and-locale", activity);
    }

    private static FuzzRequest Json(string category, JObject activity) => FuzzRequest.Json(category, Path, activity.ToString(Formatting.None));

    /// <summary>A real card's submit data with its values changed, removed, retyped or replaced.</summary>
    private JObject Tampered()
    {
        var data = (JObject)mutate.Pick(realSubmits).DeepClone();
        foreach (var property in data.Properties().ToList())
        {
            switch (mutate.Random.Next(5))
            {
                case 0:
                    property.Value = mutate.AnyValue(2);
                    break;
                case 1:
                    property.Remove();
                    break;
                case 2:
                    property.Value = new JValue(mutate.OddString());
                    break;
                case 3:
                    property.Value = mutate.Pick<JToken>(["-5", "11", "1e308", "NaN", "4.5", "seven", new JValue(999999999999L), new JArray("a", "b")]);
                    break;
            }
        }

        if (mutate.Random.Next(3) == 0)
        {
            data[mutate.OddString()] = mutate.AnyValue(2);
        }

        return data;
    }

    private JObject Envelope()
    {
        var conversation = mutate.Pick(Conversations);
        return new JObject
        {
            ["type"] = "message",
            ["id"] = Guid.NewGuid().ToString("N"),
            ["channelId"] = "test",
            ["serviceUrl"] = "http://127.0.0.1:9/",
            ["conversation"] = new JObject { ["id"] = conversation },
            ["from"] = new JObject { ["id"] = "user-" + conversation, ["name"] = "Fuzz" },
            ["recipient"] = new JObject { ["id"] = "bot" },
            ["deliveryMode"] = "expectReplies",
            ["text"] = mutate.Pick(["hi", "yes", "no", "7", "help", "start over", "my plan", "stop check-ins", "delete my data", "the second one"]),
        };
    }

    private static void Set(JObject activity, string path, Func<JToken?, JToken> value)
    {
        var (parent, name) = Resolve(activity, path, create: true);
        parent![name] = value(parent[name]);
    }

    private static void Remove(JObject activity, string path)
    {
        var (parent, name) = Resolve(activity, path, create: false);
        parent?.Remove(name);
    }

    private static (JObject? Parent, string Name) Resolve(JObject activity, string path, bool create)
    {
        var parts = path.Replace("[0]", string.Empty, StringComparison.Ordinal).Split('.');
        JObject? parent = activity;
        foreach (var part in parts[..^1])
        {
            if (parent?[part] is not JObject child)
            {
                if (!create)
                {
                    return (null, parts[^1]);
                }

                child = new JObject();
                parent![part] = child;
            }

            parent = child;
        }

        return (parent, parts[^1]);
    }
}
