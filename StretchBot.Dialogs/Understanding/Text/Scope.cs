using System.Collections.Frozen;

namespace StretchBot.Dialogs.Understanding.Text;

/// <summary>Whether a phrase in a reply is said, denied, or denied only maybe.</summary>
public enum Polarity
{
    /// <summary>Said: "my bum has gone numb", "no, but I've been leaking".</summary>
    Affirmed = 0,

    /// <summary>Denied in its own clause: "no numbness", "not a disc", "I don't run".</summary>
    Negated = 1,

    /// <summary>A denial earlier in the sentence may or may not reach it: "I don't have numbness, tingling or weakness".</summary>
    Uncertain = 2,
}

/// <summary>
/// Negation and hedge scope. A negation word reaches forward to the end of its clause; a contrast word ("but",
/// "except", "though") ends its reach; a clause that is nothing but an answer ("no," "not really,") does not
/// reach into the next clause, so "not really, my privates are numb" still says the privates are numb. Across a
/// comma in the same sentence the reach is uncertain, and the caller asks rather than guesses.
/// </summary>
public static class Scope
{
    /// <summary>Words that deny what follows them in their clause.</summary>
    public static readonly FrozenSet<string> NegationWords = FrozenSet.ToFrozenSet(
    [
        "no", "not", "never", "none", "without", "nor", "neither", "nothing", "nobody", "nowhere", "isnt", "arent",
        "wasnt", "werent", "dont", "doesnt", "didnt", "havent", "hasnt", "hadnt", "cant", "cannot", "couldnt", "wont",
        "wouldnt", "shouldnt", "aint", "nope", "nah", "denies", "deny", "free", "ruled", "negative",
    ]);

    private static readonly FrozenSet<string> ContrastWords = FrozenSet.ToFrozenSet(
    [
        "but", "except", "although", "though", "however", "besides", "whereas", "yet", "tho", "bt", "only", "just",
        "instead", "rather", "unless", "excluding",
    ]);

    // Words a bare answer clause is made of: "no", "nope", "not really", "no thanks", "none of those".
    private static readonly FrozenSet<string> AnswerWords = FrozenSet.ToFrozenSet(
    [
        "no", "nope", "nah", "naw", "not", "really", "none", "never", "negative", "thanks", "thank", "you", "um", "umm",
        "uh", "er", "erm", "well", "hmm", "of", "those", "these", "them", "the", "above", "nothing", "like", "that",
        "so", "oh", "ah", "to", "all", "as", "such", "exactly", "quite",
    ]);

    private static readonly string[][] HedgePhrases =
    [
        ["maybe"], ["might"], ["perhaps"], ["possibly"], ["probably"], ["slightly"], ["sometimes"], ["occasionally"],
        ["kinda"], ["sorta"], ["unsure"], ["dunno"], ["idk"], ["hmm"], ["ish"], ["somewhat"], ["bit"], ["little"],
        ["kind", "of"], ["sort", "of"], ["not", "sure"], ["i", "think"], ["i", "guess"], ["could", "be"], ["on", "and", "off"],
        ["now", "and", "then"], ["hard", "to", "say"], ["dont", "know"], ["do", "not", "know"], ["not", "certain"],
        ["i", "suppose"], ["seems"], ["mild"], ["mildly"], ["vague"], ["vaguely"], ["odd"], ["weird"], ["strange"],
        ["funny"], ["once"], ["twice"], ["few", "times"], ["think", "so"], ["not", "too", "sure"], ["wonder"],
    ];

    /// <summary>Is the phrase at words <paramref name="start"/>..<paramref name="end"/> said, denied, or maybe denied?</summary>
    public static Polarity PolarityOf(Utterance utterance, int start, int end)
    {
        var crossedComma = false;
        for (var i = start - 1; i >= 0; i--)
        {
            var between = utterance[i + 1].Before;
            if (between == Boundary.Sentence)
            {
                return Polarity.Affirmed;
            }

            crossedComma |= between == Boundary.Comma;
            if (IsContrast(utterance, i))
            {
                return Polarity.Affirmed;
            }

            if (!NegationWords.Contains(utterance[i].Form) || (i + 1 < start && IsHedgeNotDenial(utterance, i)) || IsLeadingAnswer(utterance, i))
            {
                continue;
            }

            if (!crossedComma)
            {
                return Polarity.Negated;
            }

            return IsBareAnswerClause(utterance, i) ? Polarity.Affirmed : Polarity.Uncertain;
        }

        return Polarity.Affirmed;
    }

    // "no I stand at a standing desk", "nope, it's fine": a no that answers the question, then says something.
    private static bool IsLeadingAnswer(Utterance utterance, int i)
        => utterance[i].Form is "no" or "nope" or "nah" or "naw"
            && (i == 0 || utterance[i].Before == Boundary.Sentence)
            && i + 1 < utterance.Count
            && utterance[i + 1].Form is "i" or "im" or "ive" or "id" or "it" or "its" or "my" or "we" or "he" or "she" or "they" or "the" or "just" or "only" or "but";

    // "not sure", "don't know", "no idea": a hedge, not a denial of what follows.
    private static bool IsHedgeNotDenial(Utterance utterance, int i)
        => i + 1 < utterance.Count && utterance[i + 1].Form is "sure" or "certain" or "idea" or "know" or "clue" or "too" or "100";

    /// <summary>"but", "except", "though", "apart from", "other than"...: the start of a contrasting part.</summary>
    public static bool IsContrast(Utterance utterance, int i)
    {
        var form = utterance[i].Form;
        if (form is "other" or "apart" or "aside")
        {
            return i + 1 < utterance.Count && utterance[i + 1].Form is "than" or "from";
        }

        return ContrastWords.Contains(form);
    }

    /// <summary>Is there a hedge ("maybe", "a bit", "I think", "sometimes", a question mark) in the phrase's clause?</summary>
    public static bool IsHedged(Utterance utterance, int start, int end)
    {
        var (from, to) = ClauseAround(utterance, start, end);
        if (utterance.IsQuestion(utterance[start].Sentence))
        {
            return true;
        }

        for (var i = from; i < to; i++)
        {
            foreach (var hedge in HedgePhrases)
            {
                var inside = i >= start && i + hedge.Length <= end; // a hedge word that is part of the phrase itself ("a bit of weight")
                if (!inside && i + hedge.Length <= to && Enumerable.Range(0, hedge.Length).All(k => utterance[i + k].Form == hedge[k]))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The clause holding words start..end: from the boundary before it to the boundary after it.</summary>
    public static (int From, int To) ClauseAround(Utterance utterance, int start, int end)
    {
        var from = start;
        while (from > 0 && utterance[from].Before == Boundary.None && !IsContrast(utterance, from - 1))
        {
            from--;
        }

        var to = Math.Max(end, start + 1);
        while (to < utterance.Count && utterance[to].Before == Boundary.None && !IsContrast(utterance, to))
        {
            to++;
        }

        return (from, to);
    }

    // The clause holding word i is nothing but answer words ("no", "not really", "none of those").
    private static bool IsBareAnswerClause(Utterance utterance, int i)
    {
        var (from, to) = ClauseAround(utterance, i, i + 1);
        for (var k = from; k < to; k++)
        {
            if (!AnswerWords.Contains(utterance[k].Form))
            {
                return false;
            }
        }

        return true;
    }
}
