using Microsoft.Recognizers.Text;

namespace StretchBot.Dialogs.Engine.Recognition;

/// <summary>
/// Typed answers to a choice: an option's value, title or synonym (exactly, or as whole words inside a sentence),
/// or positions ("2", "the second one", "1 and 3", "last") when the reply is nothing but positions: a number or
/// "last" inside a sentence ("no, it's been 3 weeks") never picks an option. Microsoft.Recognizers.Text.Choice cannot
/// be had here, so the matching is ours. Questions with their own words use a reader (StretchBot.Dialogs.Understanding).
/// </summary>
public static class ChoiceRecognition
{
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

        var positions = PositionsOf(text!, options);
        return positions is [var only] ? options[only - 1] : null;
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
        var named = ClaimPhrases(tokens, phrases);
        var chosen = new HashSet<int>(named.Options);

        // What the options' words did not claim may be positions: "stenosis and the first one".
        var rest = string.Join(' ', tokens.Where((_, i) => !named.ClaimedTokens[i]));
        if (rest.Length > 0 && PositionsOf(rest, options) is { } positions)
        {
            chosen.UnionWith(positions.Select(p => p - 1));
        }

        return chosen.Order().Select(i => options[i]).ToList();
    }

    /// <summary>True when the reply is exactly one of the option's own words (its value, title or a synonym).</summary>
    public static bool IsWholeReply(string? text, ChoiceOption option)
        => PhrasesOf(option).Contains(TextNormalizer.Normalize(text), StringComparer.Ordinal);

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

    // Positions pick options only when the reply is nothing but positions; when an option is itself a number, digits
    // are answers, not positions ("the third" still is one).
    private static IReadOnlyList<int>? PositionsOf(string text, IReadOnlyList<ChoiceOption> options)
        => Understanding.Text.Positions.Read(Understanding.Text.Utterance.Parse(text), options.Count, allowDigits: !options.Any(o => IsNumber(o.Title) || IsNumber(o.Value)));

    private static bool IsNumber(string? text)
    {
        var normalized = TextNormalizer.Normalize(text);
        return normalized.Length > 0 && normalized.All(char.IsDigit);
    }

    private readonly record struct PhraseMatch(int Option, int Start, int Length);

    private sealed record PhraseClaims(HashSet<int> Options, bool[] ClaimedTokens)
    {
        public bool Ambiguous { get; set; }

        public bool Found => Options.Count > 0 || Ambiguous;
    }

}
