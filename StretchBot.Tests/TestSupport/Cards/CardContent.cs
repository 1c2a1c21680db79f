using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace StretchBot.Tests.TestSupport;

/// <summary>The Adaptive Card an attachment carries, as a JSON object, whatever form the bot built it in.</summary>
public static class CardContent
{
    public static JObject Of(Attachment attachment)
    {
        ArgumentNullException.ThrowIfNull(attachment);
        return Of(attachment.Content);
    }

    /// <summary>The card as JSON: the bot sends its cards as JSON text (<see cref="JRaw"/>); other content is converted.</summary>
    public static JObject Of(object? content) => content switch
    {
        JObject card => card,
        JRaw raw => Parse((string)raw.Value!),
        null => throw new ArgumentNullException(nameof(content), "The attachment has no content."),
        _ => JObject.FromObject(content),
    };

    // As a client reads it: text that looks like a date stays text.
    private static JObject Parse(string json)
    {
        using var reader = new Newtonsoft.Json.JsonTextReader(new StringReader(json)) { DateParseHandling = Newtonsoft.Json.DateParseHandling.None };
        return JObject.Load(reader);
    }
}
