using NewtonsoftConverter = Newtonsoft.Json.JsonConverterAttribute;
using SystemTextConverter = System.Text.Json.Serialization.JsonConverterAttribute;

namespace StretchBot.Domain.Catalog;

/// <summary>Where the body is when a stretch starts.</summary>
/// <remarks>The names are stored (user state, card submit data): never rename or renumber a value.</remarks>
[NewtonsoftConverter(typeof(Newtonsoft.Json.Converters.StringEnumConverter))]
[SystemTextConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<StartingPosition>))]
public enum StartingPosition
{
    /// <summary>On hands and knees.</summary>
    OnAllFours = 0,
    /// <summary>Lying on the front.</summary>
    LyingFaceDown = 1,
    /// <summary>Lying on the back.</summary>
    LyingOnBack = 2,
    /// <summary>Sitting on the edge of a chair or bed.</summary>
    SittingOnChairEdge = 3,
    /// <summary>Sitting on the floor.</summary>
    SittingOnFloor = 4,
    /// <summary>Kneeling.</summary>
    Kneeling = 5,
    /// <summary>Standing.</summary>
    Standing = 6,
    /// <summary>Standing side-on to a wall.</summary>
    StandingSideOnToWall = 7,
}
