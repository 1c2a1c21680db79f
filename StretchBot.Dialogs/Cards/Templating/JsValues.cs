using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace StretchBot.Dialogs.Cards.Templating;

/// <summary>
/// JavaScript value semantics the templating engine relies on: converting between JSON nodes and values, JavaScript's
/// <c>toString()</c>, truthiness, Adaptive Expressions' equality and property look-up.
/// </summary>
internal static class JsValues
{
    /// <summary>JavaScript's Number.EPSILON (2^-52).</summary>
    private const double JsNumberEpsilon = 2.220446049250313e-16;

    public static bool IsNullish(object? value) => value is null or JsUndefined;

    public static bool IsNumber(object? value) => value is double d && !double.IsNaN(d);

    /// <summary>A JSON node read from the data, as a value (objects and arrays stay nodes, by reference).</summary>
    public static object? FromNode(JsonNode? node)
    {
        switch (node)
        {
            case null:
                return null;
            case JsonObject or JsonArray:
                return node;
        }

        var value = node.AsValue();
        return value.GetValueKind() switch
        {
            JsonValueKind.String => value.GetValue<string>(),
            JsonValueKind.Number => double.Parse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => null,
        };
    }

    /// <summary>A value as a new JSON node that can be attached to the expanded card (data nodes are copied).</summary>
    public static JsonNode? ToNode(object? value) => value switch
    {
        null or JsUndefined => null,
        bool b => JsonValue.Create(b),
        double d when double.IsNaN(d) || double.IsInfinity(d) => null,
        double d => JsonValue.Create(d),
        string s => JsonValue.Create(s),
        JsonNode node => node.DeepClone(),
        _ => throw new InvalidOperationException($"Not a template value: {value.GetType()}"),
    };

    /// <summary>Writes a value as <see cref="ToNode"/> would attach it (undefined and non-finite numbers as null).</summary>
    public static void Write(Utf8JsonWriter writer, object? value, JsonSerializerOptions options)
    {
        switch (value)
        {
            case null or JsUndefined:
                writer.WriteNullValue();
                break;
            case bool b:
                writer.WriteBooleanValue(b);
                break;
            case double d when double.IsNaN(d) || double.IsInfinity(d):
                writer.WriteNullValue();
                break;
            case double d:
                writer.WriteNumberValue(d);
                break;
            case string s:
                writer.WriteStringValue(s);
                break;
            case JsonNode node:
                node.WriteTo(writer, options);
                break;
            default:
                throw new InvalidOperationException($"Not a template value: {value.GetType()}");
        }
    }

    /// <summary>Adaptive Expressions' <c>isLogicTrue</c>: only false, null and undefined are false.</summary>
    public static bool IsLogicTrue(object? value) => value switch
    {
        bool b => b,
        null or JsUndefined => false,
        _ => true,
    };

    /// <summary>JavaScript truthiness (used for a <c>$when</c> that is not an expression).</summary>
    public static bool IsJsTruthy(JsonNode? node)
    {
        var value = FromNode(node);
        return value switch
        {
            null or JsUndefined => false,
            bool b => b,
            double d => d != 0 && !double.IsNaN(d),
            string s => s.Length > 0,
            _ => true,
        };
    }

    /// <summary>JavaScript's <c>String(value)</c>; null when JavaScript's <c>value.toString()</c> would throw.</summary>
    public static string? ToJsString(object? value) => value switch
    {
        null or JsUndefined => null,
        string s => s,
        bool b => b ? "true" : "false",
        double d => NumberToString(d),
        JsonArray array => ArrayToString(array),
        JsonObject => "[object Object]",
        _ => value.ToString(),
    };

    private static string ArrayToString(JsonArray array)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < array.Count; i++)
        {
            if (i > 0)
            {
                builder.Append(',');
            }

            builder.Append(ToJsString(FromNode(array[i])) ?? string.Empty);
        }

        return builder.ToString();
    }

    /// <summary>ECMAScript Number::toString (shortest round-trip digits, exponent outside 1e-7 .. 1e21).</summary>
    public static string NumberToString(double d)
    {
        if (double.IsNaN(d))
        {
            return "NaN";
        }

        if (double.IsInfinity(d))
        {
            return d > 0 ? "Infinity" : "-Infinity";
        }

        if (d == 0)
        {
            return "0";
        }

        if (d < 0)
        {
            return "-" + NumberToString(-d);
        }

        // Shortest round-trip digits and the decimal exponent n, so that d = 0.digits x 10^n.
        var text = d.ToString("R", CultureInfo.InvariantCulture);
        var exponentAt = text.IndexOfAny(['E', 'e']);
        var mantissa = exponentAt >= 0 ? text[..exponentAt] : text;
        var exponent = exponentAt >= 0 ? int.Parse(text[(exponentAt + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture) : 0;
        var point = mantissa.IndexOf('.');
        var digits = point >= 0 ? mantissa.Remove(point, 1) : mantissa;
        var n = (point >= 0 ? point : mantissa.Length) + exponent;
        var leadingZeros = digits.Length - digits.TrimStart('0').Length;
        digits = digits[leadingZeros..];
        n -= leadingZeros;
        digits = digits.TrimEnd('0');
        var k = digits.Length;

        if (k <= n && n <= 21)
        {
            return digits + new string('0', n - k);
        }

        if (0 < n && n <= 21)
        {
            return digits[..n] + "." + digits[n..];
        }

        if (-6 < n && n <= 0)
        {
            return "0." + new string('0', -n) + digits;
        }

        var e = n - 1;
        var sign = e < 0 ? "-" : "+";
        var head = k == 1 ? digits : digits[..1] + "." + digits[1..];
        return head + "e" + sign + Math.Abs(e).ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>Adaptive Expressions' <c>commonEquals</c>.</summary>
    public static bool CommonEquals(object? a, object? b)
    {
        if (IsNullish(a) || IsNullish(b))
        {
            return IsNullish(a) && IsNullish(b);
        }

        if (a is JsonArray left && b is JsonArray right)
        {
            if (left.Count != right.Count)
            {
                return false;
            }

            for (var i = 0; i < left.Count; i++)
            {
                if (!CommonEquals(FromNode(left[i]), FromNode(right[i])))
                {
                    return false;
                }
            }

            return true;
        }

        if (a is JsonObject objectA && b is JsonObject objectB)
        {
            return JsonNode.DeepEquals(objectA, objectB);
        }

        if (a is double x && b is double y)
        {
            return Math.Abs(x - y) < JsNumberEpsilon || x == y;
        }

        return a switch
        {
            string s => b is string t && string.Equals(s, t, StringComparison.Ordinal),
            bool p => b is bool q && p == q,
            _ => ReferenceEquals(a, b),
        };
    }

    /// <summary>
    /// JavaScript's <c>parseInt(text)</c> restricted to what path segments need: leading whitespace, optional sign,
    /// digits; null for NaN.
    /// </summary>
    public static long? ParseIntPrefix(string text)
    {
        var i = 0;
        while (i < text.Length && char.IsWhiteSpace(text[i]))
        {
            i++;
        }

        var negative = false;
        if (i < text.Length && (text[i] == '-' || text[i] == '+'))
        {
            negative = text[i] == '-';
            i++;
        }

        var start = i;
        long result = 0;
        while (i < text.Length && text[i] is >= '0' and <= '9' && i - start < 18)
        {
            result = (result * 10) + (text[i] - '0');
            i++;
        }

        return i == start ? null : (negative ? -result : result);
    }
}
