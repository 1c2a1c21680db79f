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
public static partial class StateJson
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
        using var json = text.CreateJsonWriter();
        Serializer.Serialize(json, value);
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
}
