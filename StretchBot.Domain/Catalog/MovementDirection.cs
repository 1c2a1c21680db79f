using NewtonsoftConverter = Newtonsoft.Json.JsonConverterAttribute;
using SystemTextConverter = System.Text.Json.Serialization.JsonConverterAttribute;

namespace StretchBot.Domain.Catalog;

/// <summary>The way a stretch moves the lower back.</summary>
/// <remarks>The names are stored (user state, card submit data): never rename or renumber a value.</remarks>
[NewtonsoftConverter(typeof(Newtonsoft.Json.Converters.StringEnumConverter))]
[SystemTextConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<MovementDirection>))]
public enum MovementDirection
{
    /// <summary>Bending backwards (arching).</summary>
    Extension = 0,
    /// <summary>Bending forwards (rounding).</summary>
    Flexion = 1,
    /// <summary>Bending or shifting sideways.</summary>
    SideShift = 2,
    /// <summary>Twisting.</summary>
    Rotation = 3,
    /// <summary>Sliding a nerve back and forth.</summary>
    NerveGlide = 4,
    /// <summary>Lengthening a leg or hip muscle.</summary>
    MuscleStretch = 5,
}
