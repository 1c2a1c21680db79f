using StretchBot.Domain.Triage;

namespace StretchBot.Dialogs.State;

public static class TriageAnswersExtensions
{
    /// <summary>
    /// Answers for a fresh triage ("start over"): the consent and its time carry over (the user confirmed it
    /// and it stays true), everything about symptoms and red flags is asked again.
    /// </summary>
    public static TriageAnswers ForNewTriage(this TriageAnswers answers) => new()
    {
        ConsentConfirmed = answers.ConsentConfirmed,
        ConsentConfirmedAt = answers.ConsentConfirmedAt,
    };
}
