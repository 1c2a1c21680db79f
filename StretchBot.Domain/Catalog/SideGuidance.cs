using NewtonsoftConverter = Newtonsoft.Json.JsonConverterAttribute;
using SystemTextConverter = System.Text.Json.Serialization.JsonConverterAttribute;

namespace StretchBot.Domain.Catalog;

/// <summary>Which side to do a one-sided stretch on.</summary>
/// <remarks>The names are stored (user state, card submit data): never rename or renumber a value.</remarks>
[NewtonsoftConverter(typeof(Newtonsoft.Json.Converters.StringEnumConverter))]
[SystemTextConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<SideGuidance>))]
public enum SideGuidance
{
    /// <summary>Only the side that hurts less.</summary>
    LeastPainfulSide = 0,
    /// <summary>Both sides, in turn.</summary>
    BothSides = 1,
    /// <summary>The stretch is symmetrical.</summary>
    NotApplicable = 2,
}
