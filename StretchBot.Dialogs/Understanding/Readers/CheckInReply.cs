using StretchBot.Domain.Swaps;

namespace StretchBot.Dialogs.Understanding.Readers;

/// <summary>
/// What a typed check-in said: feedback per stretch, pain now, warning signs said yes to (or an explicit "no
/// new symptoms"), and how leg symptoms moved. Anything missing is asked afterwards, one question at a time.
/// </summary>
public sealed record CheckInReply
{
    public IReadOnlyDictionary<string, Feedback> Feedback { get; init; } = new Dictionary<string, Feedback>();

    public int? Pain { get; init; }

    /// <summary>Said when the pain was taken from two scores or a half ("I've noted 7, the higher...").</summary>
    public string? PainRemark { get; init; }

    public IReadOnlyList<string> RedFlags { get; init; } = [];

    /// <summary>The reply said no warning signs have started ("nothing new").</summary>
    public bool NoNewRedFlags { get; init; }

    public IReadOnlyList<SymptomChange> Changes { get; init; } = [];

    public bool IsEmpty => Feedback.Count == 0 && Pain is null && RedFlags.Count == 0 && !NoNewRedFlags && Changes.Count == 0;
}
