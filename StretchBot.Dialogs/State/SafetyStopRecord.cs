using NewtonsoftConverter = Newtonsoft.Json.JsonConverterAttribute;

namespace StretchBot.Dialogs.State;

/// <summary>Why the conversation stopped for safety; kept so a returning user (and "my plan") is told why.</summary>
public sealed class SafetyStopRecord
{
    public SafetyStopKind Kind { get; set; }

    /// <summary>The red-flag ids that triggered it (empty when nothing suitable was left).</summary>
    public List<string> Signs { get; set; } = new();

    /// <summary>For <see cref="SafetyStopKind.NothingSuitable"/>: the reasons in words.</summary>
    public List<string> Reasons { get; set; } = new();

    public DateTimeOffset AtUtc { get; set; }

    /// <summary>The user's time zone when it happened (as the channel reported it), to name the day later.</summary>
    public string? TimeZoneId { get; set; }
}

/// <summary>The tiers of a safety stop, most urgent first. Stored by name: never rename a value.</summary>
[NewtonsoftConverter(typeof(Newtonsoft.Json.Converters.StringEnumConverter))]
public enum SafetyStopKind
{
    /// <summary>Call the emergency number or go to an emergency department now.</summary>
    Emergency = 0,

    /// <summary>An urgent doctor's appointment first; no stretches until a clinician has said it is fine.</summary>
    SeeDoctor = 1,

    /// <summary>No red flag, but none of the stretches would be safe and suitable: ask a clinician.</summary>
    NothingSuitable = 2,
}
