using NewtonsoftConverter = Newtonsoft.Json.JsonConverterAttribute;
using SystemTextConverter = System.Text.Json.Serialization.JsonConverterAttribute;

namespace StretchBot.Domain.Recommendations;

/// <summary>Whether a plan was made, and if not why.</summary>
/// <remarks>The names are stored (user state, card submit data): never rename or renumber a value.</remarks>
[NewtonsoftConverter(typeof(Newtonsoft.Json.Converters.StringEnumConverter))]
[SystemTextConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<RecommendationStatus>))]
public enum RecommendationStatus
{
    /// <summary>A plan of 1 to 3 stretches.</summary>
    Plan = 0,
    /// <summary>The user has not confirmed a clinician said gentle stretching is fine.</summary>
    NoConsent = 1,
    /// <summary>An emergency red flag: no plan, no check-in.</summary>
    Emergency = 2,
    /// <summary>A see-a-doctor red flag not yet cleared by a clinician: no plan.</summary>
    SeeDoctorSoon = 3,
    /// <summary>No stretch suits these answers: see a clinician.</summary>
    NothingSuitable = 4,
}
