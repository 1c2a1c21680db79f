using StretchBot.Domain.Triage;

namespace StretchBot.Domain.Swaps;

/// <summary>What a check-in collected, as plain data, for <see cref="SwapRule.Apply"/>.</summary>
public sealed record CheckInInput
{
    /// <summary>The user's triage answers (for the avoid-if rules and the reasons of any new stretch).</summary>
    public required TriageAnswers Answers { get; init; }

    /// <summary>The stretch ids of the current plan, in order. Unknown ids are ignored.</summary>
    public required IReadOnlyList<string> CurrentPlan { get; init; }

    /// <summary>Feedback per stretch id; a plan stretch with no entry counts as <see cref="Feedback.DidNotTry"/>.</summary>
    public required IReadOnlyDictionary<string, Feedback> Feedback { get; init; }

    /// <summary>Pain 0-10 when the plan started.</summary>
    public required int PainAtStart { get; init; }

    /// <summary>Pain 0-10 now.</summary>
    public required int PainNow { get; init; }

    /// <summary>Pain 0-10 at each earlier check-in of this plan, oldest first (the last two are enough).</summary>
    public IReadOnlyList<int> PainAtEarlierCheckIns { get; init; } = [];

    /// <summary>The red-flag question ids answered yes at this check-in.</summary>
    public IReadOnlyCollection<string> RedFlagYesIds { get; init; } = [];

    /// <summary>Every stretch id this user has found worse at earlier check-ins (never offered again).</summary>
    public IReadOnlyCollection<string> FoundWorseBefore { get; init; } = [];

    /// <summary>The feedback of the previous check-in (for "same two check-ins in a row"); empty at the first.</summary>
    public IReadOnlyDictionary<string, Feedback> PreviousFeedback { get; init; } = new Dictionary<string, Feedback>();

    /// <summary>How leg symptoms moved since the last check-in (from typed words).</summary>
    public IReadOnlyCollection<SymptomChange> Changes { get; init; } = [];
}
