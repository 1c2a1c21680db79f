using System.Globalization;
using System.Text;

namespace StretchBot.Dialogs.Understanding.Text;

/// <summary>
/// A typed reply split into words with the punctuation between them kept as boundaries, so readers can tell
/// "no, my privates are numb" (two clauses) from "no numbness" (one). Common emoji become words (a thumbs-up is
/// "yes"); other symbols are dropped.
/// </summary>
public sealed partial class Utterance
{
    /// <summary>Replies longer than this are not read (nobody answers a question with an essay; the models are regex-heavy).</summary>
    public const int MaxLength = 500;

    private static readonly (string Emoji, string Word)[] EmojiWords =
    [
        ("\U0001F44D", "thumbs up"), ("\u2705", "yes"), ("\u2714", "yes"), ("\U0001F44C", "yes"), ("\u2611", "yes"),
        ("\U0001F44E", "thumbs down"), ("\u274C", "no"), ("\u2716", "no"), ("\U0001F6AB", "no"), ("\u274E", "no"),
        ("\U0001F937", "not sure"), ("\U0001F60D", "great"), ("\U0001F970", "great"), ("\U0001F60A", "good"),
        ("\U0001F642", "good"), ("\U0001F600", "good"), ("\U0001F603", "good"), ("\U0001F604", "good"), ("\U0001F44F", "great"),
        ("\U0001F4AA", "good"), ("\u2764", "love"), ("\U0001F62C", "bad"), ("\U0001F623", "bad"), ("\U0001F616", "bad"),
        ("\U0001F62B", "bad"), ("\U0001F629", "bad"), ("\U0001F62D", "terrible"), ("\U0001F622", "bad"), ("\u2639", "bad"),
        ("\U0001F641", "bad"), ("\U0001F61E", "bad"), ("\U0001F614", "bad"), ("\U0001F610", "meh"), ("\U0001F611", "meh"), ("\U0001F51F", "10"), ("\uFE0F\u20E3", ""), ("\u20E3", ""),
    ];

    private Utterance(string text, IReadOnlyList<Word> words, IReadOnlySet<int> questions)
    {
        Text = text;
        Words = words;
        _questions = questions;
    }

    private readonly IReadOnlySet<int> _questions;

    /// <summary>The reply as read: as typed, with emoji turned into words; word positions index into it.</summary>
    public string Text { get; }

    public IReadOnlyList<Word> Words { get; }

    public int Count => Words.Count;

    public bool IsEmpty => Words.Count == 0;

    public Word this[int index] => Words[index];

    public Word this[Index index] => Words[index.GetOffset(Words.Count)];

    /// <summary>The reply was only emoji or symbols (no letter or digit typed).</summary>
    public bool OnlySymbols { get; private init; }

    /// <summary>The words' forms joined by single spaces.</summary>
    public string Normalized => string.Join(' ', Words.Select(w => w.Form));

    public static Utterance Empty { get; } = new(string.Empty, [], new HashSet<int>());

    /// <summary>True when sentence <paramref name="sentence"/> ends with a question mark ("numbness?").</summary>
    public bool IsQuestion(int sentence) => _questions.Contains(sentence);

    /// <summary>Splits <paramref name="text"/>; with a vocabulary, small typos are mended.</summary>
    public static Utterance Parse(string? text, Vocabulary? vocabulary = null)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > MaxLength)
        {
            return new Utterance(text ?? string.Empty, [], new HashSet<int>());
        }

        var prepared = ReplaceEmoji(text.Normalize(NormalizationForm.FormC));
        var words = new List<Word>();
        var current = new StringBuilder();
        var start = 0;
        var boundary = Boundary.None;
        var sentence = 0;
        var questions = new HashSet<int>();
        for (var i = 0; i <= prepared.Length; i++)
        {
            var c = i < prepared.Length ? prepared[i] : ' ';
            if (char.IsLetterOrDigit(c) || (IsApostrophe(c) && current.Length > 0) || (c == '.' && IsDecimalPoint(prepared, i)))
            {
                if (current.Length == 0)
                {
                    start = i;
                }

                if (!IsApostrophe(c))
                {
                    current.Append(char.ToLower(c, CultureInfo.InvariantCulture));
                }

                continue;
            }

            if (current.Length > 0)
            {
                var raw = Unglue(current.ToString(), prepared, start, i);
                foreach (var part in raw.Split(' '))
                {
                    var form = vocabulary?.Mend(part) ?? part;
                    words.Add(new Word(part, form, start, i, words.Count == 0 ? Boundary.None : boundary, sentence));
                    boundary = Boundary.None;
                }

                current.Clear();
                boundary = Boundary.None;
            }

            if (c == '?' && words.Count > 0)
            {
                questions.Add(sentence);
            }

            var kind = c == '-' && IsSpacedDash(prepared, i) ? Boundary.Comma : BoundaryOf(c);
            if (kind == Boundary.Sentence && words.Count > 0 && boundary != Boundary.Sentence)
            {
                sentence++;
            }

            if (kind > boundary)
            {
                boundary = kind;
            }
        }

        return new Utterance(prepared, words, questions) { OnlySymbols = !text.Any(char.IsLetterOrDigit) };
    }

    // Nouns whose "'s" is "is" or a possessive, never a plural: "my leg's not as bad" is one leg.
    private static readonly HashSet<string> SingularNouns = ["legs", "foots", "backs", "knees", "bums", "bladders", "pains", "hips", "thighs", "calfs", "bottoms"];

    // "leg's" stays "leg"; "5kg", "55yo", "3wks" keep their number apart from the unit.
    private static string Unglue(string word, string text, int start, int end)
    {
        if (word.Length > 2 && word.EndsWith('s') && end - start > word.Length && IsApostrophe(text[end - 2]) && SingularNouns.Contains(word))
        {
            return word[..^1];
        }

        var unit = GluedUnit().Match(word);
        return unit.Success ? unit.Groups[1].Value + " " + unit.Groups[2].Value : word;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^(\d+(?:\.\d+)?)(kg|kgs|lb|lbs|stone|wks|wk|weeks|week|yrs|yr|years|year|mths|months|month|days|day|hrs|hours|mins|minutes|yo|am|pm)$")]
    private static partial System.Text.RegularExpressions.Regex GluedUnit();

    /// <summary>True when the words from <paramref name="from"/> to <paramref name="to"/> (exclusive) are in one sentence.</summary>
    public bool SameSentence(int from, int to) => from < to && Words[from].Sentence == Words[to - 1].Sentence;

    private static bool IsApostrophe(char c) => c is '\'' or '\u2019' or '\u2018' or '`';

    private static bool IsDecimalPoint(string text, int i)
        => i > 0 && i + 1 < text.Length && char.IsDigit(text[i - 1]) && char.IsDigit(text[i + 1]);

    // "lower back - left side" separates clauses; "6-7" and "cat-cow" do not.
    private static bool IsSpacedDash(string text, int i)
        => (i > 0 && char.IsWhiteSpace(text[i - 1])) || (i + 1 < text.Length && char.IsWhiteSpace(text[i + 1]));

    private static Boundary BoundaryOf(char c) => c switch
    {
        '.' or '!' or '?' or ';' or '\n' or '\r' or '\u2026' => Boundary.Sentence,
        ',' or ':' or '(' or ')' or '\u2013' or '\u2014' or '[' or ']' => Boundary.Comma,
        _ => Boundary.None,
    };

    private static string ReplaceEmoji(string text)
    {
        foreach (var (emoji, word) in EmojiWords)
        {
            if (text.Contains(emoji, StringComparison.Ordinal))
            {
                text = text.Replace(emoji, $" {word} ", StringComparison.Ordinal);
            }
        }

        return text;
    }
}
