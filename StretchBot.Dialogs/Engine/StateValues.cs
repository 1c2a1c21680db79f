using Newtonsoft.Json.Linq;

namespace StretchBot.Dialogs.Engine;

/// <summary>
/// Typed reads of values kept in dialog state. State round-trips through JSON between turns, so an int
/// comes back as a long and a class as a JObject; these helpers convert back to the type the caller wants.
/// </summary>
public static class StateValues
{
    public static T? Get<T>(this IDictionary<string, object?> state, string key)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.TryGetValue(key, out var value) ? Convert<T>(value) : default;
    }

    public static T GetOrAdd<T>(this IDictionary<string, object?> state, string key)
        where T : new()
    {
        var value = state.Get<T>(key);
        if (value is null)
        {
            value = new T();
        }

        // Store the typed object so changes made by the caller this turn are saved.
        state[key] = value;
        return value;
    }

    public static T? Convert<T>(object? value)
    {
        switch (value)
        {
            case null:
                return default;
            case T typed:
                return typed;
            case JToken token:
                return token.Type == JTokenType.Null ? default : token.ToObject<T>();
            default:
                return JToken.FromObject(value).ToObject<T>();
        }
    }
}
