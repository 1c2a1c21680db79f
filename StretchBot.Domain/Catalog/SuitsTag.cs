using NewtonsoftConverter = Newtonsoft.Json.JsonConverterAttribute;
using SystemTextConverter = System.Text.Json.Serialization.JsonConverterAttribute;

namespace StretchBot.Domain.Catalog;

/// <summary>Who a stretch suits, as matched against the triage answers.</summary>
/// <remarks>The names are stored (user state, card submit data): never rename or renumber a value.</remarks>
[NewtonsoftConverter(typeof(Newtonsoft.Json.Converters.StringEnumConverter))]
[SystemTextConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<SuitsTag>))]
public enum SuitsTag
{
    /// <summary>Most people with back pain.</summary>
    MostPeople = 0,
    /// <summary>A disc bulge or prolapse.</summary>
    DiscBulgeOrProlapse = 1,
    /// <summary>Spinal stenosis.</summary>
    SpinalStenosis = 2,
    /// <summary>A facet joint problem.</summary>
    FacetJointProblem = 3,
    /// <summary>Arthritis of the lower back.</summary>
    LowerBackArthritis = 4,
    /// <summary>Piriformis syndrome.</summary>
    PiriformisSyndrome = 5,
    /// <summary>Pain worse bending forward or sitting.</summary>
    WorseBendingForwardOrSitting = 6,
    /// <summary>Pain worse leaning back, standing or walking.</summary>
    WorseLeaningBackOrStanding = 7,
    /// <summary>Pain worse both bending forward and leaning back.</summary>
    WorseBothWays = 8,
    /// <summary>Pain on one side.</summary>
    PainOnOneSide = 9,
    /// <summary>Pain down one leg.</summary>
    PainDownOneLeg = 10,
    /// <summary>Pain spreading into the buttock.</summary>
    ButtockPain = 11,
    /// <summary>People who sit for long periods.</summary>
    SitsForLongPeriods = 12,
    /// <summary>Runners.</summary>
    Runners = 13,
    /// <summary>A stiff back or tight back muscles.</summary>
    StiffOrTightBack = 14,
    /// <summary>Older adults (over 50).</summary>
    OlderAdults = 15,
}
