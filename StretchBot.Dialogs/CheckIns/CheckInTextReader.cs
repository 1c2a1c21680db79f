using System.Text.RegularExpressions;
using StretchBot.Dialogs.Domain.Swaps;
using StretchBot.Dialogs.Engine.Recognition;

namespace StretchBot.Dialogs.CheckIns;

/// <summary>
/// Reads a typed check-in ("the cobra made it worse but knee hugs helped, pain is about 3") into feedback per
/// stretch and a pain score. Whatever it cannot read is asked for afterwards, one question at a time.
/// </summary>
public static partial class CheckInTextReader
{
    private static readonly (Feedback Feedback, string[] Phrases)[] FeedbackWords =
    [
        (Feedback.DidNotTry, ["didn't try", "didnt try", "did not try", "haven't tried", "havent tried", "not tried", "never tried", "didn't do", "didnt do", "did not do", "skipped"]),
        (Feedback.Same, ["no better", "not better", "no worse", "no change", "no different", "not different", "didn't change", "nothing changed", "the same", "same", "unchanged", "about the same"]),
        (Feedback.Worse, ["worse", "hurt", "hurts", "painful", "aggravated", "aggravates", "flared", "more pain"]),
        (Feedback.Better, ["better", "helped", "helps", "improved", "easier", "less pain", "good", "great"]),
    ];

    // Words that point at every stretch not yet rated ("the others were better", "all of them helped").
    private static readonly string[] AllWords = ["all", "everything", "both", "they", "them", "each", "every one", "others", "the others", "the rest", "other ones", "other two", "the other one"];

    /// <summary>Every piece of the text that could be read; an empty result when nothing could.</summary>
    public static CheckInAnswers Read(string text, IReadOnlyList<ChoiceOption> stretches, string? culture)
    {
        var answers = new CheckInAnswers();
        var pending = new List<string>();
        foreach (var clause in Clauses(text))
        {
            var stretch = ChoiceRecognition.Recognize(clause, stretches, culture)?.Value;
            var feedback = FeedbackIn(clause);
            if (stretch is not null)
            {
                pending.Add(stretch);
            }

            if (feedback is not null)
            {
                var targets = pending.Count > 0
                    ? pending
                    : stretches.Count == 1 || ContainsWord(clause, AllWords) ? stretches.Select(s => s.Value).ToList() : new List<string>();
                foreach (var id in targets)
                {
                    answers.Feedback.TryAdd(id, feedback.Value);
                }

                pending = new List<string>();
            }

            if (answers.Pain is null && MentionsPainScore(clause) && NumberRecognition.TryRecognizeScore(clause, culture, 0, 10, out var pain))
            {
                answers.Pain = pain;
            }
        }

        if (answers.Pain is null && answers.Feedback.Count == 0 && text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 3 && NumberRecognition.TryRecognizeScore(text, culture, 0, 10, out var bare))
        {
            answers.Pain = bare;
        }

        return answers;
    }

    private static IEnumerable<string> Clauses(string text)
        => ClauseBreak().Split(text.ToLowerInvariant()).Select(c => c.Trim()).Where(c => c.Length > 0);

    private static Feedback? FeedbackIn(string clause)
    {
        foreach (var (feedback, phrases) in FeedbackWords)
        {
            if (ContainsWord(clause, phrases))
            {
                return feedback;
            }
        }

        return null;
    }

    private static bool MentionsPainScore(string clause)
        => clause.Contains("pain", StringComparison.Ordinal) || clause.Contains("/10", StringComparison.Ordinal)
            || clause.Contains("out of", StringComparison.Ordinal) || clause.Contains("score", StringComparison.Ordinal);

    private static bool ContainsWord(string clause, IEnumerable<string> phrases)
        => phrases.Any(p => Regex.IsMatch(clause, $@"(^|[^a-z']){Regex.Escape(p)}($|[^a-z'])"));

    [GeneratedRegex(@"[.,;!?\n]+|\s+but\s+|\s+and\s+|\s+while\s+|\s+whereas\s+|\s+though\s+")]
    private static partial Regex ClauseBreak();
}
