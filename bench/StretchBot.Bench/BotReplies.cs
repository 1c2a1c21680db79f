using System.Text.Json;
using System.Text.Json.Nodes;

namespace StretchBot.Bench;

/// <summary>
/// The replies of one turn (the expectReplies body), read for their texts and card buttons. The body is kept as the
/// UTF-8 bytes it came in and read only when asked, without building a tree of it: the load client shares the bots'
/// cores, so the less it does per turn, the less it takes from the bot it measures (most bodies are never read: the
/// echo bot's, and a turn's whose next step is typed).
/// </summary>
public sealed class BotReplies
{
    private readonly ReadOnlyMemory<byte> _body;

    public BotReplies(ReadOnlyMemory<byte> body)
    {
        _body = body;
    }

    public int Count
    {
        get
        {
            using var document = Parse();
            return Activities(document).Count();
        }
    }

    /// <summary>The data of the last Action.Submit whose title is <paramref name="title"/> (or starts with it).</summary>
    public JsonObject? SubmitData(string title, bool prefix = false)
    {
        using var document = Parse();
        JsonElement? found = null;
        foreach (var action in SubmitActions(document))
        {
            var actionTitle = StringOf(action, "title") ?? string.Empty;
            var match = prefix
                ? actionTitle.StartsWith(title, StringComparison.OrdinalIgnoreCase)
                : string.Equals(actionTitle, title, StringComparison.OrdinalIgnoreCase);
            if (match)
            {
                found = action;
            }
        }

        if (found is not { } submit)
        {
            return null;
        }

        return submit.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object
            ? JsonNode.Parse(data.GetRawText())!.AsObject()
            : new JsonObject();
    }

    /// <summary>The texts of the messages.</summary>
    public IReadOnlyList<string> Texts()
    {
        using var document = Parse();
        return [.. Activities(document).Select(a => StringOf(a, "text")).OfType<string>()];
    }

    public IReadOnlyList<string> ButtonTitles()
    {
        using var document = Parse();
        return [.. SubmitActions(document).Select(a => StringOf(a, "title") ?? string.Empty)];
    }

    private JsonDocument? Parse() => _body.IsEmpty ? null : JsonDocument.Parse(_body);

    private static IEnumerable<JsonElement> Activities(JsonDocument? document)
        => document is not null
            && document.RootElement.ValueKind == JsonValueKind.Object
            && document.RootElement.TryGetProperty("activities", out var activities)
            && activities.ValueKind == JsonValueKind.Array
                ? activities.EnumerateArray()
                : [];

    private static List<JsonElement> SubmitActions(JsonDocument? document)
    {
        var actions = new List<JsonElement>();
        foreach (var activity in Activities(document))
        {
            if (activity.ValueKind != JsonValueKind.Object
                || !activity.TryGetProperty("attachments", out var attachments)
                || attachments.ValueKind != JsonValueKind.Array)
            {
                continue;
            }

            foreach (var attachment in attachments.EnumerateArray())
            {
                if (attachment.ValueKind == JsonValueKind.Object && attachment.TryGetProperty("content", out var content))
                {
                    CollectSubmits(content, actions);
                }
            }
        }

        return actions;
    }

    /// <summary>Every Action.Submit in a card, in document order.</summary>
    private static void CollectSubmits(JsonElement node, List<JsonElement> into)
    {
        if (node.ValueKind == JsonValueKind.Object)
        {
            if (node.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.ValueEquals("Action.Submit"))
            {
                into.Add(node);
            }

            foreach (var property in node.EnumerateObject())
            {
                CollectSubmits(property.Value, into);
            }
        }
        else if (node.ValueKind == JsonValueKind.Array)
        {
            foreach (var child in node.EnumerateArray())
            {
                CollectSubmits(child, into);
            }
        }
    }

    private static string? StringOf(JsonElement element, string name)
        => element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
