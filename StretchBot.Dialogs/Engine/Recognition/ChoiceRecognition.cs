using System.Collections.Frozen;
using Microsoft.Recognizers.Text;

namespace StretchBot.Dialogs.Engine.Recognition;

/// <summary>
/// Typed answers to a choice: an option's value, title or synonym (exactly, or as whole words inside a sentence),
/// an ordinal ("the second one", "2nd", "last") through Microsoft.Recognizers.Text.Number, or a bare index ("2").
/// Microsoft.Recognizers.Text.Choice cannot be had here, so the matching is ours.
/// </summary>
public static class ChoiceRecognition
{
    // Words that may stand around a bare index: "number 2", "option 3 please", "1 and 3".
    private static readonly FrozenSet<string> IndexFillers = FrozenSet.ToFrozenSet(
    [
        "number", "numbers", "num", "option", "options", "choice", "choices", "item", "items", "the", "and", "or",
        "plus", "also", "both", "i", "id", "ill", "pick", "choose", "select", "want", "would", "like", "take", "please",
        "go", "with", "for", "me", "its", "it", "is", "answer", "um", "uh", "ok", "okay",
    ]);

    /// <summary>
    /// The single option the text names, or null when it names none, or two ("walking and sitting", "1 or 2", a synonym
    /// two options share). Case and punctuation are ignored. Precedence: the whole text is an option's
    /// value/title/synonym; else an option's value/title/synonym found as whole words inside the text (a longer phrase
    /// wins over a shorter one inside it: "low back pain" over "back pain"); else an ordinal ("the second one", "2nd",
    /// "last", "second to last"); else a bare index ("2", "number 2") when no option's title or value is itself a number.
    /// </summary>
    public static ChoiceOption? Recognize(string? text, IReadOnlyList<ChoiceOption> options, string? culture)
    {
        if (!RecognizerModels.IsUsable(text) || options is null || options.Count == 0)
        {
            return null;
        }

        var tokens = TextNormalizer.Tokens(text);
        if (tokens.Length == 0)
        {
            return null;
        }

        var phrases = options.Select(PhrasesOf).ToArray();
        var normalized = string.Join(' ', tokens);

        var exact = Enumerable.Range(0, options.Count).Where(i => phrases[i].Any(p => p == normalized)).ToList();
        if (exact.Count > 0)
        {
            return exact.Count == 1 ? options[exact[0]] : null;
        }

        var named = ClaimPhrases(tokens, phrases);
        if (named.Found)
        {
            // "mostly when I bend forward" names one option; "walking and sitting" names two: not a single answer.
            return named.Options.Count == 1 && !named.Ambiguous ? options[named.Options.Single()] : null;
        }

        var ordinals = FindOrdinals(normalized, options.Count).Select(o => o.Option).Distinct().ToList();
        if (ordinals.Count > 0)
        {
            return ordinals.Count == 1 ? options[ordinals[0]] : null;
        }

        var indexes = FindBareIndexes(normalized, tokens, options).Distinct().ToList();
        return indexes.Count == 1 ? options[indexes[0]] : null;
    }

    /// <summary>
    /// Every option the text names ("disc bulge and arthritis", "1 and 3", "the first and the last"), each once,
    /// in the options' order. Words that fit two options equally name neither. Empty when nothing matches.
    /// </summary>
    public static IReadOnlyList<ChoiceOption> RecognizeMany(string? text, IReadOnlyList<ChoiceOption> options, string? culture)
    {
        if (!RecognizerModels.IsUsable(text) || options is null || options.Count == 0)
        {
            return [];
        }

        var tokens = TextNormalizer.Tokens(text);
        if (tokens.Length == 0)
        {
            return [];
        }

        var phrases = options.Select(PhrasesOf).ToArray();
        var normalized = string.Join(' ', tokens);
        var named = ClaimPhrases(tokens, phrases);
        var chosen = new HashSet<int>(named.Options);

        var claimedChars = ClaimedCharacters(tokens, named.ClaimedTokens);
        var ordinals = FindOrdinals(normalized, options.Count)
            .Where(o => !Enumerable.Range(o.Start, o.Length).Any(c => claimedChars[c]))
            .ToList();
        chosen.UnionWith(ordinals.Select(o => o.Option));

        if (chosen.Count == 0)
        {
            chosen.UnionWith(FindBareIndexes(normalized, tokens, options));
        }

        return chosen.Order().Select(i => options[i]).ToList();
    }

    private static string[] PhrasesOf(ChoiceOption option) =>
        new[] { option.Value, option.Title }
            .Concat(option.Synonyms ?? [])
            .Select(TextNormalizer.Normalize)
            .Where(p => p.Length > 0)
            .Distinct()
            .ToArray();

    // Longest phrases claim their words first ("low back pain" over "back pain" inside it); a span that two options
    // share equally names neither and makes the text ambiguous.
    private static PhraseClaims ClaimPhrases(string[] tokens, string[][] phrases)
    {
        var claims = new PhraseClaims(new HashSet<int>(), new bool[tokens.Length]);
        foreach (var group in FindPhrases(tokens, phrases)
                     .GroupBy(m => (m.Start, m.Length))
                     .OrderByDescending(g => g.Key.Length)
                     .ThenBy(g => g.Key.Start))
        {
            var (start, length) = group.Key;
            if (Enumerable.Range(start, length).Any(i => claims.ClaimedTokens[i]))
            {
                continue;
            }

            Array.Fill(claims.ClaimedTokens, true, start, length);
            var options = group.Select(m => m.Option).Distinct().ToList();
            if (options.Count == 1)
            {
                claims.Options.Add(options[0]);
            }
            else
            {
                claims.Ambiguous = true;
            }
        }

        return claims;
    }

    // Every whole-word occurrence of every option's phrases in the text.
    private static List<PhraseMatch> FindPhrases(string[] tokens, string[][] phrases)
    {
        var matches = new List<PhraseMatch>();
        for (var option = 0; option < phrases.Length; option++)
        {
            foreach (var phrase in phrases[option])
            {
                var words = phrase.Split(' ');
                for (var start = 0; start + words.Length <= tokens.Length; start++)
                {
                    if (tokens.AsSpan(start, words.Length).SequenceEqual(words))
                    {
                        matches.Add(new PhraseMatch(option, start, words.Length));
                    }
                }
            }
        }

        return matches;
    }

    private static bool[] ClaimedCharacters(string[] tokens, bool[] claimedTokens)
    {
        var chars = new bool[string.Join(' ', tokens).Length];
        var position = 0;
        for (var i = 0; i < tokens.Length; i++)
        {
            if (claimedTokens[i])
            {
                Array.Fill(chars, true, position, tokens[i].Length);
            }

            position += tokens[i].Length + 1;
        }

        return chars;
    }

    // Ordinals as option indexes: "second" -> 1, "last" -> count - 1, "second to last" / "penultimate" -> count - 2.
    private static List<OrdinalMatch> FindOrdinals(string normalized, int count)
    {
        var results = RecognizerModels.ParseOrdinals(normalized).OrderBy(r => r.Start).ToList();
        var found = new List<OrdinalMatch>();
        for (var i = 0; i < results.Count; i++)
        {
            var result = results[i];
            if (!int.TryParse(RecognizerModels.GetString(result, "offset"), out var offset))
            {
                continue;
            }

            var start = result.Start;
            var end = result.End;
            int index;
            switch (RecognizerModels.GetString(result, "relativeTo"))
            {
                case "start" when i + 1 < results.Count && IsEndRelative(results[i + 1])
                                                          && IsCountingBack(normalized, result, results[i + 1]):
                    // "second to last", "second last": the k-th from the end.
                    index = count - offset;
                    end = results[i + 1].End;
                    i++;
                    break;
                case "start":
                    index = offset - 1;
                    break;
                case "end" when normalized[(result.End + 1)..].TrimStart().StartsWith("but one", StringComparison.Ordinal):
                    index = count - 2 + offset; // "last but one"
                    break;
                case "end":
                    index = count - 1 + offset;
                    break;
                default:
                    continue; // "next" is relative to something we do not know
            }

            if (index >= 0 && index < count)
            {
                found.Add(new OrdinalMatch(index, start, end - start + 1));
            }
        }

        return found;
    }

    private static bool IsEndRelative(ModelResult result) => RecognizerModels.GetString(result, "relativeTo") == "end";

    private static bool IsCountingBack(string normalized, ModelResult first, ModelResult last)
    {
        var between = last.Start > first.End + 1 ? normalized[(first.End + 1)..last.Start].Trim() : string.Empty;
        return between is "" or "to" or "from" or "to the" or "from the";
    }

    // "2", "number 2", "1 and 3": 1-based indexes, only when no option is itself a number and nothing but
    // index words surround the numbers.
    private static List<int> FindBareIndexes(string normalized, string[] tokens, IReadOnlyList<ChoiceOption> options)
    {
        if (options.Any(o => IsNumber(o.Title) || IsNumber(o.Value)))
        {
            return [];
        }

        var results = RecognizerModels.ParseNumbers(normalized);
        if (results.Count == 0)
        {
            return [];
        }

        var covered = new bool[normalized.Length];
        var indexes = new List<int>();
        foreach (var result in results)
        {
            if (!RecognizerModels.TryGetValue(result, out var value) || value != Math.Floor(value)
                || value < 1 || value > options.Count)
            {
                return [];
            }

            Array.Fill(covered, true, result.Start, result.End - result.Start + 1);
            indexes.Add((int)value - 1);
        }

        var position = 0;
        foreach (var token in tokens)
        {
            if (!covered[position] && !IndexFillers.Contains(token))
            {
                return [];
            }

            position += token.Length + 1;
        }

        return indexes;
    }

    private static bool IsNumber(string? text)
    {
        var normalized = TextNormalizer.Normalize(text);
        if (normalized.Length == 0)
        {
            return false;
        }

        var results = RecognizerModels.ParseNumbers(normalized);
        return results.Count == 1 && results[0].Start == 0 && results[0].End == normalized.Length - 1;
    }

    private readonly record struct PhraseMatch(int Option, int Start, int Length);

    private sealed record PhraseClaims(HashSet<int> Options, bool[] ClaimedTokens)
    {
        public bool Ambiguous { get; set; }

        public bool Found => Options.Count > 0 || Ambiguous;
    }

    private readonly record struct OrdinalMatch(int Option, int Start, int Length);
}
