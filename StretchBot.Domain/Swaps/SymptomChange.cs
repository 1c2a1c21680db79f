using NewtonsoftConverter = Newtonsoft.Json.JsonConverterAttribute;
using SystemTextConverter = System.Text.Json.Serialization.JsonConverterAttribute;

namespace StretchBot.Domain.Swaps;

/// <summary>
/// How leg symptoms moved since the last check-in, as a physiotherapist would want to hear it. Moving further
/// from the back (peripheralisation), new numbness, tingling or weakness, or spreading into both legs, are
/// warning signals; moving closer to the back (centralisation) is good news.
/// </summary>
/// <remarks>The names are stored (user state): never rename or renumber a value.</remarks>
[NewtonsoftConverter(typeof(Newtonsoft.Json.Converters.StringEnumConverter))]
[SystemTextConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<SymptomChange>))]
public enum SymptomChange
{
    /// <summary>Pain or other symptoms reach further down the leg than before.</summary>
    FurtherDownLeg = 0,

    /// <summary>New numbness or pins and needles in a leg or foot.</summary>
    NewNumbnessOrTingling = 1,

    /// <summary>New weakness in a leg or foot.</summary>
    NewWeakness = 2,

    /// <summary>Symptoms now in both legs.</summary>
    BothLegs = 3,

    /// <summary>Leg symptoms have moved back towards the back (a good sign).</summary>
    CloserToBack = 4,
}
