using Newtonsoft.Json.Linq;

namespace StretchBot.Dialogs.Engine;

/// <summary>
/// Typed reads of values kept in dialog state. State round-trips through JSON between turns, so an int
/// comes back as a long and a class as a JObject; these helpers convert back to the type the caller wants.
/// </summary>
public static class StateValues
{
    /// <summary>
    /// The value under <paramref name="key"/> as a <typeparamref name="T"/>. A converted object is stored back, so
    /// changes the caller makes to it are saved with the state rather than lost on a copy.
    /// </summary>
    public static T? Get<T>(this IDictionary<string, object?> state, string key)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (!state.TryGetValue(key, out var value))
        {
            return default;
        }

        var converted = Convert<T>(value);
        if (converted is not null && !typeof(T).IsValueType && !ReferenceEquals(converted, value))
        {
            state[key] = converted;
        }

        return converted;
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
            case JRaw raw:
                // An object or list a turn read from storage and has not used yet (see StateJson): read it now.
                return (T?)State.StateJson.ReadRawValue(raw, typeof(T));
            case T typed:
                return typed;
            case JToken token:
                return token.Type == JTokenType.Null ? default : token.ToObject<T>();
            default:
                return JToken.FromObject(value).ToObject<T>();
        }
    }
}
