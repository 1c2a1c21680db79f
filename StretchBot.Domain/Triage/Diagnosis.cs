using NewtonsoftConverter = Newtonsoft.Json.JsonConverterAttribute;
using SystemTextConverter = System.Text.Json.Serialization.JsonConverterAttribute;

namespace StretchBot.Domain.Triage;

/// <summary>A diagnosis the user already has (several allowed).</summary>
/// <remarks>The names are stored (user state, card submit data): never rename or renumber a value.</remarks>
[NewtonsoftConverter(typeof(Newtonsoft.Json.Converters.StringEnumConverter))]
[SystemTextConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<Diagnosis>))]
public enum Diagnosis
{
    /// <summary>Disc bulge or prolapse.</summary>
    DiscBulgeOrProlapse = 0,
    /// <summary>Spinal stenosis.</summary>
    SpinalStenosis = 1,
    /// <summary>A facet joint problem.</summary>
    FacetJointProblem = 2,
    /// <summary>Arthritis of the lower back.</summary>
    LowerBackArthritis = 3,
    /// <summary>Piriformis syndrome.</summary>
    PiriformisSyndrome = 4,
    /// <summary>Osteoporosis.</summary>
    Osteoporosis = 5,
    /// <summary>A hip replacement.</summary>
    HipReplacement = 6,
    /// <summary>None, or does not know.</summary>
    NoneOrDontKnow = 7,
}
