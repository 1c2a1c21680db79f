using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace StretchBot.Tests.TestSupport;

/// <summary>Random JSON values and the ways a body can be spoilt: shared by the activity and Direct Line fuzzers.</summary>
internal sealed class JsonMutations(Random random)
{
    private static readonly string[] OddStrings =
    [
        string.Empty, " ", "\u0000", "\ud800", "\udfff", "\u202e\u202d", "\ufeff", "\u200b", "null", "undefined", "NaN",
        "-1", "1e308", "99999999999999999999999", "<script>alert(1)</script>", "'; DROP TABLE check_ins; --", "../../etc/passwd",
        "%00", "${jndi:ldap://x}", "{{7*7}}", "${$root.name}", "\r\n\r\n", "😀🏳️‍🌈", "ａｂｃ", "İı", "ß", "\t",
    ];

    public Random Random { get; } = random;

    public T Pick<T>(IReadOnlyList<T> items) => items[Random.Next(items.Count)];

    public string OddString() => Random.Next(4) switch
    {
        0 => new string((char)Random.Next(0x20, 0xD7FF), Random.Next(1, 40)),
        1 => RandomText(Random.Next(0, 300)),
        _ => Pick(OddStrings),
    };

    public string RandomText(int length)
    {
        var text = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            text.Append((char)Random.Next(0x20, 0x3000));
        }

        return text.ToString();
    }

    /// <summary>Any JSON value, up to <paramref name="depth"/> levels deep.</summary>
    public JToken AnyValue(int depth = 3) => Random.Next(depth <= 0 ? 7 : 9) switch
    {
        0 => JValue.CreateNull(),
        1 => new JValue(Random.Next(2) == 0),
        2 => new JValue(Random.NextInt64(long.MinValue, long.MaxValue)),
        3 => new JValue(Random.NextDouble() * Math.Pow(10, Random.Next(-300, 300))),
        4 => new JValue(OddString()),
        5 => new JValue(Random.Next(-5, 15)),
        6 => new JValue(string.Empty),
        7 => new JArray(Enumerable.Range(0, Random.Next(0, 4)).Select(_ => AnyValue(depth - 1))),
        _ => AnyObject(depth - 1),
    };

    public JObject AnyObject(int depth = 2)
    {
        var result = new JObject();
        for (var i = Random.Next(0, 5); i > 0; i--)
        {
            result[Random.Next(3) == 0 ? OddString() : Pick(["type", "text", "value", "id", "data", "choices", "number", "action"])] = AnyValue(depth);
        }

        return result;
    }

    /// <summary>A value of a different JSON type from what the field should hold.</summary>
    public JToken WrongTypeFor(JToken? current) => current?.Type switch
    {
        JTokenType.String => Pick<JToken>([new JValue(42), new JArray(), new JObject(), new JValue(true), new JValue(1.5)]),
        JTokenType.Object => Pick<JToken>([new JValue("text"), new JValue(7), new JArray(new JObject()), new JValue(false)]),
        JTokenType.Array => Pick<JToken>([new JValue("text"), new JObject { ["0"] = 1 }, new JValue(3)]),
        _ => Pick<JToken>([new JValue("text"), new JObject(), new JArray(), new JValue(-1), JValue.CreateNull()]),
    };

    /// <summary>Serialises, then applies one textual spoil that a JSON object cannot express.</summary>
    public (string Category, byte[] Body) Spoil(JObject json)
    {
        var text = json.ToString(Formatting.None);
        var bytes = Encoding.UTF8.GetBytes(text);
        switch (Random.Next(9))
        {
            case 0:
                return ("invalid-utf8", Insert(bytes, Pick<byte[]>([[0xC3, 0x28], [0xFF], [0x80], [0xED, 0xA0, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80], [0xC0, 0xAF]])));
            case 1:
                return ("byte-order-mark", [0xEF, 0xBB, 0xBF, .. bytes]);
            case 2:
                return ("non-finite-number", Encoding.UTF8.GetBytes(text.Insert(1, $"\"value\":{Pick(["NaN", "Infinity", "-Infinity", "1e999", "-1e999", "0x10", "01", "+1", ".5"])},")));
            case 3:
                return ("duplicate-keys", Encoding.UTF8.GetBytes(text.Insert(1, Pick(["\"type\":\"invoke\",", "\"conversation\":{\"id\":\"other\"},", "\"from\":{\"id\":\"x\"},", "\"channelId\":\"msteams\",", "\"deliveryMode\":\"normal\","]))));
            case 4:
                return ("truncated-json", bytes[..Random.Next(0, bytes.Length)]);
            case 5:
                return ("trailing-content", Encoding.UTF8.GetBytes(text + Pick([" {}", "]", " x", "\u0000", ",{\"a\":1}"])));
            case 6:
                return ("deep-nesting", Encoding.UTF8.GetBytes(text.Insert(1, $"\"value\":{new string('[', 500)}{new string(']', 500)},")));
            case 7:
                return ("json-comments-and-quotes", Encoding.UTF8.GetBytes(text.Insert(1, Pick(["/* c */", "'type':'message',", "type:\"message\",", "\"text\":\"a\nb\","]))));
            default:
                return ("random-bytes", RandomBytes(Random.Next(0, 2048)));
        }
    }

    public byte[] RandomBytes(int length)
    {
        var bytes = new byte[length];
        Random.NextBytes(bytes);
        return bytes;
    }

    private byte[] Insert(byte[] body, byte[] inserted)
    {
        // Inside a string value where possible, so the JSON is otherwise well formed.
        var at = Array.LastIndexOf(body, (byte)'"');
        at = at > 0 ? at : Random.Next(0, body.Length + 1);
        return [.. body[..at], .. inserted, .. body[at..]];
    }
}
