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
        string? lastNamed = null;
        foreach (var clause in Clauses(text))
        {
            var stretch = ChoiceRecognition.Recognize(clause, stretches, culture)?.Value;
            var feedback = FeedbackIn(clause);
            if (stretch is not null)
            {
                pending.Add(stretch);
                lastNamed = stretch;
            }

            if (feedback is not null)
            {
                List<string> targets;
                if (pending.Count > 0)
                {
                    targets = pending;
                }
                else if (stretches.Count == 1 || ContainsWord(clause, AllWords))
                {
                    targets = stretches.Select(s => s.Value).Where(id => !answers.Feedback.ContainsKey(id)).ToList();
                }
                else
                {
                    // "the cobra was fine, but it hurt later": a clause without a name is about the last one named.
                    targets = lastNamed is null ? new List<string>() : new List<string> { lastNamed };
                }

                foreach (var id in targets)
                {
                    Record(answers, id, feedback.Value);
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

    /// <summary>"Worse" always wins: a stretch that hurt at all is one to swap.</summary>
    private static void Record(CheckInAnswers answers, string id, Feedback feedback)
    {
        if (!answers.Feedback.ContainsKey(id) || feedback == Feedback.Worse)
        {
            answers.Feedback[id] = feedback;
        }
    }

    private static IEnumerable<string> Clauses(string text)
        => ClauseBreak().Split(text.ToLowerInvariant()).Select(c => c.Trim()).Where(c => c.Length > 0);

    private static Feedback? FeedbackIn(string clause)
    {
        foreach (var (feedback, phrases) in FeedbackWords)
        {
            var phrase = phrases.FirstOrDefault(p => ContainsWord(clause, [p]));
            if (phrase is null)
            {
                continue;
            }

            // "not great", "didn't hurt", "not any better": a negated better or worse means no real change.
            var negated = feedback is Feedback.Better or Feedback.Worse && IsNegated(clause, phrase);
            return negated ? Feedback.Same : feedback;
        }

        return null;
    }

    private static bool IsNegated(string clause, string phrase)
    {
        var match = Regex.Match(clause, $@"(^|[^a-z']){Regex.Escape(phrase)}($|[^a-z'])");
        var before = clause[..match.Index].Split(' ', StringSplitOptions.RemoveEmptyEntries).TakeLast(3);
        return before.Any(w => w is "not" or "no" or "never" or "hardly" || w.EndsWith("n't", StringComparison.Ordinal) || w.EndsWith("nt", StringComparison.Ordinal) && w is "didnt" or "doesnt" or "wasnt" or "isnt" or "dont");
    }

    private static bool MentionsPainScore(string clause)
        => clause.Contains("pain", StringComparison.Ordinal) || clause.Contains("/10", StringComparison.Ordinal)
            || clause.Contains("out of", StringComparison.Ordinal) || clause.Contains("score", StringComparison.Ordinal);

    private static bool ContainsWord(string clause, IEnumerable<string> phrases)
        => phrases.Any(p => Regex.IsMatch(clause, $@"(^|[^a-z']){Regex.Escape(p)}($|[^a-z'])"));

    [GeneratedRegex(@"[.,;!?\n]+|\s+but\s+|\s+and\s+|\s+while\s+|\s+whereas\s+|\s+though\s+")]
    private static partial Regex ClauseBreak();
}
