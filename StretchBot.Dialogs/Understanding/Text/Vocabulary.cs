using System.Collections.Frozen;

namespace StretchBot.Dialogs.Understanding.Text;

/// <summary>
/// The words the readers look for, and the mending of small typos against them: a word of 5 or more letters that
/// is neither one of those words nor an English word (SCOWL's word lists) is read as the one word the readers
/// look for within one edit (two for words of 9 or more letters;
/// an edit is an insertion, deletion, substitution or swap of neighbours). Words that say no or none are never the
/// result of a correction, so a typo can never turn a reply into a "no" on a safety question.
/// </summary>
public sealed class Vocabulary
{
    /// <summary>Words of this length or more may be mended.</summary>
    public const int MinimumTypoLength = 5;

    private static readonly FrozenSet<string> NeverCorrectTo = FrozenSet.ToFrozenSet(
    [
        "no", "not", "none", "nope", "nah", "never", "nothing", "neither", "nor", "without", "nobody", "negative",
        "dont", "doesnt", "didnt", "havent", "hasnt", "hadnt", "isnt", "arent", "wasnt", "werent", "cant", "cannot", "wont",
    ]);

    private readonly FrozenSet<string> _targets;
    private readonly FrozenSet<string> _english;
    private readonly FrozenSet<string> _alsoKnown;
    private readonly Dictionary<int, string[]> _byLength;

    /// <param name="targets">The words the readers look for (option words, sign words...).</param>
    /// <param name="english">Real words that are never mended into something else.</param>
    public Vocabulary(IEnumerable<string> targets, FrozenSet<string> english, IEnumerable<string>? alsoKnown = null)
    {
        ArgumentNullException.ThrowIfNull(targets);
        _english = english ?? throw new ArgumentNullException(nameof(english));
        _alsoKnown = (alsoKnown ?? []).ToFrozenSet(StringComparer.Ordinal);
        _targets = targets.Where(w => w.Length > 0).ToFrozenSet(StringComparer.Ordinal);
        _byLength = _targets
            .Where(w => w.Length >= MinimumTypoLength && !NeverCorrectTo.Contains(w))
            .GroupBy(w => w.Length)
            .ToDictionary(g => g.Key, g => g.ToArray());
    }

    /// <summary>The words the readers look for.</summary>
    public IEnumerable<string> TargetWords => _targets;

    /// <summary>True for a word the readers look for, or a real English word.</summary>
    public bool Knows(string word) => _targets.Contains(word) || _english.Contains(word) || _alsoKnown.Contains(word);

    /// <summary>The word itself when known or not mendable; else the single known word within reach.</summary>
    public string Mend(string word)
    {
        if (word.Length < MinimumTypoLength || Knows(word) || word.Any(char.IsDigit))
        {
            return word;
        }

        var allowed = word.Length >= 9 ? 2 : 1;
        string? best = null;
        var bestDistance = allowed + 1;
        var count = 0;
        for (var length = word.Length - allowed; length <= word.Length + allowed; length++)
        {
            if (!_byLength.TryGetValue(length, out var candidates))
            {
                continue;
            }

            foreach (var candidate in candidates)
            {
                var distance = EditDistance(word, candidate, allowed);
                if (distance < bestDistance)
                {
                    (best, bestDistance, count) = (candidate, distance, 1);
                }
                else if (distance == bestDistance && distance <= allowed)
                {
                    count++;
                }
            }
        }

        return best is not null && count == 1 ? best : word;
    }

    /// <summary>
    /// Optimal-string-alignment (restricted Damerau-Levenshtein) distance, giving up early once it must exceed
    /// <paramref name="limit"/> (the result is then limit + 1).
    /// </summary>
    public static int EditDistance(string a, string b, int limit)
    {
        if (Math.Abs(a.Length - b.Length) > limit)
        {
            return limit + 1;
        }

        var previous2 = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMinimum = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    value = Math.Min(value, previous2[j - 2] + 1);
                }

                current[j] = value;
                rowMinimum = Math.Min(rowMinimum, value);
            }

            if (rowMinimum > limit)
            {
                return limit + 1;
            }

            (previous2, previous, current) = (previous, current, previous2);
        }

        return previous[b.Length];
    }
}
