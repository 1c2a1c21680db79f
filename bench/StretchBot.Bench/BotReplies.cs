using System.Text.Json.Nodes;

namespace StretchBot.Bench;

/// <summary>The replies of one turn (the expectReplies body), read for their card buttons.</summary>
public sealed class BotReplies
{
    public BotReplies(JsonArray activities)
    {
        Activities = activities;
    }

    public JsonArray Activities { get; }

    public int Count => Activities.Count;

    /// <summary>The data of the last Action.Submit whose title is <paramref name="title"/> (or starts with it).</summary>
    public JsonObject? SubmitData(string title, bool prefix = false)
    {
        JsonObject? found = null;
        foreach (var action in SubmitActions())
        {
            var actionTitle = action["title"]?.GetValue<string>() ?? string.Empty;
            var match = prefix
                ? actionTitle.StartsWith(title, StringComparison.OrdinalIgnoreCase)
                : string.Equals(actionTitle, title, StringComparison.OrdinalIgnoreCase);
            if (match)
            {
                found = action["data"] as JsonObject ?? new JsonObject();
            }
        }

        return found is null ? null : (JsonObject)found.DeepClone();
    }

    /// <summary>The texts of the messages.</summary>
    public IEnumerable<string> Texts() => Activities.Select(a => a?["text"]?.GetValue<string>()).OfType<string>();

    public IEnumerable<string> ButtonTitles() => SubmitActions().Select(a => a["title"]?.GetValue<string>() ?? string.Empty);

    private IEnumerable<JsonObject> SubmitActions()
    {
        foreach (var activity in Activities)
        {
            if (activity?["attachments"] is not JsonArray attachments)
            {
                continue;
            }

            foreach (var attachment in attachments)
            {
                foreach (var action in Walk(attachment?["content"]))
                {
                    yield return action;
                }
            }
        }
    }

    private static IEnumerable<JsonObject> Walk(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj["type"] is JsonValue type && type.TryGetValue<string>(out var name) && name == "Action.Submit")
                {
                    yield return obj;
                }

                foreach (var (_, child) in obj)
                {
                    foreach (var found in Walk(child))
                    {
                        yield return found;
                    }
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    foreach (var found in Walk(child))
                    {
                        yield return found;
                    }
                }

                break;
        }
    }
}
