using StretchBot.Domain.RedFlags;
using StretchBot.Domain.Swaps;

namespace StretchBot.Dialogs.Progress;

/// <summary>A plan given: the pain it started from, its stretches (id, why it was picked) and the answers it was made from.</summary>
public sealed record PlanRecord(int PainAtStart, bool Gentle, IReadOnlyList<(string StretchId, string Reason)> Stretches, Domain.Triage.TriageAnswers? Answers = null);

/// <summary>A safety screen: where it was asked, the signs said yes to (ids only) and what followed.</summary>
/// <param name="Where">"triage" or "check-in".</param>
/// <param name="ClinicianCleared">After a see-a-doctor sign: whether a clinician had since said gentle exercise is fine.</param>
public sealed record SafetyScreenRecord(string Where, IReadOnlyList<string> SignIds, RedFlagOutcome Outcome, bool? ClinicianCleared);

/// <summary>One check-in: pain now, feedback per stretch, how leg symptoms moved, each swap and why, the advice given.</summary>
public sealed record CheckInRecord(
    int? Pain,
    IReadOnlyDictionary<string, Feedback> Feedback,
    IReadOnlyList<SymptomChange> Changes,
    IReadOnlyList<SwapRecord> Swaps,
    IReadOnlyList<ClinicianAdviceReason> Advice,
    SafetyScreenRecord Screen)
{
    /// <summary>The record of what a check-in's answers led to.</summary>
    public static CheckInRecord From(CheckIns.CheckInAnswers answers, SwapResult result)
    {
        ArgumentNullException.ThrowIfNull(answers);
        ArgumentNullException.ThrowIfNull(result);
        var swaps = result.Replacements.Select(r => new SwapRecord(r.OldId, r.New.Stretch.Id, SwapReason.Worse))
            .Concat(result.Dropped.Select(id => new SwapRecord(id, null, SwapReason.Worse)))
            .ToList();
        var screen = new SafetyScreenRecord("check-in", answers.RedFlagsYes.ToList(), result.RedFlag, answers.ClinicianCleared ? true : null);
        return new CheckInRecord(answers.Pain, new Dictionary<string, Feedback>(answers.Feedback), answers.Changes.ToList(), swaps, result.AdviseClinician.ToList(), screen);
    }
}

/// <summary>A stretch taken out of a plan, and what (if anything) took its place.</summary>
public sealed record SwapRecord(string OldStretchId, string? NewStretchId, SwapReason Reason);

/// <summary>Why a stretch was swapped.</summary>
public enum SwapReason
{
    /// <summary>It made things worse (replaced, or stopped with nothing suitable left).</summary>
    Worse,

    /// <summary>It made no difference for two check-ins and the user took the swap offered.</summary>
    Offered,
}
