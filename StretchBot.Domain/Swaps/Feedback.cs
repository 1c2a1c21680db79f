using NewtonsoftConverter = Newtonsoft.Json.JsonConverterAttribute;
using SystemTextConverter = System.Text.Json.Serialization.JsonConverterAttribute;

namespace StretchBot.Domain.Swaps;

/// <summary>How a stretch went since the last check-in.</summary>
/// <remarks>The names are stored (user state, card submit data): never rename or renumber a value.</remarks>
[NewtonsoftConverter(typeof(Newtonsoft.Json.Converters.StringEnumConverter))]
[SystemTextConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<Feedback>))]
public enum Feedback
{
    /// <summary>It helped.</summary>
    Better = 0,
    /// <summary>No change.</summary>
    Same = 1,
    /// <summary>It made things worse.</summary>
    Worse = 2,
    /// <summary>The user did not try it.</summary>
    DidNotTry = 3,
}
