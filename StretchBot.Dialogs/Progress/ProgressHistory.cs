using StretchBot.Domain.RedFlags;
using StretchBot.Domain.Swaps;
using StretchBot.Domain.Triage;

namespace StretchBot.Dialogs.Progress;

/// <summary>A pain score (0-10) and when it was given: at a plan's start or at a check-in.</summary>
public sealed record PainPoint(DateTimeOffset At, int Pain, bool AtPlanStart = false);

/// <summary>A plan given: when, the pain it started from, its stretches and why each was picked, the answers behind it.</summary>
public sealed record PlanEntry(DateTimeOffset At, int PainAtStart, bool Gentle, IReadOnlyList<(string Id, string Reason)> Stretches, TriageAnswers? Answers);

/// <summary>An answered check-in: pain, how each stretch went, how leg symptoms moved, why a clinician was advised.</summary>
public sealed record CheckInEntry(DateTimeOffset At, int? Pain, IReadOnlyDictionary<string, Feedback> Feedback, IReadOnlyList<SymptomChange> Changes, IReadOnlyList<ClinicianAdviceReason> Advice);

/// <summary>A safety screen: when, where, the signs said yes to (ids) and what followed.</summary>
public sealed record ScreenEntry(DateTimeOffset At, string Where, IReadOnlyList<string> SignIds, RedFlagOutcome Outcome, bool? ClinicianCleared)
{
    /// <summary>True when the screen stopped the plan: an emergency, or a see-a-doctor sign no clinician has cleared.</summary>
    public bool StopsThePlan => Outcome == RedFlagOutcome.Emergency || (Outcome == RedFlagOutcome.SeeDoctorSoon && ClinicianCleared != true);
}

/// <summary>A stretch swapped out (at a check-in, or an offered swap taken), and when.</summary>
public sealed record SwapEntry(DateTimeOffset At, SwapRecord Swap);

/// <summary>A user's progress, read from their stored moments: what "my progress" and the physio's summary show.</summary>
public sealed class ProgressHistory
{
    private ProgressHistory(DateTimeOffset? consentUtc, List<object> moments)
    {
        var plans = moments.OfType<PlanEntry>().ToList();
        var checkIns = moments.OfType<CheckInEntry>().ToList();
        var screens = moments.OfType<ScreenEntry>().ToList();
        var swaps = moments.OfType<SwapEntry>().ToList();
        ConsentUtc = consentUtc;
        Plans = plans;
        CheckIns = checkIns;
        Screens = screens;
        Swaps = swaps;
        PainPoints = moments
            .Select(m => m switch
            {
                PlanEntry p => new PainPoint(p.At, p.PainAtStart, AtPlanStart: true),
                CheckInEntry { Pain: int pain } c => new PainPoint(c.At, pain),
                _ => null,
            })
            .OfType<PainPoint>()
            .ToList();
        StretchesTried = moments
            .SelectMany(m => m switch
            {
                PlanEntry p => p.Stretches.Select(s => s.Id),
                SwapEntry { Swap.NewStretchId: string added } => [added],
                _ => [],
            })
            .Distinct(StringComparer.Ordinal)
            .ToList();
        (CurrentStretches, StoppedBy) = Follow(moments);
    }

    /// <summary>A history with nothing in it.</summary>
    public static ProgressHistory Empty { get; } = new(null, []);

    /// <summary>When the user last confirmed a clinician said gentle stretching is fine.</summary>
    public DateTimeOffset? ConsentUtc { get; }

    public IReadOnlyList<PlanEntry> Plans { get; }

    public IReadOnlyList<CheckInEntry> CheckIns { get; }

    /// <summary>Every safety screen, at the triage and at check-ins, oldest first.</summary>
    public IReadOnlyList<ScreenEntry> Screens { get; }

    public IReadOnlyList<SwapEntry> Swaps { get; }

    /// <summary>The pain scores, oldest first: each plan's starting score and each check-in's.</summary>
    public IReadOnlyList<PainPoint> PainPoints { get; }

    /// <summary>Every stretch that was ever in a plan, in the order they first came.</summary>
    public IReadOnlyList<string> StretchesTried { get; }

    /// <summary>The stretches of the plan now (the latest plan with its swaps); empty when there is none.</summary>
    public IReadOnlyList<string> CurrentStretches { get; }

    /// <summary>The safety screen that stopped the latest plan, if one did.</summary>
    public ScreenEntry? StoppedBy { get; }

    public bool IsEmpty => ConsentUtc is null && Plans.Count == 0 && CheckIns.Count == 0 && Screens.Count == 0;

    /// <summary>How a stretch went at each check-in, oldest first (null: not asked about it then).</summary>
    public IReadOnlyList<Feedback?> FeedbackFor(string stretchId)
        => CheckIns.Select(c => c.Feedback.TryGetValue(stretchId, out var f) ? f : (Feedback?)null).ToList();

    public static ProgressHistory From(StoredHistory? stored)
    {
        if (stored is null)
        {
            return Empty;
        }

        // The store gives the moments in the order they happened (several can share one instant).
        var moments = new List<object>();
        foreach (var e in stored.Events)
        {
            switch (e.Kind)
            {
                case ProgressEventKind.Plan:
                    moments.Add(ToPlan(e.At, ProgressEventJson.Read<PlanData>(e.Data)));
                    break;
                case ProgressEventKind.Screen:
                    moments.Add(ToScreen(e.At, ProgressEventJson.Read<ScreenData>(e.Data)));
                    break;
                case ProgressEventKind.CheckIn:
                    var data = ProgressEventJson.Read<CheckInData>(e.Data);
                    moments.Add(new CheckInEntry(e.At, data.Pain, data.Feedback ?? new(), data.Changes ?? [], data.Advice ?? []));
                    moments.AddRange(data.Screen is null ? [] : [ToScreen(e.At, data.Screen)]);
                    moments.AddRange((data.Swaps ?? []).Select(s => new SwapEntry(e.At, s.ToRecord())));
                    break;
                case ProgressEventKind.Swap:
                    moments.Add(new SwapEntry(e.At, ProgressEventJson.Read<SwapData>(e.Data).ToRecord()));
                    break;
            }
        }

        return new ProgressHistory(stored.ConsentUtc, moments);
    }

    // The plan now, followed through the moments in the order they happened.
    private static (IReadOnlyList<string> Current, ScreenEntry? StoppedBy) Follow(IEnumerable<object> moments)
    {
        var current = new List<string>();
        ScreenEntry? stoppedBy = null;
        foreach (var moment in moments)
        {
            switch (moment)
            {
                case PlanEntry plan:
                    current = plan.Stretches.Select(s => s.Id).ToList();
                    stoppedBy = null;
                    break;
                case ScreenEntry { StopsThePlan: true } screen when current.Count > 0:
                    current = [];
                    stoppedBy = screen;
                    break;
                case SwapEntry { Swap: var swap } when current.Contains(swap.OldStretchId):
                    var at = current.IndexOf(swap.OldStretchId);
                    if (swap.NewStretchId is null)
                    {
                        current.RemoveAt(at);
                    }
                    else
                    {
                        current[at] = swap.NewStretchId;
                    }

                    break;
            }
        }

        return (current, stoppedBy);
    }

    private static PlanEntry ToPlan(DateTimeOffset at, PlanData data)
        => new(at, data.Pain, data.Gentle, data.Stretches.Select(s => (s.Id, s.Why)).ToList(), data.Answers is null ? null : ToAnswers(data.Answers));

    private static ScreenEntry ToScreen(DateTimeOffset at, ScreenData data) => new(at, data.Where, data.Signs ?? [], data.Outcome, data.Cleared);

    private static TriageAnswers ToAnswers(AnswersData a) => new()
    {
        Duration = a.Duration,
        Location = a.Location,
        WorseWith = a.WorseWith,
        EasedBy = a.EasedBy,
        Diagnoses = a.Diagnoses,
        CanGetToFloor = a.CanGetToFloor,
        SitsForLongPeriods = a.SitsForLongPeriods,
        Runs = a.Runs,
        AgeBand = a.AgeBand,
    };
}
