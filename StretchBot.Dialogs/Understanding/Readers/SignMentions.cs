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

    /// <summary>Where a phrase tells of a sign, said or denied ("diagnosed with cancer", "no numbness"), but not of how
    /// the pain is going ("getting worse"), which is what a check-in rates the stretches by.</summary>
    public IReadOnlyList<(string Sign, int Start, int End)> Told { get; private init; } = [];

    public bool IsEmpty => Yes.Count == 0 && Ask.Count == 0 && Negated.Count == 0;

    // "for years", "always had", "on meds for it": a long-standing symptom is not a new one; ask rather than take it.
    private static readonly string[][] LongStanding =
    [
        ["for", "years"], ["for", "ages"], ["for", "decades"], ["always", "had"], ["always", "been"], ["since", "childhood"],
        ["since", "i", "was"], ["not", "new"], ["nothing", "new"], ["for", "a", "long", "time"],
        ["on", "meds", "for"], ["on", "medication", "for"], ["years", "ago"], ["long", "standing"],
        ["longstanding"], ["had", "those", "for"], ["had", "that", "for"], ["had", "this", "for"], ["for", "many", "years"],
        ["used", "to"], ["clean", "for"], ["in", "the", "past"], ["years", "clean"], ["yrs", "ago"], ["year", "ago"],
        ["ages", "ago"],
    ];

    /// <summary>Signs that are about how the pain began, not news at a check-in: left out when <c>onlyNewSigns</c>.</summary>
    public static readonly IReadOnlySet<string> HistorySigns = new HashSet<string>(StringComparer.Ordinal)
    {
        Domain.RedFlags.RedFlagIds.AgeAtOnset,
    };

    /// <param name="emergenciesAsked">The emergency questions were already answered (a see-a-doctor card): a vague emergency
    /// mention inside a plain see-a-doctor sign ("running a temp") is not asked about again.</param>
    /// <param name="saidInNumbers">Signs the reply gives as a number ("temp of 38" is a fever): their words count as said plainly.</param>
    public static SignMentions Find(Utterance utterance, PhraseBook<string, SignLevel> book, bool onlyNewSigns = false, bool emergenciesAsked = false, IReadOnlyCollection<string>? saidInNumbers = null)
    {
        // At a check-in "no change" is about the stretches: only a plain "getting worse" counts as not improving.
        var matches = book.FindAll(utterance)
            .Where(m => !onlyNewSigns || (!HistorySigns.Contains(m.Key) && !(m.Key == Domain.RedFlags.RedFlagIds.NotImproving && m.Tag == SignLevel.Ask)))
            .ToList();
        // A denial counts unless it is itself denied: from before it ("not a small fall"), or at its end by words the
        // gap let in ("night ... nothing helps"); its own words may deny ("bladder's no problem").
        var denials = matches.Where(m => m.Tag == SignLevel.Deny
                && Scope.PolarityOf(utterance, m.Start, m.End) != Polarity.Negated
                && (m.End - m.Start < 2 || SaysNoItself(m.Phrase) || Scope.PolarityOf(utterance, m.End - 1, m.End) != Polarity.Negated))
            .ToList();
        var covered = new bool[utterance.Count];
        var yes = new HashSet<string>(StringComparer.Ordinal);
        var ask = new HashSet<string>(StringComparer.Ordinal);
        var negated = new HashSet<string>(StringComparer.Ordinal);
        var definite = matches.Where(m => (m.Tag == SignLevel.Yes || (m.Tag == SignLevel.Ask && saidInNumbers?.Contains(m.Key) == true)) && Strength(utterance, m) != Mention.Denied).ToList();
        foreach (var match in matches)
        {
            Array.Fill(covered, true, match.Start, match.End - match.Start);
            if (match.Tag == SignLevel.Deny || denials.Any(d => d.Key == match.Key && Overlaps(d, match)))
            {
                continue;
            }

            var strength = Strength(utterance, match);
            if (strength == Mention.Unsure && definite.Any(d => d.Key != match.Key && Within(match, d) && (emergenciesAsked || !MoreUrgent(match.Key, d.Key))))
            {
                continue; // "lost weight because I've been ill": the weight loss, not a vaguer sign inside its words
            }

            // Long-standing is no news for most signs; for "not improving" it is the sign itself.
            var oldNews = match.Key != Domain.RedFlags.RedFlagIds.NotImproving && IsLongStanding(utterance, match);
            switch (strength == Mention.Plain && oldNews ? Mention.Unsure : strength)
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
        var told = matches.Where(m => m.Tag != SignLevel.Deny && m.Key != Domain.RedFlags.RedFlagIds.NotImproving).Select(m => (m.Key, m.Start, m.End)).ToList();
        return new SignMentions(yes, ask, negated, denied, covered) { Told = told };
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

    private static bool SaysNoItself(string phrase)
        => phrase.Split([' ', '{', '}', '|'], StringSplitOptions.RemoveEmptyEntries).Any(Scope.NegationWords.Contains);

    private static bool MoreUrgent(string sign, string than)
        => Domain.RedFlags.RedFlagCatalog.Get(sign).Tier == Domain.RedFlags.RedFlagTier.Emergency && Domain.RedFlags.RedFlagCatalog.Get(than).Tier != Domain.RedFlags.RedFlagTier.Emergency;

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
