using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace StretchBot.Bench;

/// <summary>Who is talking and through which channel: a Teams personal chat or the web page's Direct Line.</summary>
public sealed record BenchUser(string ChannelId, string UserId, string? AadObjectId, string ConversationId, string? TenantId)
{
    public const string BotId = "28:b7a1e3c2-5d4f-4e6a-9b8c-0d1e2f3a4b5c";

    public bool IsTeams => ChannelId == "msteams";

    /// <summary>A Teams user as the bot sees them: "29:1..." user id, "a:1..." conversation id, an Azure AD object id.</summary>
    public static BenchUser Teams(string tenantId) => new(
        "msteams",
        "29:1" + RandomId(62),
        Guid.NewGuid().ToString(),
        "a:1" + RandomId(128),
        tenantId);

    /// <summary>A web visitor through Direct Line: no tenant, no Azure AD id.</summary>
    public static BenchUser Web(string conversationSuffix = "-bench") => new("directline", "dl_" + Guid.NewGuid().ToString("N"), null, Guid.NewGuid().ToString("N") + conversationSuffix, null);

    private static string RandomId(int length)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)];
        }

        return new string(chars);
    }
}

/// <summary>Activities shaped as Teams and Web Chat send them, asking for the replies in the response (expectReplies).</summary>
public static class ActivityShapes
{
    public static JsonObject ConversationStart(BenchUser user, string serviceUrl)
    {
        var activity = Base("conversationUpdate", user, serviceUrl);
        activity["membersAdded"] = new JsonArray(Account(user));
        return activity;
    }

    /// <summary>A typed message: text and no value.</summary>
    public static JsonObject Text(BenchUser user, string serviceUrl, string text)
    {
        var activity = Base("message", user, serviceUrl);
        activity["text"] = text;
        activity["textFormat"] = "plain";
        return activity;
    }

    /// <summary>
    /// A card button pressed: Teams sends the submit data as value with no text; Web Chat does the same and adds its
    /// client activity id in channelData.
    /// </summary>
    public static JsonObject Submit(BenchUser user, string serviceUrl, JsonObject data)
    {
        var activity = Base("message", user, serviceUrl);
        activity["value"] = data;
        if (!user.IsTeams)
        {
            activity["channelData"] = new JsonObject { ["clientActivityID"] = Guid.NewGuid().ToString("N"), ["postBack"] = true };
        }

        return activity;
    }

    private static JsonObject Base(string type, BenchUser user, string serviceUrl)
    {
        var activity = new JsonObject
        {
            ["type"] = type,
            ["id"] = user.IsTeams ? "1:" + Guid.NewGuid().ToString("N") : Guid.NewGuid().ToString("N"),
            ["channelId"] = user.ChannelId,
            ["serviceUrl"] = serviceUrl,
            ["timestamp"] = DateTimeOffset.UtcNow.ToString("O"),
            ["locale"] = "en-GB",
            ["deliveryMode"] = "expectReplies",
            ["from"] = Account(user),
            ["recipient"] = new JsonObject { ["id"] = BenchUser.BotId, ["name"] = "StretchBot" },
            ["conversation"] = Conversation(user),
        };
        if (user.IsTeams)
        {
            activity["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = user.TenantId } };
        }

        return activity;
    }

    private static JsonObject Account(BenchUser user)
    {
        var account = new JsonObject { ["id"] = user.UserId, ["name"] = "Alex" };
        if (user.AadObjectId is not null)
        {
            account["aadObjectId"] = user.AadObjectId;
        }
        else
        {
            account["role"] = "user";
        }

        return account;
    }

    private static JsonObject Conversation(BenchUser user)
    {
        var conversation = new JsonObject { ["id"] = user.ConversationId };
        if (user.IsTeams)
        {
            conversation["conversationType"] = "personal";
            conversation["tenantId"] = user.TenantId;
            conversation["isGroup"] = false;
        }

        return conversation;
    }
}
