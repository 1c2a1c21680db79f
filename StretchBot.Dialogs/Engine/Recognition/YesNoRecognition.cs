using System.Collections.Frozen;

namespace StretchBot.Dialogs.Engine.Recognition;

/// <summary>
/// Typed yes/no answers ("yeah sure", "nope", "not really", "um no", 👍). Microsoft.Recognizers.Text.Choice cannot
/// be had here, so this is a small phrase lexicon matched on whole words, longest phrase first.
/// </summary>
public static class YesNoRecognition
{
    // Words that only mean yes/no when they are the whole answer: "right" is yes, "my right leg" is not.
    private static readonly string[] StandaloneYes = ["y", "k", "kk", "right", "true", "fine", "done"];
    private static readonly string[] StandaloneNo = ["n", "false", "wrong"];

    private static readonly string[] YesPhrases =
    [
        "yes", "ya", "yah", "yeah", "yea", "yeh", "yep", "yup", "yas", "yess", "yesss", "ye", "aye",
        "sure", "sure thing", "ok", "okay", "okey", "okie", "alright", "all right",
        "of course", "i have", "ive", "i did", "i do", "i am", "i have checked", "they did", "they have", "they said yes",
        "correct", "thats right", "thats correct", "that is right", "that is correct", "affirmative",
        "definitely", "absolutely", "certainly", "indeed", "yes please", "why not", "no problem", "no worries",
        "i think so", "go ahead", "sounds good", "its fine", "it is fine", "thats fine", "yes i have",
    ];

    private static readonly string[] NoPhrases =
    [
        "no", "nope", "nah", "naw", "nay", "no thanks", "no thank you", "not really", "not yet", "not at all",
        "never", "i havent", "i have not", "ive not", "i have never", "ive never", "havent", "hasnt", "have not",
        "i didnt", "i did not", "didnt", "i dont", "i do not", "i am not", "im not", "negative", "no way",
        "of course not", "definitely not", "absolutely not", "certainly not", "probably not", "i dont think so",
        "dont think so", "none", "none of these", "none of them", "none of those", "nothing", "incorrect",
        "not that i know of", "not that i know", "they didnt", "they havent", "they said no",
    ];

    private static readonly string[] UnsurePhrases =
    [
        "not sure", "im not sure", "i am not sure", "i am unsure", "im unsure", "unsure", "maybe", "perhaps", "possibly", "probably", "dont know", "i dont know",
        "do not know", "idk", "dunno", "no idea", "not certain", "uncertain", "kind of", "kinda", "sort of", "sorta",
        "depends", "it depends", "who knows", "no clue", "not too sure", "not so sure",
    ];

    // Words that carry no answer: they may surround a standalone word ("um right", "right, thanks").
    private static readonly FrozenSet<string> Fillers = FrozenSet.ToFrozenSet(
    [
        "um", "umm", "uh", "uhh", "er", "erm", "hmm", "hm", "well", "oh", "ah", "so", "please", "thanks", "thank", "you",
        "thats", "that", "is", "its", "i", "think", "guess", "lol", "haha", "then", "just",
    ]);

    private static readonly FrozenDictionary<string, Answer> Lexicon = BuildLexicon();
    private static readonly int LongestPhrase = Lexicon.Keys.Max(k => k.Split(' ').Length);

    /// <summary>
    /// True for yes, false for no, null when the text is neither, unsure ("not sure", "maybe") or contradictory
    /// ("yes no"). Case, punctuation and extra words are ignored ("Yes please!", "no thanks", "um no").
    /// </summary>
    public static bool? Recognize(string? text, string? culture)
    {
        if (!RecognizerModels.IsUsable(text))
        {
            return null;
        }

        var tokens = TextNormalizer.Tokens(ReplaceEmoji(text!));
        if (tokens.Length == 0)
        {
            return null;
        }

        var standalone = StandaloneAnswer(tokens);
        if (standalone is not null)
        {
            return standalone;
        }

        var sawYes = false;
        var sawNo = false;
        for (var i = 0; i < tokens.Length;)
        {
            var (answer, length) = LongestMatchAt(tokens, i);
            if (length == 0)
            {
                i++;
                continue;
            }

            switch (answer)
            {
                case Answer.Yes:
                    sawYes = true;
                    break;
                case Answer.No:
                    sawNo = true;
                    break;
                default:
                    return null;
            }

            i += length;
        }

        return sawYes == sawNo ? null : sawYes;
    }

    private static bool? StandaloneAnswer(string[] tokens)
    {
        var meaningful = string.Join(' ', tokens.Where(t => !Fillers.Contains(t)));
        if (StandaloneYes.Contains(meaningful))
        {
            return true;
        }

        return StandaloneNo.Contains(meaningful) ? false : null;
    }

    private static (Answer Answer, int Length) LongestMatchAt(string[] tokens, int start)
    {
        for (var length = Math.Min(LongestPhrase, tokens.Length - start); length > 0; length--)
        {
            if (Lexicon.TryGetValue(string.Join(' ', tokens, start, length), out var answer))
            {
                return (answer, length);
            }
        }

        return (Answer.Unsure, 0);
    }

    private static string ReplaceEmoji(string text) => text
        .Replace("\U0001F44D", " yes ", StringComparison.Ordinal) // thumbs up
        .Replace("\u2705", " yes ", StringComparison.Ordinal) // check mark button
        .Replace("\u2714", " yes ", StringComparison.Ordinal) // heavy check mark
        .Replace("\U0001F44C", " yes ", StringComparison.Ordinal) // OK hand
        .Replace("\U0001F44E", " no ", StringComparison.Ordinal) // thumbs down
        .Replace("\u274C", " no ", StringComparison.Ordinal) // cross mark
        .Replace("\u2716", " no ", StringComparison.Ordinal); // heavy multiplication x

    private static FrozenDictionary<string, Answer> BuildLexicon()
    {
        var lexicon = new Dictionary<string, Answer>(StringComparer.Ordinal);
        foreach (var phrase in YesPhrases)
        {
            lexicon[phrase] = Answer.Yes;
        }

        // "not ok", "not correct", "not definitely": a negated yes is a no, unless listed otherwise below.
        foreach (var phrase in YesPhrases)
        {
            lexicon.TryAdd("not " + phrase, Answer.No);
        }

        foreach (var phrase in NoPhrases)
        {
            lexicon[phrase] = Answer.No;
        }

        foreach (var phrase in UnsurePhrases)
        {
            lexicon[phrase] = Answer.Unsure;
        }

        foreach (var phrase in new[] { "right", "true", "fine" })
        {
            lexicon.TryAdd("not " + phrase, Answer.No);
        }

        return lexicon.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private enum Answer
    {
        Yes,
        No,
        Unsure,
    }
}
