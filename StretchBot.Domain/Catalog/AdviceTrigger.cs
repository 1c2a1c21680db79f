using NewtonsoftConverter = Newtonsoft.Json.JsonConverterAttribute;
using SystemTextConverter = System.Text.Json.Serialization.JsonConverterAttribute;

namespace StretchBot.Domain.Catalog;

/// <summary>When a piece of non-stretch advice applies.</summary>
/// <remarks>The names are stored (user state, card submit data): never rename or renumber a value.</remarks>
[NewtonsoftConverter(typeof(Newtonsoft.Json.Converters.StringEnumConverter))]
[SystemTextConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<AdviceTrigger>))]
public enum AdviceTrigger
{
    /// <summary>To everyone who gets a plan.</summary>
    Always = 0,
    /// <summary>The user has spinal stenosis.</summary>
    SpinalStenosis = 1,
    /// <summary>The user's pain is worse leaning back, standing or walking.</summary>
    WorseStandingOrWalking = 2,
    /// <summary>The user's pain is 8 or more out of 10.</summary>
    SeverePain = 3,
    /// <summary>The pain has lasted more than 12 weeks.</summary>
    LongLasting = 4,
    /// <summary>Pain down both legs that the user said is long-standing (not new or getting worse).</summary>
    BothLegsLongStanding = 5,
}
