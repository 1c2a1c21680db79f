namespace StretchBot.Dialogs.Understanding.Text;

/// <summary>
/// Phrases a reader looks for, each tied to a key (an option, a sign) and a tag. A phrase is words separated by
/// spaces, with two extras: <c>{a|b c|d}</c> for alternatives (each may be several words) and <c>...</c> for a
/// gap of up to four words within one sentence ("{bum|bottom} ... numb" finds "my bum has gone numb"); a long gap,
/// <c>.....</c>, allows up to ten.
/// </summary>
public sealed class PhraseBook<TKey, TTag>
    where TKey : notnull
{
    private const int GapWords = 4;
    private const int LongGapWords = 10;
    private const string Gap = "...";
    private const string LongGap = ".....";

    private readonly Dictionary<string, List<Entry>> _byFirstWord = new(StringComparer.Ordinal);
    private readonly HashSet<string> _words = new(StringComparer.Ordinal);

    /// <summary>Every word of every phrase (for the typo-mending vocabulary).</summary>
    public IReadOnlyCollection<string> Words => _words;

    public PhraseBook<TKey, TTag> Add(TKey key, string phrase, TTag tag)
    {
        foreach (var expansion in Expand(phrase))
        {
            if (expansion.Length == 0 || IsGap(expansion[0]))
            {
                throw new ArgumentException($"A phrase must start with a word: '{phrase}'.", nameof(phrase));
            }

            foreach (var word in expansion.Where(w => !IsGap(w)))
            {
                _words.Add(word);
            }

            if (!_byFirstWord.TryGetValue(expansion[0], out var entries))
            {
                _byFirstWord[expansion[0]] = entries = new List<Entry>();
            }

            entries.Add(new Entry(key, tag, expansion, phrase));
        }

        return this;
    }

    public PhraseBook<TKey, TTag> AddAll(TKey key, IEnumerable<string> phrases, TTag tag)
    {
        foreach (var phrase in phrases)
        {
            Add(key, phrase, tag);
        }

        return this;
    }

    /// <summary>Every place a phrase occurs (overlapping matches included), in order of position.</summary>
    public List<PhraseMatch<TKey, TTag>> FindAll(Utterance utterance)
    {
        var found = new List<PhraseMatch<TKey, TTag>>();
        for (var start = 0; start < utterance.Count; start++)
        {
            if (!_byFirstWord.TryGetValue(utterance[start].Form, out var entries))
            {
                continue;
            }

            foreach (var entry in entries)
            {
                var end = MatchAt(utterance, start, entry.Words, 0);
                if (end > start)
                {
                    found.Add(new PhraseMatch<TKey, TTag>(entry.Key, entry.Tag, start, end, entry.Source));
                }
            }
        }

        return found;
    }

    /// <summary>
    /// Matches that do not overlap: the longest first (so "lower back" claims its words before "back"), then the
    /// earliest. Matches of the same span with different keys are all kept (the caller decides what a tie means).
    /// </summary>
    public List<PhraseMatch<TKey, TTag>> FindLongest(Utterance utterance)
    {
        var claimed = new bool[utterance.Count];
        var kept = new List<PhraseMatch<TKey, TTag>>();
        foreach (var group in FindAll(utterance)
                     .GroupBy(m => (m.Start, m.End))
                     .OrderByDescending(g => g.Key.End - g.Key.Start)
                     .ThenBy(g => g.Key.Start))
        {
            var (start, end) = group.Key;
            if (Enumerable.Range(start, end - start).Any(i => claimed[i]))
            {
                continue;
            }

            Array.Fill(claimed, true, start, end - start);
            kept.AddRange(group.DistinctBy(m => m.Key));
        }

        return kept.OrderBy(m => m.Start).ToList();
    }

    // The index just past the match, or -1.
    private static int MatchAt(Utterance utterance, int position, string[] words, int index)
    {
        if (index == words.Length)
        {
            return position;
        }

        if (IsGap(words[index]))
        {
            var most = words[index] == LongGap ? LongGapWords : GapWords;
            for (var skip = 0; skip <= most && position + skip < utterance.Count; skip++)
            {
                if (skip > 0 && utterance[position + skip - 1].Sentence != utterance[position + skip].Sentence)
                {
                    break;
                }

                var end = MatchAt(utterance, position + skip, words, index + 1);
                if (end >= 0)
                {
                    return end;
                }
            }

            return -1;
        }

        if (position >= utterance.Count || utterance[position].Form != words[index])
        {
            return -1;
        }

        if (index > 0 && IsGap(words[index - 1]) && position > 0 && utterance[position - 1].Sentence != utterance[position].Sentence)
        {
            return -1;
        }

        return MatchAt(utterance, position + 1, words, index + 1);
    }

    // "{a|b c} x ... y" -> ["a","x","...","y"], ["b","c","x","...","y"]
    internal static List<string[]> Expand(string phrase)
    {
        var results = new List<List<string>> { new() };
        var i = 0;
        while (i < phrase.Length)
        {
            if (char.IsWhiteSpace(phrase[i]))
            {
                i++;
                continue;
            }

            if (phrase[i] == '{')
            {
                var close = phrase.IndexOf('}', i);
                if (close < 0)
                {
                    throw new ArgumentException($"Unclosed '{{' in phrase '{phrase}'.", nameof(phrase));
                }

                var alternatives = phrase[(i + 1)..close].Split('|').Select(SplitWords).ToList();
                results = results.SelectMany(r => alternatives.Select(a => r.Concat(a).ToList())).ToList();
                i = close + 1;
                continue;
            }

            var next = i;
            while (next < phrase.Length && !char.IsWhiteSpace(phrase[next]) && phrase[next] != '{')
            {
                next++;
            }

            var token = phrase[i..next];
            var words = IsGap(token) ? [token] : SplitWords(token);
            foreach (var result in results)
            {
                result.AddRange(words);
            }

            i = next;
        }

        return results.Select(r => r.ToArray()).ToList();
    }

    private static bool IsGap(string word) => word is Gap or LongGap;

    // Phrases are written as people type; they are matched in the utterance's word forms.
    private static List<string> SplitWords(string text)
        => text.Trim().Length == 0 ? [] : Utterance.Parse(text).Words.Select(w => w.Form).ToList();

    private sealed record Entry(TKey Key, TTag Tag, string[] Words, string Source);
}

/// <summary>A phrase found in an utterance: words <see cref="Start"/> to <see cref="End"/> (exclusive).</summary>
public readonly record struct PhraseMatch<TKey, TTag>(TKey Key, TTag Tag, int Start, int End, string Phrase);
