using NewtonsoftConverter = Newtonsoft.Json.JsonConverterAttribute;
using SystemTextConverter = System.Text.Json.Serialization.JsonConverterAttribute;

namespace StretchBot.Domain.Triage;

/// <summary>What makes the pain worse.</summary>
/// <remarks>The names are stored (user state, card submit data): never rename or renumber a value.</remarks>
[NewtonsoftConverter(typeof(Newtonsoft.Json.Converters.StringEnumConverter))]
[SystemTextConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<WorseWith>))]
public enum WorseWith
{
    /// <summary>Bending forward or sitting.</summary>
    BendingForwardOrSitting = 0,
    /// <summary>Leaning back, standing or walking.</summary>
    LeaningBackStandingOrWalking = 1,
    /// <summary>Both of the above.</summary>
    Both = 2,
    /// <summary>Neither, or not sure.</summary>
    NeitherOrNotSure = 3,
}
