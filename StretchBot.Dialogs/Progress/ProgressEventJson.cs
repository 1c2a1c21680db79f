using System.Text.Json;
using System.Text.Json.Serialization;
using StretchBot.Domain.RedFlags;
using StretchBot.Domain.Swaps;
using StretchBot.Domain.Triage;

namespace StretchBot.Dialogs.Progress;

/// <summary>
/// How each kind of moment is stored: compact JSON with one-letter names, enum values by name, nothing written that is
/// empty or default. Only ids, scores and choices: never anything the user typed.
/// </summary>
internal static class ProgressEventJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault,
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Write<T>(T data) => JsonSerializer.Serialize(data, Options);

    public static T Read<T>(string json)
        where T : new() => JsonSerializer.Deserialize<T>(json, Options) ?? new T();
}

internal sealed class PlanData
{
    [JsonPropertyName("p")] public int Pain { get; set; }

    [JsonPropertyName("g")] public bool Gentle { get; set; }

    [JsonPropertyName("s")] public List<StretchData> Stretches { get; set; } = [];

    [JsonPropertyName("a")] public AnswersData? Answers { get; set; }

    public static PlanData From(PlanRecord plan) => new()
    {
        Pain = plan.PainAtStart,
        Gentle = plan.Gentle,
        Stretches = plan.Stretches.Select(s => new StretchData { Id = s.StretchId, Why = s.Reason }).ToList(),
        Answers = plan.Answers is null ? null : AnswersData.From(plan.Answers),
    };
}

internal sealed class StretchData
{
    [JsonPropertyName("i")] public string Id { get; set; } = string.Empty;

    [JsonPropertyName("w")] public string Why { get; set; } = string.Empty;
}

/// <summary>The triage answers a plan was made from (the warning signs are in the screens).</summary>
internal sealed class AnswersData
{
    [JsonPropertyName("d")] public PainDuration? Duration { get; set; }

    [JsonPropertyName("l")] public PainLocation? Location { get; set; }

    [JsonPropertyName("w")] public WorseWith? WorseWith { get; set; }

    [JsonPropertyName("e")] public EasedBy? EasedBy { get; set; }

    [JsonPropertyName("x")] public List<Diagnosis>? Diagnoses { get; set; }

    [JsonPropertyName("f")] public bool? CanGetToFloor { get; set; }

    [JsonPropertyName("s")] public bool? SitsForLongPeriods { get; set; }

    [JsonPropertyName("r")] public bool? Runs { get; set; }

    [JsonPropertyName("a")] public AgeBand? AgeBand { get; set; }

    public static AnswersData From(TriageAnswers answers) => new()
    {
        Duration = answers.Duration,
        Location = answers.Location,
        WorseWith = answers.WorseWith,
        EasedBy = answers.EasedBy,
        Diagnoses = answers.Diagnoses is { Count: > 0 } d ? [.. d] : null,
        CanGetToFloor = answers.CanGetToFloor,
        SitsForLongPeriods = answers.SitsForLongPeriods,
        Runs = answers.Runs,
        AgeBand = answers.AgeBand,
    };
}

internal sealed class ScreenData
{
    [JsonPropertyName("w")] public string Where { get; set; } = string.Empty;

    [JsonPropertyName("s")] public List<string>? Signs { get; set; }

    [JsonPropertyName("o")] public RedFlagOutcome Outcome { get; set; }

    [JsonPropertyName("c")] public bool? Cleared { get; set; }

    public static ScreenData From(SafetyScreenRecord screen) => new()
    {
        Where = screen.Where,
        Signs = screen.SignIds.Count == 0 ? null : [.. screen.SignIds],
        Outcome = screen.Outcome,
        Cleared = screen.ClinicianCleared,
    };
}

internal sealed class CheckInData
{
    [JsonPropertyName("p")] public int? Pain { get; set; }

    [JsonPropertyName("f")] public Dictionary<string, Feedback>? Feedback { get; set; }

    [JsonPropertyName("l")] public List<SymptomChange>? Changes { get; set; }

    [JsonPropertyName("w")] public List<SwapData>? Swaps { get; set; }

    [JsonPropertyName("a")] public List<ClinicianAdviceReason>? Advice { get; set; }

    [JsonPropertyName("r")] public ScreenData? Screen { get; set; }

    public static CheckInData From(CheckInRecord checkIn) => new()
    {
        Pain = checkIn.Pain,
        Feedback = checkIn.Feedback.Count == 0 ? null : new Dictionary<string, Feedback>(checkIn.Feedback, StringComparer.Ordinal),
        Changes = checkIn.Changes.Count == 0 ? null : [.. checkIn.Changes],
        Swaps = checkIn.Swaps.Count == 0 ? null : checkIn.Swaps.Select(SwapData.From).ToList(),
        Advice = checkIn.Advice.Count == 0 ? null : [.. checkIn.Advice],
        Screen = ScreenData.From(checkIn.Screen),
    };
}

internal sealed class SwapData
{
    [JsonPropertyName("o")] public string Old { get; set; } = string.Empty;

    [JsonPropertyName("n")] public string? New { get; set; }

    [JsonPropertyName("r")] public SwapReason Reason { get; set; }

    public static SwapData From(SwapRecord swap) => new() { Old = swap.OldStretchId, New = swap.NewStretchId, Reason = swap.Reason };

    public SwapRecord ToRecord() => new(Old, New, Reason);
}
