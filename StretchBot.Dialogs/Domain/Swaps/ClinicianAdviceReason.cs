using NewtonsoftConverter = Newtonsoft.Json.JsonConverterAttribute;
using SystemTextConverter = System.Text.Json.Serialization.JsonConverterAttribute;

namespace StretchBot.Dialogs.Domain.Swaps;

/// <summary>Why a check-in advises seeing a clinician.</summary>
/// <remarks>The names are stored (user state, card submit data): never rename or renumber a value.</remarks>
[NewtonsoftConverter(typeof(Newtonsoft.Json.Converters.StringEnumConverter))]
[SystemTextConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<ClinicianAdviceReason>))]
public enum ClinicianAdviceReason
{
    /// <summary>Pain rose by 2 or more points since the start.</summary>
    PainRose = 0,
    /// <summary>Two or more stretches made things worse.</summary>
    SeveralWorse = 1,
    /// <summary>A red flag was answered yes.</summary>
    RedFlag = 2,
    /// <summary>No suitable stretch is left to try.</summary>
    NothingLeft = 3,

    /// <summary>Leg symptoms spread further down the leg, or new numbness, tingling or weakness.</summary>
    SymptomsSpread = 4,
}
