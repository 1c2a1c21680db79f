using System.Globalization;
using System.Text.Json.Nodes;
using Newtonsoft.Json.Linq;

namespace StretchBot.Dialogs.Cards;

/// <summary>
/// Copies prompt data built with Newtonsoft (the dialog state's JSON library) into System.Text.Json nodes for the card
/// templating, node by node, instead of writing text and parsing it again.
/// </summary>
internal static class CardJson
{
    public static JsonNode? ToNode(JToken token) => token switch
    {
        JObject obj => ObjectToNode(obj),
        JArray array => new JsonArray(array.Select(ToNode).ToArray()),
        JValue { Type: JTokenType.Null or JTokenType.Undefined } => null,
        JValue { Type: JTokenType.String } value => JsonValue.Create((string)value.Value!),
        JValue { Type: JTokenType.Boolean } value => JsonValue.Create((bool)value.Value!),
        JValue { Type: JTokenType.Integer } value => JsonValue.Create(Convert.ToInt64(value.Value, CultureInfo.InvariantCulture)),
        JValue { Type: JTokenType.Float } value => JsonValue.Create(Convert.ToDouble(value.Value, CultureInfo.InvariantCulture)),
        JValue value => JsonNode.Parse(value.ToString(Newtonsoft.Json.Formatting.None)),
        _ => JsonNode.Parse(token.ToString(Newtonsoft.Json.Formatting.None)),
    };

    public static JsonObject ObjectToNode(JObject obj)
    {
        var result = new JsonObject();
        foreach (var (name, child) in obj)
        {
            result[name] = child is null ? null : ToNode(child);
        }

        return result;
    }
}
