using NewtonsoftConverter = Newtonsoft.Json.JsonConverterAttribute;
using SystemTextConverter = System.Text.Json.Serialization.JsonConverterAttribute;

namespace StretchBot.Domain.Triage;

/// <summary>The user's age band.</summary>
/// <remarks>The names are stored (user state, card submit data): never rename or renumber a value.</remarks>
[NewtonsoftConverter(typeof(Newtonsoft.Json.Converters.StringEnumConverter))]
[SystemTextConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<AgeBand>))]
public enum AgeBand
{
    /// <summary>Under 20.</summary>
    Under20 = 0,
    /// <summary>20 to 50.</summary>
    From20To50 = 1,
    /// <summary>51 to 65.</summary>
    From51To65 = 2,
    /// <summary>Over 65.</summary>
    Over65 = 3,
}
