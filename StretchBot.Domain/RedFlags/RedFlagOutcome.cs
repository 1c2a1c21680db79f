using NewtonsoftConverter = Newtonsoft.Json.JsonConverterAttribute;
using SystemTextConverter = System.Text.Json.Serialization.JsonConverterAttribute;

namespace StretchBot.Domain.RedFlags;

/// <summary>The result of the red-flag questions.</summary>
/// <remarks>The names are stored (user state, card submit data): never rename or renumber a value.</remarks>
[NewtonsoftConverter(typeof(Newtonsoft.Json.Converters.StringEnumConverter))]
[SystemTextConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<RedFlagOutcome>))]
public enum RedFlagOutcome
{
    /// <summary>No red flag: stretches may be suggested.</summary>
    None = 0,
    /// <summary>See a doctor urgently; no plan until a clinician has said gentle exercise is fine.</summary>
    SeeDoctorSoon = 1,
    /// <summary>Call the emergency number or go to an emergency department now; no plan, no check-in.</summary>
    Emergency = 2,
}
