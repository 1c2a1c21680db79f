using System.Reflection;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Newtonsoft.Json.Serialization;
using StretchBot.Dialogs.Domain.Triage;

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

    public static string Serialize(object value) => JsonConvert.SerializeObject(value, Settings);

    /// <summary>A stored state row's properties, as BotState keeps them (JSON values, turned into types on first use).</summary>
    public static Dictionary<string, object> ParseProperties(string json)
    {
        using var reader = new JsonTextReader(new StringReader(json)) { DateParseHandling = DateParseHandling.None };
        var obj = JObject.Load(reader, LoadSettings);
        var properties = new Dictionary<string, object>(obj.Count, StringComparer.Ordinal);
        foreach (var (name, token) in obj)
        {
            if (token is not null)
            {
                properties[name] = token;
            }
        }

        return properties;
    }

    /// <summary>Red-flag answers are kept only when yes: only the yes answers count (see <see cref="TriageAnswers.RedFlagYesIds"/>).</summary>
    private sealed class CompactStateResolver : DefaultContractResolver
    {
        protected override JsonProperty CreateProperty(MemberInfo member, MemberSerialization memberSerialization)
        {
            var property = base.CreateProperty(member, memberSerialization);
            if (member.DeclaringType == typeof(TriageAnswers) && member.Name == nameof(TriageAnswers.RedFlagAnswers))
            {
                property.Converter = new YesOnlyConverter();
            }

            return property;
        }
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
