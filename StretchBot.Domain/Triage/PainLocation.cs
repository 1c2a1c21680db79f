using NewtonsoftConverter = Newtonsoft.Json.JsonConverterAttribute;
using SystemTextConverter = System.Text.Json.Serialization.JsonConverterAttribute;

namespace StretchBot.Domain.Triage;

/// <summary>Where the pain is (the furthest it reaches).</summary>
/// <remarks>The names are stored (user state, card submit data): never rename or renumber a value.</remarks>
[NewtonsoftConverter(typeof(Newtonsoft.Json.Converters.StringEnumConverter))]
[SystemTextConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<PainLocation>))]
public enum PainLocation
{
    /// <summary>Only in the lower back.</summary>
    LowerBackOnly = 0,
    /// <summary>Mostly on one side of the back.</summary>
    OneSide = 1,
    /// <summary>Spreading into the buttock.</summary>
    Buttock = 2,
    /// <summary>Down one leg.</summary>
    DownOneLeg = 3,
    /// <summary>Down both legs (a red flag).</summary>
    BothLegs = 4,
}
