using System.Reflection;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Newtonsoft.Json.Serialization;
using StretchBot.Dialogs.Json;
using StretchBot.Domain.Triage;

namespace StretchBot.Dialogs.State;

/// <summary>
/// How state is written: compact JSON (no nulls, red-flag answers only when yes) that still reads back with the Bot
/// Framework's default Newtonsoft settings, which BotState uses to turn stored values into typed objects. Newtonsoft
/// rather than System.Text.Json because BotState hands the dialogs JObjects and hashes with Newtonsoft.
/// </summary>
public static class StateJson
{
    public static JsonSerializerSettings Settings { get; } = new()
    {
        TypeNameHandling = TypeNameHandling.None,
        DateParseHandling = DateParseHandling.None,
        NullValueHandling = NullValueHandling.Ignore,
        ContractResolver = new CompactStateResolver(),
        Formatting = Formatting.None,
    };

    public static JsonSerializer Serializer { get; } = JsonSerializer.Create(Settings);

    private static readonly JsonLoadSettings LoadSettings = new() { CommentHandling = CommentHandling.Ignore };

    public static string Serialize(object value)
    {
        using var text = new PooledTextWriter();
        WriteTo(text, value);
        return text.ToString();
    }

    /// <summary>Writes the JSON that <see cref="Serialize"/> makes into a pooled buffer, so it can be compared before it becomes a string.</summary>
    public static void WriteTo(PooledTextWriter text, object value)
    {
        ArgumentNullException.ThrowIfNull(text);
        using var json = new JsonTextWriter(text) { ArrayPool = JsonCharPool.Instance, CloseOutput = false };
        Serializer.Serialize(json, value);
    }

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
        using var reader = new StoredStateReader(json) { DateParseHandling = DateParseHandling.None, ArrayPool = JsonCharPool.Instance };
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
    /// Red-flag answers are kept only when yes: only the yes answers count (see <see cref="TriageAnswers.RedFlagYesIds"/>).
    /// A property of one of the bot's own classes is left out while it still has the value a new instance starts with
    /// (false, 0, an empty list, the initializer's value): reading creates a new instance, so it comes back the same.
    /// </summary>
    private sealed class CompactStateResolver : DefaultContractResolver
    {
        private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, object?> Prototypes = new();

        protected override JsonProperty CreateProperty(MemberInfo member, MemberSerialization memberSerialization)
        {
            var property = base.CreateProperty(member, memberSerialization);
            if (member.DeclaringType == typeof(TriageAnswers) && member.Name == nameof(TriageAnswers.RedFlagAnswers))
            {
                property.Converter = new YesOnlyConverter();
            }

            if (property.ShouldSerialize is null && property.Readable && property.Writable
                && Prototype(property.DeclaringType) is { } prototype && property.ValueProvider is { } values)
            {
                var initial = values.GetValue(prototype);
                property.ShouldSerialize = instance => !SameAsNew(values.GetValue(instance), initial);
            }

            return property;
        }

        /// <summary>
        /// In the dialogs' own value bags (a dialog's state, a waterfall's values) an entry that is null or an empty object
        /// reads back the same when left out (a missing value reads as null, and the engine starts an empty bag itself).
        /// </summary>
        protected override JsonDictionaryContract CreateDictionaryContract(Type objectType)
        {
            var contract = base.CreateDictionaryContract(objectType);
            if (contract.DictionaryValueType == typeof(object) && contract.DictionaryKeyType == typeof(string))
            {
                contract.Converter = new SkipEmptyEntriesConverter();
            }

            return contract;
        }

        private static object? Prototype(Type? type) => type is null ? null : Prototypes.GetOrAdd(type, static t =>
            t.Namespace?.StartsWith("StretchBot.", StringComparison.Ordinal) == true
            && !t.IsAbstract && t.GetConstructor(Type.EmptyTypes) is { } constructor
                ? constructor.Invoke(null)
                : null);

        private static bool SameAsNew(object? value, object? initial) => (value, initial) switch
        {
            (null, null) => true,
            (System.Collections.ICollection now, System.Collections.ICollection start) => now.Count == 0 && start.Count == 0,
            (string or ValueType, _) => Equals(value, initial),
            _ => false,
        };
    }

    private sealed class SkipEmptyEntriesConverter : JsonConverter
    {
        public override bool CanRead => false;

        public override bool CanConvert(Type objectType) => true;

        public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer)
        {
            writer.WriteStartObject();
            foreach (System.Collections.DictionaryEntry entry in (System.Collections.IDictionary)value!)
            {
                if (entry.Value is null or JValue { Type: JTokenType.Null } or JObject { Count: 0 } or JRaw { Value: "{}" }
                    || (entry.Value is System.Collections.IDictionary { Count: 0 }))
                {
                    continue;
                }

                writer.WritePropertyName((string)entry.Key);
                switch (entry.Value)
                {
                    // What the serialiser would write for these (these settings have no converters of their own), without
                    // starting a new serialisation for each entry.
                    case JToken token:
                        token.WriteTo(writer);
                        break;
                    case string text:
                        writer.WriteValue(text);
                        break;
                    case bool flag:
                        writer.WriteValue(flag);
                        break;
                    case long number:
                        writer.WriteValue(number);
                        break;
                    case int number:
                        writer.WriteValue(number);
                        break;
                    default:
                        serializer.Serialize(writer, entry.Value);
                        break;
                }
            }

            writer.WriteEndObject();
        }

        public override object ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer)
            => throw new NotSupportedException();
    }

    private sealed class YesOnlyConverter : JsonConverter<Dictionary<string, bool>>
    {
        public override bool CanRead => false;

        public override void WriteJson(JsonWriter writer, Dictionary<string, bool>? value, JsonSerializer serializer)
        {
            writer.WriteStartObject();
            foreach (var (id, yes) in value ?? [])
            {
                if (yes)
                {
                    writer.WritePropertyName(id);
                    writer.WriteValue(true);
                }
            }

            writer.WriteEndObject();
        }

        public override Dictionary<string, bool> ReadJson(JsonReader reader, Type objectType, Dictionary<string, bool>? existingValue, bool hasExistingValue, JsonSerializer serializer)
            => throw new NotSupportedException();
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
        using (var json = new JsonTextWriter(text) { ArrayPool = JsonCharPool.Instance, CloseOutput = false })
        {
            json.WriteToken(reader);
        }

        return new JRaw(text.ToString());
    }

    /// <summary>A reader over a stored state's JSON that keeps the text, so values can be cut out of it.</summary>
    private sealed class StoredStateReader(string json) : JsonTextReader(new StringReader(json))
    {
        public string Json { get; } = json;

        public bool OnOneLine { get; } = !json.AsSpan().ContainsAny('\r', '\n');
    }

    /// <summary>Reads a value kept as JSON text (<see cref="JRaw"/>) into <paramref name="type"/>, as JToken.ToObject would read its tree.</summary>
    public static object? ReadRawValue(JRaw raw, Type type)
    {
        ArgumentNullException.ThrowIfNull(raw);
        using var reader = new JsonTextReader(new StringReader((string)raw.Value!)) { DateParseHandling = DateParseHandling.None, ArrayPool = JsonCharPool.Instance };
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
