using StretchBot.Dialogs.Understanding.Text;

namespace StretchBot.Dialogs.Understanding.Readers;

/// <summary>
/// The words for each option of a question ("sitting", "at my desk" for bending-or-sitting), found in a reply with
/// typo mending, the longest phrase first, each with whether it was said, denied ("not a disc") or hedged.
/// </summary>
public sealed class OptionWords<TValue>
    where TValue : notnull
{
    private readonly PhraseBook<TValue, bool> _book = new();
    private Vocabulary? _vocabulary;

    /// <summary>Adds phrases for <paramref name="value"/>; <paramref name="vague"/> phrases only ever make the reading unsure.</summary>
    public OptionWords<TValue> Add(TValue value, IEnumerable<string> phrases, bool vague = false)
    {
        _book.AddAll(value, phrases, vague);
        _vocabulary = null;
        return this;
    }

    public OptionWords<TValue> Add(TValue value, params string[] phrases) => Add(value, phrases, vague: false);

    public OptionWords<TValue> AddVague(TValue value, params string[] phrases) => Add(value, phrases, vague: true);

    public Vocabulary Vocabulary => _vocabulary ??= new Vocabulary(_book.Words, EnglishWords.All);

    /// <summary>Uses <paramref name="vocabulary"/> for typo mending instead of this book's own words.</summary>
    public OptionWords<TValue> MendWith(Vocabulary vocabulary)
    {
        _vocabulary = vocabulary;
        return this;
    }

    public Utterance Parse(string? text) => Utterance.Parse(text, Vocabulary);

    /// <summary>What the reply says about the options (the longest phrase claims its words).</summary>
    public OptionMentions<TValue> Find(Utterance utterance) => Mentions(utterance, _book.FindLongest(utterance));

    /// <summary>Every phrase found, overlapping ones included ("both legs tingling" is both legs and tingling legs).</summary>
    public OptionMentions<TValue> FindEvery(Utterance utterance) => Mentions(utterance, _book.FindAll(utterance));

    private static OptionMentions<TValue> Mentions(Utterance utterance, List<PhraseMatch<TValue, bool>> matches)
    {
        var found = new List<OptionMention<TValue>>();
        foreach (var match in matches)
        {
            var polarity = Scope.PolarityOf(utterance, match.Start, match.End);
            var typo = Enumerable.Range(match.Start, match.End - match.Start).Any(i => utterance[i].Corrected);
            var hedged = match.Tag || Scope.IsHedged(utterance, match.Start, match.End);
            found.Add(new OptionMention<TValue>(match.Key, polarity, hedged, typo, match.Start, match.End));
        }

        var covered = new bool[utterance.Count];
        foreach (var mention in found)
        {
            Array.Fill(covered, true, mention.Start, mention.End - mention.Start);
        }

        return new OptionMentions<TValue>(found, covered);
    }
}

/// <summary>One option named in a reply.</summary>
public readonly record struct OptionMention<TValue>(TValue Value, Polarity Polarity, bool Hedged, bool Typo, int Start, int End)
{
    /// <summary>Not denied. A denial that may not reach it ("not sitting, it's walking") leaves it said: for an
    /// ordinary option, reading the words as said is the plain reading; warning signs use <see cref="Polarity"/> itself.</summary>
    public bool Said => Polarity != Polarity.Negated;
}

/// <summary>The options a reply names.</summary>
public sealed record OptionMentions<TValue>(IReadOnlyList<OptionMention<TValue>> All, bool[] Covered)
    where TValue : notnull
{
    /// <summary>Options said (not denied), each once, in the order said.</summary>
    public IReadOnlyList<TValue> Said => All.Where(m => m.Said).Select(m => m.Value).Distinct().ToList();

    /// <summary>Options said only with a hedge, a typo or vague words.</summary>
    public bool AnyUnsure(TValue value) => All.Where(m => m.Said && Equals(m.Value, value)).All(m => m.Hedged || m.Typo);

    /// <summary>Options denied ("not a disc") or maybe denied.</summary>
    public IReadOnlyList<TValue> Denied => All.Where(m => !m.Said).Select(m => m.Value).Distinct().Except(Said).ToList();
}
