using NewtonsoftConverter = Newtonsoft.Json.JsonConverterAttribute;
using SystemTextConverter = System.Text.Json.Serialization.JsonConverterAttribute;

namespace StretchBot.Domain.Triage;

/// <summary>How long the pain has lasted.</summary>
/// <remarks>The names are stored (user state, card submit data): never rename or renumber a value.</remarks>
[NewtonsoftConverter(typeof(Newtonsoft.Json.Converters.StringEnumConverter))]
[SystemTextConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<PainDuration>))]
public enum PainDuration
{
    /// <summary>Less than 6 weeks.</summary>
    UnderSixWeeks = 0,
    /// <summary>6 to 12 weeks.</summary>
    SixToTwelveWeeks = 1,
    /// <summary>More than 12 weeks.</summary>
    OverTwelveWeeks = 2,
}
