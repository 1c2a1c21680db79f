using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Unicode;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using StretchBot.Dialogs.Json;

namespace StretchBot.Hosting;

/// <summary>
/// Checks an /api/messages body before anything acts on it: strict JSON (UTF-8 without a byte-order mark, no NaN or
/// Infinity, no repeated property names, no comments, at most 64 levels deep, every number a finite double), then the
/// activity's envelope (type, channelId, conversation.id, from.id and serviceUrl present and strings, ids of sensible
/// length, deliveryMode a string), then the whole activity exactly as CloudAdapter reads it. Each problem is one
/// sentence for the caller; nothing of the body is logged.
/// </summary>
internal static class ActivityValidator
{
    /// <summary>Longest id accepted (conversation, sender, recipient, activity, reply-to, tenant). Teams' longest are a few hundred characters.</summary>
    public const int MaxIdLength = 1024;

    /// <summary>Longest channel id accepted ("msteams", "directline", "emulator", ...).</summary>
    public const int MaxChannelIdLength = 64;

    /// <summary>Longest serviceUrl accepted.</summary>
    public const int MaxServiceUrlLength = 2048;

    private const int MaxJsonDepth = 64;

    /// <summary>Objects with at most this many properties have their names compared in place for repeats.</summary>
    private const int SmallObject = 32;

    private static readonly string[] OptionalIds = ["id", "replyToId", "recipient.id", "conversation.tenantId", "from.aadObjectId"];

    /// <summary>Returns what is wrong with <paramref name="body"/>, or null and the activity.</summary>
    public static string? Validate(byte[] body, out Activity? activity)
    {
        activity = null;
        var problem = CheckJson(body, out var document);
        using (document)
        {
            problem ??= CheckEnvelope(document!.RootElement);
        }

        if (problem is not null)
        {
            return problem;
        }

        try
        {
            using var reader = new JsonTextReader(new PooledTextReader(body)) { MaxDepth = MaxJsonDepth, ArrayPool = JsonCharPool.Instance };
            activity = HttpHelper.BotMessageSerializer.Deserialize<Activity>(reader);
        }
        catch (Exception ex) when (ex is Newtonsoft.Json.JsonException or FormatException or InvalidCastException or ArgumentException or OverflowException)
        {
            return "The body is JSON but not a Bot Framework activity (a field has the wrong shape).";
        }

        return activity is null ? "The body must be a JSON object: a Bot Framework activity." : null;
    }

    /// <summary>The body's encoding and JSON; the parsed document (to dispose) when they are fine.</summary>
    private static string? CheckJson(byte[] body, out JsonDocument? document)
    {
        document = null;
        if (body.AsSpan().StartsWith("\uFEFF"u8))
        {
            return "The body starts with a byte-order mark; send UTF-8 JSON without one.";
        }

        if (!Utf8.IsValid(body))
        {
            return "The body is not UTF-8 text.";
        }

        try
        {
            var parsed = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = MaxJsonDepth });
            if (CheckValues(parsed.RootElement) is { } problem)
            {
                parsed.Dispose();
                return problem;
            }

            document = parsed;
            return null;
        }
        catch (System.Text.Json.JsonException ex)
        {
            var line = (ex.LineNumber ?? 0) + 1;
            var position = (ex.BytePositionInLine ?? 0) + 1;
            var at = string.Create(CultureInfo.InvariantCulture, $"line {line}, position {position}");
            return StartsWithNonFinite(body, ex)
                ? $"The body is not valid JSON ({at}): JSON has no NaN or Infinity."
                : $"The body is not valid JSON ({at}).";
        }
    }

    /// <summary>Repeated property names and numbers no double can hold, anywhere in the document.</summary>
    private static string? CheckValues(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                return CheckObject(element);
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    if (CheckValues(item) is { } problem)
                    {
                        return problem;
                    }
                }

                return null;
            case JsonValueKind.Number:
                // A number outside a double's range reads as infinity.
                return element.TryGetDouble(out var number) && double.IsFinite(number) ? null : "The JSON has a number too large for a double.";
            default:
                return null;
        }
    }

    private static string? CheckObject(JsonElement element)
    {
        // An activity's objects are small: their names are compared in place, without making them strings; a large
        // object (a crafted body) is checked with a set, so the work stays in proportion to its size.
        var names = element.GetPropertyCount() > SmallObject ? new HashSet<string>(StringComparer.Ordinal) : null;
        var index = 0;
        foreach (var property in element.EnumerateObject())
        {
            if (names is null ? RepeatsAnEarlierName(element, property, index++) : !names.Add(property.Name))
            {
                return $"The JSON repeats the property \"{Shorten(property.Name)}\" in one object.";
            }

            if (CheckValues(property.Value) is { } problem)
            {
                return problem;
            }
        }

        return null;
    }

    /// <summary>Whether one of the first <paramref name="index"/> properties of the object has this property's name.</summary>
    private static bool RepeatsAnEarlierName(JsonElement element, JsonProperty property, int index)
    {
        var raw = JsonMarshal.GetRawUtf8PropertyName(property);
        var escaped = raw.Contains((byte)'\\');
        foreach (var earlier in element.EnumerateObject())
        {
            if (index-- == 0)
            {
                return false;
            }

            if (escaped ? earlier.NameEquals(property.Name) : earlier.NameEquals(raw))
            {
                return true;
            }
        }

        return false;
    }

    private static string? CheckEnvelope(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return "The body must be a JSON object: a Bot Framework activity.";
        }

        return Required(root, "type", 128)
            ?? Required(root, "channelId", MaxChannelIdLength)
            ?? Required(root, "conversation.id", MaxIdLength)
            ?? Required(root, "from.id", MaxIdLength)
            ?? Required(root, "serviceUrl", MaxServiceUrlLength)
            ?? FirstOptionalIdProblem(root)
            ?? Optional(root, "deliveryMode", 64)
            ?? Optional(root, "locale", 100)
            ?? CheckServiceUrl(root.GetProperty("serviceUrl").GetString()!);
    }

    private static string? Required(JsonElement root, string path, int maxLength) => Find(root, path) switch
    {
        { ValueKind: JsonValueKind.String } value when value.GetString() is { } text && !string.IsNullOrWhiteSpace(text) => TooLong(path, text, maxLength),
        { ValueKind: not (JsonValueKind.Null or JsonValueKind.String) } => $"The activity's \"{path}\" must be a string.",
        _ => $"The activity has no \"{path}\".",
    };

    private static string? FirstOptionalIdProblem(JsonElement root)
    {
        foreach (var path in OptionalIds)
        {
            if (Optional(root, path, MaxIdLength) is { } problem)
            {
                return problem;
            }
        }

        return null;
    }

    private static string? Optional(JsonElement root, string path, int maxLength) => Find(root, path) switch
    {
        null or { ValueKind: JsonValueKind.Null } => null,
        { ValueKind: JsonValueKind.String } value => TooLong(path, value.GetString()!, maxLength),
        _ => $"The activity's \"{path}\" must be a string.",
    };

    private static string? TooLong(string path, string value, int maxLength) =>
        value.Length > maxLength
            ? string.Create(CultureInfo.InvariantCulture, $"The activity's \"{path}\" is longer than {maxLength} characters.")
            : null;

    private static string? CheckServiceUrl(string serviceUrl) =>
        Uri.TryCreate(serviceUrl, UriKind.Absolute, out _) ? null : "The activity has no absolute \"serviceUrl\".";

    /// <summary>The element at a dotted path of object properties, or null where the path ends early.</summary>
    private static JsonElement? Find(JsonElement root, string path)
    {
        var current = root;
        foreach (var name in path.AsSpan().Split('.'))
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(path.AsSpan(name), out current))
            {
                return null;
            }
        }

        return current;
    }

    private static bool StartsWithNonFinite(byte[] body, System.Text.Json.JsonException ex)
    {
        var offset = 0;
        for (var line = 0L; line < (ex.LineNumber ?? 0) && offset < body.Length; offset++)
        {
            line += body[offset] == (byte)'\n' ? 1 : 0;
        }

        var rest = body.AsSpan(Math.Min(body.Length, offset + (int)(ex.BytePositionInLine ?? 0)));
        return rest.StartsWith("NaN"u8) || rest.StartsWith("Infinity"u8) || rest.StartsWith("-Infinity"u8) || rest.StartsWith("+Infinity"u8);
    }

    private static string Shorten(string text) => text.Length > 40 ? text[..40] + "..." : text;
}
