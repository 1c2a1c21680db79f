namespace StretchBot.Dialogs.Domain.RedFlags;

/// <summary>One yes/no red-flag question.</summary>
/// <param name="Id">Stable id (stored in <c>TriageAnswers.RedFlagAnswers</c> and card data).</param>
/// <param name="Tier">How urgent a yes is.</param>
/// <param name="Question">The full plain-language question, asked during triage.</param>
/// <param name="ShortForm">A short form for check-ins and lists ("new numbness around your genitals or bottom").</param>
public sealed record RedFlagQuestion(string Id, RedFlagTier Tier, string Question, string ShortForm);
