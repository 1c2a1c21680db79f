using StretchBot.Domain.Triage;

namespace StretchBot.Dialogs.Triage;

/// <summary>What <see cref="TriageDialog"/> returns: whether the answers are complete (false: a stop), and the answers.</summary>
public sealed record TriageResult(bool Complete, TriageAnswers Answers);
