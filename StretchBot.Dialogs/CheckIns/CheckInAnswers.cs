using StretchBot.Dialogs.Domain.Swaps;

namespace StretchBot.Dialogs.CheckIns;

/// <summary>What the user has said so far in a check-in (kept in the check-in dialog's state until it ends).</summary>
public sealed class CheckInAnswers
{
    public Dictionary<string, Feedback> Feedback { get; set; } = new();

    public int? Pain { get; set; }

    /// <summary>Red-flag ids answered yes; meaningful once <see cref="RedFlagsAnswered"/> is true.</summary>
    public List<string> RedFlagsYes { get; set; } = new();

    public bool RedFlagsAnswered { get; set; }

    /// <summary>How leg symptoms moved, from typed words ("it's gone further down my leg").</summary>
    public List<SymptomChange> Changes { get; set; } = new();

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
    }

    public string? FirstMissing(IEnumerable<string> planIds) => planIds.FirstOrDefault(id => !Feedback.ContainsKey(id));
}
