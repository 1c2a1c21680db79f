using System.Reflection;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Newtonsoft.Json.Serialization;
using StretchBot.Dialogs.Json;

namespace StretchBot.Dialogs.State;

/// <summary>How stored state is read back: typed where the turn will use it as a type, objects kept as their JSON until used.</summary>
public static partial class StateJson
{
    /// <summary>
    /// Reads the accessors' typed properties as BotState's accessor does (JToken.ToObject: default settings), except that
    /// a component dialog's inner stack is read straight into a <see cref="Engine.DialogState"/> (what the component makes
    /// of it on first use) rather than into a JSON tree that is then read again at every level of nesting.
    /// </summary>
    private static readonly JsonSerializer TypedReader = JsonSerializer.Create(new JsonSerializerSettings { ContractResolver = new TypedStateReadResolver() });

    /// <summary>
    /// A stored state row's properties, as BotState keeps them: JSON values, turned into types on first use, except the
    /// properties named in <paramref name="types"/>, which are read straight into their type (what the first use would
    /// make of them, without building a JSON tree and reading it again).
    /// </summary>
    public static Dictionary<string, object> ParseProperties(string json, IReadOnlyDictionary<string, Type>? types = null)
    {
        using var reader = Reader(json);
        if (!ReadContent(reader) || reader.TokenType != JsonToken.StartObject)
        {
            throw new JsonReaderException("A stored state is not a JSON object.");
        }

        var properties = new Dictionary<string, object>(StringComparer.Ordinal);
        ReadProperties(reader, (name, value) => properties[name] = types is not null && types.TryGetValue(name, out var type) && value.TokenType == JsonToken.StartObject
            ? TypedReader.Deserialize(value, type)!
            : JToken.ReadFrom(value, LoadSettings));
        return properties;
    }

    /// <summary>
    /// Reads the properties of the object the reader is in (after its start), handing each one's name to
    /// <paramref name="read"/> with the reader on its value; stops at the object's end.
    /// </summary>
    private static void ReadProperties(JsonReader reader, Action<string, JsonReader> read)
    {
        while (ReadContent(reader) && reader.TokenType == JsonToken.PropertyName)
        {
            var name = (string)reader.Value!;
            if (!ReadContent(reader))
            {
                break;
            }

            read(name, reader);
        }
    }

    private static bool ReadContent(JsonReader reader)
    {
        while (reader.Read())
        {
            if (reader.TokenType != JsonToken.Comment)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The JSON text of the value the reader is on (an object or a list). From a stored state on one line (as this
    /// class writes it) the text is cut straight out of the stored JSON, exactly as stored; otherwise it is written out
    /// again, compact.
    /// </summary>
    private static JRaw ReadRaw(JsonReader reader)
    {
        if (reader is StoredStateReader { OnOneLine: true } stored)
        {
            // On the value's opening bracket the reader's position is just past it; after Skip, just past its closing one.
            var start = stored.LinePosition - 1;
            stored.Skip();
            return new JRaw(stored.Json[start..stored.LinePosition]);
        }

        using var text = new PooledTextWriter(1024);
        using (var json = text.CreateJsonWriter())
        {
            json.WriteToken(reader);
        }

        return new JRaw(text.ToString());
    }

    /// <summary>
    /// A reader of stored JSON as the state is read everywhere: dates left as text (as written), character buffers from
    /// the shared pool, and the text kept so <see cref="ReadRaw"/> can cut values out of it.
    /// </summary>
    public static JsonTextReader Reader(string json) => new StoredStateReader(json) { DateParseHandling = DateParseHandling.None, ArrayPool = JsonCharPool.Instance };

    /// <summary>A reader over a stored state's JSON that keeps the text, so values can be cut out of it.</summary>
    private sealed class StoredStateReader(string json) : JsonTextReader(new StringReader(json))
    {
        private bool? _onOneLine;

        public string Json { get; } = json;

        /// <summary>Whether the text has no line breaks, looked at only when a value is first cut out of it.</summary>
        public bool OnOneLine => _onOneLine ??= !Json.AsSpan().ContainsAny('\r', '\n');
    }

    /// <summary>Reads a value kept as JSON text (<see cref="JRaw"/>) into <paramref name="type"/>, as JToken.ToObject would read its tree.</summary>
    public static object? ReadRawValue(JRaw raw, Type type)
    {
        ArgumentNullException.ThrowIfNull(raw);
        using var reader = Reader((string)raw.Value!);
        return RawValueReader.Deserialize(reader, type);
    }

    private static readonly JsonSerializer RawValueReader = JsonSerializer.CreateDefault();

    private sealed class TypedStateReadResolver : DefaultContractResolver
    {
        protected override JsonProperty CreateProperty(MemberInfo member, MemberSerialization memberSerialization)
        {
            var property = base.CreateProperty(member, memberSerialization);
            if (member.DeclaringType == typeof(Engine.DialogInstance) && member.Name == nameof(Engine.DialogInstance.State))
            {
                property.Converter = new InstanceStateReader();
            }

            return property;
        }
    }

    /// <summary>
    /// A dialog instance's values: numbers, text and flags as the default reader makes them, the inner stack typed, and
    /// objects and lists kept as their JSON text (<see cref="JRaw"/>), read into a type only when a dialog asks for the
    /// value (<see cref="Engine.StateValues.Convert{T}"/>) and otherwise written back as they were. A turn uses the
    /// values of the dialog it continues; the rest of the stack is carried, not rebuilt as JSON trees every turn.
    /// </summary>
    private sealed class InstanceStateReader : JsonConverter<Dictionary<string, object?>>
    {
        public override bool CanWrite => false;

        public override Dictionary<string, object?>? ReadJson(JsonReader reader, Type objectType, Dictionary<string, object?>? existingValue, bool hasExistingValue, JsonSerializer serializer)
        {
            if (reader.TokenType == JsonToken.Null)
            {
                return null;
            }

            var values = new Dictionary<string, object?>();
            ReadProperties(reader, (name, value) => values[name] = value.TokenType switch
            {
                JsonToken.StartObject when name == Engine.ComponentDialog.InnerStackKey => serializer.Deserialize<Engine.DialogState>(value),
                JsonToken.StartObject or JsonToken.StartArray => ReadRaw(value),
                _ => serializer.Deserialize(value, typeof(object)),
            });
            return values;
        }

        public override void WriteJson(JsonWriter writer, Dictionary<string, object?>? value, JsonSerializer serializer)
            => throw new NotSupportedException();
    }
}
