using System.Globalization;
using System.Text.Json.Nodes;

namespace StretchBot.Dialogs.Cards.Templating;

/// <summary>
/// Path look-up as the templating engine's memory does it: a path that does not start with <c>$</c> is read from
/// <c>$data</c>; segments are split on '.', '[' and ']'; a numeric segment indexes an array; any other segment is a
/// property matched case-insensitively. A look-up that fails anywhere yields undefined, never an error.
/// </summary>
internal static class TemplateMemory
{
    /// <summary>Reads <paramref name="path"/> from the template memory ($root, $data, $index).</summary>
    public static object? GetValue(EvaluationScope scope, string path)
    {
        var actualPath = path.Length > 0 && path[0] != '$' ? "$data." + path : path;
        return GetValue(new ScopeObject(scope), actualPath);
    }

    /// <summary>Reads <paramref name="path"/> from <paramref name="instance"/> (SimpleObjectMemory.getValue).</summary>
    public static object? GetValue(object? instance, string path)
    {
        if (instance is JsUndefined || path.Length == 0)
        {
            return JsUndefined.Value;
        }

        object? current = instance;
        object? value = JsUndefined.Value;
        foreach (var segment in Split(path))
        {
            var index = JsValues.ParseIntPrefix(segment);
            if (index is not null && current is JsonArray)
            {
                var (found, error) = AccessIndex(current, index.Value);
                if (error is not null)
                {
                    return JsUndefined.Value;
                }

                value = found;
            }
            else
            {
                value = AccessProperty(current, segment);
            }

            current = value;
        }

        return value;
    }

    /// <summary>Adaptive Expressions' accessIndex: (value, error).</summary>
    public static (object? Value, string? Error) AccessIndex(object? instance, long index)
    {
        if (JsValues.IsNullish(instance))
        {
            return (JsUndefined.Value, null);
        }

        if (instance is JsonArray array)
        {
            return index >= 0 && index < array.Count
                ? (JsValues.FromNode(array[(int)index]), null)
                : (JsUndefined.Value, $"{index} is out of range for {JsValues.ToJsString(instance)}");
        }

        return (JsUndefined.Value, $"{JsValues.ToJsString(instance)} is not a collection.");
    }

    /// <summary>Adaptive Expressions' accessProperty: the first key equal ignoring case, or undefined.</summary>
    public static object? AccessProperty(object? instance, string property)
    {
        switch (instance)
        {
            case null or JsUndefined or false or "":
            case double d when d == 0 || double.IsNaN(d):
                return JsUndefined.Value;
            case ScopeObject scope:
                return scope.Get(property);
            case JsonObject obj:
                foreach (var pair in obj)
                {
                    if (string.Equals(pair.Key, property, StringComparison.OrdinalIgnoreCase))
                    {
                        return JsValues.FromNode(pair.Value);
                    }
                }

                return JsUndefined.Value;
            case JsonArray array:
                return CanonicalIndex(property, array.Count) is { } i ? JsValues.FromNode(array[i]) : JsUndefined.Value;
            case string text:
                return CanonicalIndex(property, text.Length) is { } c ? text[c].ToString() : JsUndefined.Value;
            default:
                return JsUndefined.Value;
        }
    }

    // Object.keys of an array or string are "0".."length-1".
    private static int? CanonicalIndex(string key, int length)
    {
        if (key.Length == 0 || key.Length > 9 || (key.Length > 1 && key[0] == '0') || !key.All(char.IsAsciiDigit))
        {
            return null;
        }

        var i = int.Parse(key, CultureInfo.InvariantCulture);
        return i < length ? i : null;
    }

    private static IEnumerable<string> Split(string path)
    {
        var start = 0;
        for (var i = 0; i <= path.Length; i++)
        {
            if (i == path.Length || path[i] is '.' or '[' or ']')
            {
                if (i > start)
                {
                    var segment = path[start..i];
                    if (segment.Length >= 2 && ((segment[0] == '"' && segment[^1] == '"') || (segment[0] == '\'' && segment[^1] == '\'')))
                    {
                        segment = segment[1..^1];
                    }

                    yield return segment;
                }

                start = i + 1;
            }
        }
    }

    /// <summary>The memory object itself: its properties are $root, $data and $index (matched ignoring case).</summary>
    private sealed class ScopeObject(EvaluationScope scope)
    {
        public object? Get(string property) => property.ToLowerInvariant() switch
        {
            "$root" => scope.Root,
            "$data" => scope.Data,
            "$index" => scope.Index,
            "$host" => JsUndefined.Value,
            "$_actemplateversion" or "_memory" => throw new CardTemplateException(
                scope.TemplateName, property, "this engine does not support reading this field."),
            _ => JsUndefined.Value,
        };
    }
}
