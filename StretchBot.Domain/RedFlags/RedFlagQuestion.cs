namespace StretchBot.Domain.RedFlags;

/// <summary>One yes/no red-flag question.</summary>
/// <param name="Id">Stable id (stored in <c>TriageAnswers.RedFlagAnswers</c> and card data).</param>
/// <param name="Tier">How urgent a yes is.</param>
/// <param name="Question">The full plain-language question, asked during triage.</param>
/// <param name="ShortForm">A short form for check-ins and lists ("new numbness around your genitals or bottom").</param>
/// <param name="AskedAtCheckIn">False for a sign that cannot start between check-ins (a history of cancer, how the
/// pain began): the check-in does not ask about it again.</param>
public sealed record RedFlagQuestion(string Id, RedFlagTier Tier, string Question, string ShortForm, bool AskedAtCheckIn = true);
