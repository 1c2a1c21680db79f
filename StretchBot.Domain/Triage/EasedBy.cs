using NewtonsoftConverter = Newtonsoft.Json.JsonConverterAttribute;
using SystemTextConverter = System.Text.Json.Serialization.JsonConverterAttribute;

namespace StretchBot.Domain.Triage;

/// <summary>What tends to ease the pain: the direction it prefers (a directional preference).</summary>
/// <remarks>The names are stored (user state, card submit data): never rename or renumber a value.</remarks>
[NewtonsoftConverter(typeof(Newtonsoft.Json.Converters.StringEnumConverter))]
[SystemTextConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<EasedBy>))]
public enum EasedBy
{
    /// <summary>Bending forward or sitting eases it (a preference for flexion).</summary>
    BendingForwardOrSitting = 0,
    /// <summary>Leaning back, standing or walking eases it (a preference for extension).</summary>
    LeaningBackStandingOrWalking = 1,
    /// <summary>Nothing in particular, or not sure.</summary>
    NeitherOrNotSure = 2,
}
