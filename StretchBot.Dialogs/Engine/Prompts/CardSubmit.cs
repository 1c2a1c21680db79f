using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace StretchBot.Dialogs.Engine.Prompts;

/// <summary>
/// The submit-data conventions of the bot's cards. Every Action.Submit carries an object (Teams drops plain
/// strings): <c>{ "cardId": "...", "choice": "value" }</c> for a button, the card's inputs for a form, and
/// <c>{ "command": "help" }</c> for a global command.
/// </summary>
public static class CardSubmit
{
    public const string CardIdKey = "cardId";
    public const string ChoiceKey = "choice";
    public const string CommandKey = "command";

    /// <summary>The submitted values, or null when the activity carries none (or carries something that is not an object).</summary>
    public static JObject? GetValues(IActivity activity)
    {
        var value = (activity as IMessageActivity)?.Value;
        try
        {
            return value switch
            {
                null => null,
                JObject obj => obj,
                string s when s.TrimStart().StartsWith('{') => JObject.Parse(s),
                string => null,
                JToken => null,
                _ => JToken.FromObject(value) as JObject,
            };
        }
        catch (Exception ex) when (ex is Newtonsoft.Json.JsonException or ArgumentException)
        {
            return null;
        }
    }

    /// <summary>A string field of the submitted values, trimmed; null when absent or not a plain value.</summary>
    public static string? GetString(JObject? values, string key)
    {
        var token = values?[key];
        return token switch
        {
            // Newtonsoft may have parsed an ISO 8601 string into a date: give back the round-trip form.
            JValue { Type: JTokenType.Date, Value: DateTimeOffset offset } => offset.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            JValue { Type: JTokenType.Date, Value: DateTime dateTime } => dateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            JValue { Value: not null } v => v.ToString(System.Globalization.CultureInfo.InvariantCulture).Trim(),
            _ => null,
        };
    }
}
