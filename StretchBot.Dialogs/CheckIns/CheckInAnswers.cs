using StretchBot.Domain.Swaps;

namespace StretchBot.Dialogs.CheckIns;

/// <summary>What the user has said so far in a check-in (kept in the check-in dialog's state until it ends).</summary>
public sealed class CheckInAnswers
{
    public Dictionary<string, Feedback> Feedback { get; set; } = new();

    public int? Pain { get; set; }

    /// <summary>Red-flag ids answered yes; meaningful once <see cref="RedFlagsAnswered"/> is true.</summary>
    public List<string> RedFlagsYes { get; set; } = new();

    public bool RedFlagsAnswered { get; set; }

    /// <summary>How leg symptoms moved since the last check-in (the card's answer, or typed words).</summary>
    public List<SymptomChange> Changes { get; set; } = new();

    /// <summary>The leg-symptoms question has an answer (possibly "no change").</summary>
    public bool LegSymptomsAnswered { get; set; }

    /// <summary>After a see-a-doctor sign: a clinician has since said gentle exercise is fine.</summary>
    public bool ClinicianCleared { get; set; }

    /// <summary>Nothing answered at all (an empty submit, or words that said nothing the check-in asks).</summary>
    public bool IsEmpty => Feedback.Count == 0 && Pain is null && !RedFlagsAnswered && Changes.Count == 0 && !LegSymptomsAnswered;

    /// <summary>Leg symptoms spreading further, or new numbness, tingling or weakness (peripheralisation).</summary>
    public bool SymptomsSpread => Changes.Any(c => c is SymptomChange.FurtherDownLeg or SymptomChange.NewNumbnessOrTingling or SymptomChange.NewWeakness);

    /// <summary>Adds a later answer: its feedback, warning signs and changes; a pain score only if none was given yet.</summary>
    public void Merge(CheckInAnswers later)
    {
        ArgumentNullException.ThrowIfNull(later);
        foreach (var (id, feedback) in later.Feedback)
        {
            Feedback[id] = feedback;
        }

        Pain ??= later.Pain;
        RedFlagsYes = RedFlagsYes.Union(later.RedFlagsYes).ToList();
        RedFlagsAnswered |= later.RedFlagsAnswered;
        Changes = Changes.Union(later.Changes).ToList();
        LegSymptomsAnswered |= later.LegSymptomsAnswered;
    }

    public string? FirstMissing(IEnumerable<string> planIds) => planIds.FirstOrDefault(id => !Feedback.ContainsKey(id));
}
