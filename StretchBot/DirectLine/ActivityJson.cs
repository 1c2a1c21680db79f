using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace StretchBot.DirectLine;

/// <summary>Reads and writes activities in the Bot Framework's JSON shape (Newtonsoft, as the Bot Framework SDK does).</summary>
public static class ActivityJson
{
    private static readonly JsonSerializerSettings Settings = new()
    {
        NullValueHandling = NullValueHandling.Ignore,
        DateParseHandling = DateParseHandling.DateTimeOffset,
        MaxDepth = 64,
    };

    private static readonly JsonSerializer Serializer = JsonSerializer.Create(Settings);

    public static string Serialize(Activity activity) => JsonConvert.SerializeObject(activity, Settings);

    /// <summary>Parses a JSON object; null when the text is not a JSON object.</summary>
    public static JObject? ParseObject(string json)
    {
        try
        {
            using var reader = new JsonTextReader(new StringReader(json)) { DateParseHandling = DateParseHandling.DateTimeOffset, MaxDepth = 64 };
            return JToken.ReadFrom(reader) as JObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The activity in the JSON object; null when it does not fit the activity schema.</summary>
    public static Activity? ToActivity(JObject json)
    {
        try
        {
            return json.ToObject<Activity>(Serializer);
        }
        catch (JsonException)
        {
            return null;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
