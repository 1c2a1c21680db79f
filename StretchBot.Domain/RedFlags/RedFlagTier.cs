using NewtonsoftConverter = Newtonsoft.Json.JsonConverterAttribute;
using SystemTextConverter = System.Text.Json.Serialization.JsonConverterAttribute;

namespace StretchBot.Domain.RedFlags;

/// <summary>How urgent a red flag is.</summary>
/// <remarks>The names are stored (user state, card submit data): never rename or renumber a value.</remarks>
[NewtonsoftConverter(typeof(Newtonsoft.Json.Converters.StringEnumConverter))]
[SystemTextConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<RedFlagTier>))]
public enum RedFlagTier
{
    /// <summary>Needs emergency care now.</summary>
    Emergency = 0,
    /// <summary>Needs an urgent appointment with a doctor.</summary>
    SeeDoctorSoon = 1,
}
