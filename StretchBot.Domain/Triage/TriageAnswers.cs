namespace StretchBot.Domain.Triage;

/// <summary>
/// What the user has told StretchBot, filled in by the conversation and kept in user state.
/// A null property means "not answered yet". Plain get/set properties so it round-trips through
/// Newtonsoft.Json and System.Text.Json with default settings (enums are stored by name).
/// </summary>
public sealed class TriageAnswers
{
    private Dictionary<string, bool> _redFlagAnswers = new(StringComparer.Ordinal);

    /// <summary>The user confirmed a doctor or physio said gentle stretching is fine.</summary>
    public bool? ConsentConfirmed { get; set; }

    /// <summary>When the user confirmed it (from TimeProvider).</summary>
    public DateTimeOffset? ConsentConfirmedAt { get; set; }

    /// <summary>Red-flag answers by question id (see RedFlagCatalog): true = yes. A missing id is unanswered.</summary>
    public Dictionary<string, bool> RedFlagAnswers
    {
        get => _redFlagAnswers;
        set => _redFlagAnswers = value ?? new Dictionary<string, bool>(StringComparer.Ordinal);
    }

    /// <summary>
    /// After a see-a-doctor red flag: the user confirmed a clinician has since said gentle exercise is fine.
    /// Never lifts an emergency red flag.
    /// </summary>
    public bool? ClinicianClearedRedFlags { get; set; }

    /// <summary>When the user confirmed the clinician's all-clear.</summary>
    public DateTimeOffset? ClinicianClearedRedFlagsAt { get; set; }

    /// <summary>Pain right now, 0 (none) to 10 (worst imaginable).</summary>
    public int? PainNow { get; set; }

    /// <summary>How long the pain has lasted.</summary>
    public PainDuration? Duration { get; set; }

    /// <summary>Where the pain is.</summary>
    public PainLocation? Location { get; set; }

    /// <summary>
    /// With pain down both legs: whether it is new or getting worse in about the last two weeks (the emergency sign)
    /// rather than long-standing. Null until asked; unknown counts as new.
    /// </summary>
    public bool? BothLegsNewOrWorse { get; set; }

    /// <summary>What makes it worse.</summary>
    public WorseWith? WorseWith { get; set; }

    /// <summary>What eases it (the direction of movement the back prefers).</summary>
    public EasedBy? EasedBy { get; set; }

    /// <summary>Known diagnoses (several allowed); null until answered.</summary>
    public List<Diagnosis>? Diagnoses { get; set; }

    /// <summary>Can get down to the floor and back up again safely.</summary>
    public bool? CanGetToFloor { get; set; }

    /// <summary>Sits for long periods.</summary>
    public bool? SitsForLongPeriods { get; set; }

    /// <summary>Runs.</summary>
    public bool? Runs { get; set; }

    /// <summary>Age band.</summary>
    public AgeBand? AgeBand { get; set; }

    /// <summary>The ids of the red-flag questions answered yes, in a stable order.</summary>
    public IReadOnlyList<string> RedFlagYesIds() =>
        RedFlagAnswers.Where(a => a.Value).Select(a => a.Key).Order(StringComparer.Ordinal).ToList();

    /// <summary>True when the user reported this diagnosis.</summary>
    public bool HasDiagnosis(Diagnosis diagnosis) => Diagnoses?.Contains(diagnosis) == true;

    /// <summary>A deep copy.</summary>
    public TriageAnswers Clone()
    {
        var copy = (TriageAnswers)MemberwiseClone();
        copy.RedFlagAnswers = new Dictionary<string, bool>(RedFlagAnswers, StringComparer.Ordinal);
        copy.Diagnoses = Diagnoses is null ? null : [.. Diagnoses];
        return copy;
    }
}
