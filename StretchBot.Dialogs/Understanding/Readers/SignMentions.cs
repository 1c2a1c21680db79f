using StretchBot.Dialogs.Understanding.Text;

namespace StretchBot.Dialogs.Understanding.Readers;

/// <summary>
/// The warning signs a reply mentions, sorted by how sure the mention is: <see cref="Yes"/> (said plainly),
/// <see cref="Ask"/> (vague, hedged, typo'd, or maybe denied: ask about it) and <see cref="Negated"/> (denied in its
/// own clause: "no numbness"). <see cref="Covered"/> marks the words that belong to any mention.
/// </summary>
public sealed class SignMentions
{
    private SignMentions(IReadOnlyCollection<string> yes, IReadOnlyCollection<string> ask, IReadOnlyCollection<string> negated, IReadOnlyCollection<string> denied, bool[] covered)
    {
        Yes = yes;
        Ask = ask;
        Negated = negated;
        Denied = denied;
        Covered = covered;
    }

    /// <summary>Signs a phrase took back ("only one leg", "my dad had cancer", "heat pads").</summary>
    public IReadOnlyCollection<string> Denied { get; }

    public IReadOnlyCollection<string> Yes { get; }

    public IReadOnlyCollection<string> Ask { get; }

    public IReadOnlyCollection<string> Negated { get; }

    public bool[] Covered { get; }

    public bool IsEmpty => Yes.Count == 0 && Ask.Count == 0 && Negated.Count == 0;

    // "for years", "always had", "on meds for it": a long-standing symptom is not a new one; ask rather than take it.
    private static readonly string[][] LongStanding =
    [
        ["for", "years"], ["for", "ages"], ["for", "decades"], ["always", "had"], ["always", "been"], ["since", "childhood"],
        ["since", "i", "was"], ["not", "new"], ["nothing", "new"], ["had", "it", "before"], ["for", "a", "long", "time"],
        ["on", "meds", "for"], ["on", "medication", "for"], ["since", "my"], ["years", "ago"], ["long", "standing"],
        ["longstanding"], ["had", "those", "for"], ["had", "that", "for"], ["had", "this", "for"], ["for", "many", "years"],
    ];

    /// <summary>Signs that are a matter of history, not news at a check-in: left out when <c>onlyNewSigns</c>.</summary>
    public static readonly IReadOnlySet<string> HistorySigns = new HashSet<string>(StringComparer.Ordinal)
    {
        Domain.RedFlags.RedFlagIds.CancerHistory, Domain.RedFlags.RedFlagIds.AgeAtOnset,
    };

    public static SignMentions Find(Utterance utterance, PhraseBook<string, SignLevel> book, bool onlyNewSigns = false)
    {
        // At a check-in "no change" is about the stretches: only a plain "getting worse" counts as not improving.
        var matches = book.FindAll(utterance)
            .Where(m => !onlyNewSigns || (!HistorySigns.Contains(m.Key) && !(m.Key == Domain.RedFlags.RedFlagIds.NotImproving && m.Tag == SignLevel.Ask)))
            .ToList();
        var denials = matches.Where(m => m.Tag == SignLevel.Deny && Scope.PolarityOf(utterance, m.Start, m.End) == Polarity.Affirmed).ToList();
        var covered = new bool[utterance.Count];
        var yes = new HashSet<string>(StringComparer.Ordinal);
        var ask = new HashSet<string>(StringComparer.Ordinal);
        var negated = new HashSet<string>(StringComparer.Ordinal);
        var definite = matches.Where(m => m.Tag == SignLevel.Yes && Strength(utterance, m) == Mention.Plain).ToList();
        foreach (var match in matches)
        {
            Array.Fill(covered, true, match.Start, match.End - match.Start);
            if (match.Tag == SignLevel.Deny || denials.Any(d => d.Key == match.Key && Overlaps(d, match)))
            {
                continue;
            }

            var strength = Strength(utterance, match);
            if (strength == Mention.Unsure && definite.Any(d => d.Key != match.Key && Within(match, d)))
            {
                continue; // "running a temp" says fever; the vaguer "temp" of feeling very unwell is not asked as well
            }

            switch (strength == Mention.Plain && IsLongStanding(utterance, match) ? Mention.Unsure : strength)
            {
                case Mention.Plain:
                    yes.Add(match.Key);
                    break;
                case Mention.Unsure:
                    ask.Add(match.Key);
                    break;
                default:
                    negated.Add(match.Key);
                    break;
            }
        }

        ask.ExceptWith(yes);
        negated.ExceptWith(yes);
        negated.ExceptWith(ask);
        var denied = denials.Select(d => d.Key).ToHashSet(StringComparer.Ordinal);
        return new SignMentions(yes, ask, negated, denied, covered);
    }

    private static Mention Strength(Utterance utterance, PhraseMatch<string, SignLevel> match)
    {
        var polarity = Scope.PolarityOf(utterance, match.Start, match.End);
        if (polarity == Polarity.Negated)
        {
            return Mention.Denied;
        }

        var typo = Enumerable.Range(match.Start, match.End - match.Start).Any(i => utterance[i].Corrected);
        var plain = match.Tag == SignLevel.Yes
            && polarity == Polarity.Affirmed
            && !typo
            && !Scope.IsHedged(utterance, match.Start, match.End);
        return plain ? Mention.Plain : Mention.Unsure;
    }

    private static bool Within(PhraseMatch<string, SignLevel> inner, PhraseMatch<string, SignLevel> outer)
        => inner.Start >= outer.Start && inner.End <= outer.End;

    private static bool IsLongStanding(Utterance utterance, PhraseMatch<string, SignLevel> match)
    {
        var sentence = utterance[match.Start].Sentence;
        var words = utterance.Words.Where(w => w.Sentence == sentence).Select(w => w.Form).ToList();
        return LongStanding.Any(phrase => Enumerable.Range(0, Math.Max(0, words.Count - phrase.Length + 1)).Any(i => phrase.SequenceEqual(words.Skip(i).Take(phrase.Length))));
    }

    private static bool Overlaps(PhraseMatch<string, SignLevel> a, PhraseMatch<string, SignLevel> b)
        => a.Start < b.End && b.Start < a.End;

    private enum Mention
    {
        Plain,
        Unsure,
        Denied,
    }
}
