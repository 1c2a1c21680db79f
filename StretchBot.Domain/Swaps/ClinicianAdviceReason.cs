using NewtonsoftConverter = Newtonsoft.Json.JsonConverterAttribute;
using SystemTextConverter = System.Text.Json.Serialization.JsonConverterAttribute;

namespace StretchBot.Domain.Swaps;

/// <summary>Why a check-in advises seeing a clinician.</summary>
/// <remarks>The names are stored (user state, card submit data): never rename or renumber a value.</remarks>
[NewtonsoftConverter(typeof(Newtonsoft.Json.Converters.StringEnumConverter))]
[SystemTextConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<ClinicianAdviceReason>))]
public enum ClinicianAdviceReason
{
    /// <summary>Pain rose by a change that matters (2 points or 30 %) since the start.</summary>
    PainRose = 0,
    /// <summary>Two or more stretches made things worse.</summary>
    SeveralWorse = 1,
    /// <summary>A red flag was answered yes.</summary>
    RedFlag = 2,
    /// <summary>No suitable stretch is left to try.</summary>
    NothingLeft = 3,

    /// <summary>Leg symptoms spread further down the leg, or new numbness, tingling or weakness.</summary>
    SymptomsSpread = 4,

    /// <summary>Pain rose by a change that matters since the last check-in.</summary>
    PainRoseSinceLastCheckIn = 5,

    /// <summary>Pain of 8 or more that has not clearly improved over two check-ins.</summary>
    PainSevereNotImproving = 6,

    /// <summary>A stretch made things worse while pain is severe, and no gentle stretch is left to swap in.</summary>
    NoGentleSwapLeft = 7,
}
