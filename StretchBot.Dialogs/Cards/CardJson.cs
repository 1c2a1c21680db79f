using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Newtonsoft.Json.Linq;

namespace StretchBot.Dialogs.Cards;

/// <summary>
/// Copies JSON trees between System.Text.Json (the card templating) and Newtonsoft (the Bot Framework's activities and
/// the dialog state) node by node, instead of writing text and parsing it again.
/// </summary>
internal static class CardJson
{
    public static JToken ToToken(JsonNode? node)
    {
        switch (node)
        {
            case null:
                return JValue.CreateNull();
            case JsonObject obj:
                var result = new JObject();
                foreach (var (name, child) in obj)
                {
                    result.Add(name, ToToken(child));
                }

                return result;
            case JsonArray array:
                var list = new JArray();
                foreach (var child in array)
                {
                    list.Add(ToToken(child));
                }

                return list;
        }

        var value = node.AsValue();
        switch (value.GetValueKind())
        {
            case JsonValueKind.String:
                return new JValue(value.GetValue<string>());
            case JsonValueKind.True:
                return new JValue(true);
            case JsonValueKind.False:
                return new JValue(false);
            case JsonValueKind.Number:
                // As reading the number's JSON text would: whole numbers are integers, the rest doubles.
                if (value.TryGetValue<long>(out var whole))
                {
                    return new JValue(whole);
                }

                var number = value.TryGetValue<double>(out var d) ? d : double.Parse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);
                return number == Math.Floor(number) && Math.Abs(number) < 9.0e15 ? new JValue((long)number) : new JValue(number);
            default:
                return JValue.CreateNull();
        }
    }

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

    private static JsonObject ObjectToNode(JObject obj)
    {
        var result = new JsonObject();
        foreach (var (name, child) in obj)
        {
            result[name] = child is null ? null : ToNode(child);
        }

        return result;
    }
}
