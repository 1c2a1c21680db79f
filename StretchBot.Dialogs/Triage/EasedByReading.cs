using StretchBot.Dialogs.Understanding;
using StretchBot.Dialogs.Understanding.Readers;
using StretchBot.Domain.Triage;

namespace StretchBot.Dialogs.Triage;

/// <summary>
/// Reads what eases the pain with the words for what makes it worse: they name the same movements ("walking",
/// "sitting down"). "Both" eases nothing in particular, so it is not understood and asked again.
/// </summary>
internal static class EasedByReading
{
    public static Reading<string> Read(AnswerReaders readers, string text)
    {
        var reading = readers.WorseWith.Read(text);
        if (reading.IsUnderstood && reading.Value == WorseWith.Both)
        {
            return Reading<string>.NotUnderstood();
        }

        return reading.Map(v => v switch
        {
            WorseWith.BendingForwardOrSitting => nameof(EasedBy.BendingForwardOrSitting),
            WorseWith.LeaningBackStandingOrWalking => nameof(EasedBy.LeaningBackStandingOrWalking),
            _ => nameof(EasedBy.NeitherOrNotSure),
        });
    }
}
