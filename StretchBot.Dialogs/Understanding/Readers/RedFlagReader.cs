using StretchBot.Domain.RedFlags;
using StretchBot.Dialogs.Understanding.Text;

namespace StretchBot.Dialogs.Understanding.Readers;

/// <summary>
/// Reads a typed answer to a card of warning-sign questions (a triage tier, or the check-in's list). The one
/// mistake it must not make is a wrong "none", so:
/// <list type="bullet">
/// <item>"none" is understood only from a plain no with nothing else in it ("no", "none of these", "nope");</item>
/// <item>any mention of a sign, in clinical or everyday words (<see cref="SignVocabulary"/>), counts as that sign,
/// whatever else the reply says ("not really, my privates are numb");</item>
/// <item>a mention it is unsure of (hedged, vague, typo'd, or a denial that may not reach it) is asked about, one
/// sign at a time, with a yes/no question;</item>
/// <item>numbers and position words pick questions only when the reply is nothing but positions ("2", "1 and 4"):
/// "no, it's been 3 weeks" picks nothing;</item>
/// <item>a "no" that comes with other words ("first time I've had back pain, none of those") is confirmed.</item>
/// </list>
/// </summary>
public sealed partial class RedFlagReader
{
    public const string ConfirmNoneQuestion = "So none of these apply to you - is that right?";
    public const string ConfirmRestQuestion = "Thanks. And none of the other questions on the card apply to you - is that right?";
    public const string WhichOnesRemark = "Which ones? Tick them on the card, or type their numbers, for example \"2\" or \"1 and 4\".";
    public const string TickRemark = "Please tick any that apply and press Continue, or choose \"None of these\". You can also type their numbers, for example \"2\".";

    private const int MostQuestions = 4;

    private readonly SignVocabulary _vocabulary;
    private readonly bool _onlyNewSigns;

    /// <param name="onlyNewSigns">At a check-in: leave out signs that are a matter of history (a past cancer, age at onset, not improving).</param>
    public RedFlagReader(SignVocabulary vocabulary, bool onlyNewSigns = false)
    {
        _vocabulary = vocabulary ?? throw new ArgumentNullException(nameof(vocabulary));
        _onlyNewSigns = onlyNewSigns;
    }

    public static RedFlagReader Default { get; } = new(SignVocabulary.Default);

    /// <summary>Reads <paramref name="text"/> as an answer to the questions of <paramref name="card"/>.</summary>
    public Reading<RedFlagReply> Read(string? text, IReadOnlyList<RedFlagQuestion> card)
    {
        ArgumentNullException.ThrowIfNull(card);
        var utterance = Utterance.Parse(text, _vocabulary.Vocabulary);
        if (utterance.IsEmpty || card.Count == 0)
        {
            return Reading<RedFlagReply>.NotUnderstood();
        }

        if ((Positions.Read(utterance, card.Count) ?? YesToPositions(utterance, card.Count)) is { } picked)
        {
            return Reading<RedFlagReply>.Understood(new RedFlagReply(picked.Select(p => card[p - 1].Id).ToList(), true));
        }

        var emergenciesAsked = !_onlyNewSigns && card.All(q => q.Tier != RedFlagTier.Emergency);
        var inNumbers = Temperature.IsHigh(utterance) == true ? new[] { RedFlagIds.Fever } : [];
        var mentions = SignMentions.Find(utterance, _vocabulary.Book, onlyNewSigns: _onlyNewSigns, emergenciesAsked: emergenciesAsked, saidInNumbers: inNumbers);
        var yes = mentions.Yes.ToHashSet(StringComparer.Ordinal);
        var ask = mentions.Ask.ToHashSet(StringComparer.Ordinal);
        if (!_onlyNewSigns)
        {
            AgeAtOnset.Read(utterance, yes, ask);
            NotImproving.Read(utterance, yes, ask);
        }

        Temperature.Read(utterance, yes);

        var answer = ReadNone(utterance, mentions.Covered);
        if (YesNo.IsQuestionBack(utterance))
        {
            return Reading<RedFlagReply>.NotUnderstood(); // "does hay fever count as a fever?": ask again
        }

        if (yes.Count == 0 && ask.Count == 0 && mentions.Negated.Count == 0)
        {
            return (mentions.Denied.Count == 0 ? NumbersInASentence(utterance, card, answer) : null) ?? WithoutSigns(utterance, answer);
        }

        ask.ExceptWith(yes);
        var asks = ask.OrderBy(Urgency).ThenBy(id => IndexOn(card, id)).Take(MostQuestions + 1).ToList();
        if (asks.Count > MostQuestions)
        {
            return Reading<RedFlagReply>.NotUnderstood(TickRemark);
        }

        return Decide(card, yes.ToList(), asks, answer, anythingAffirmed: yes.Count + asks.Count > 0);
    }

    // "number 5 i think", "3 (prostate, 2019) and 6": question numbers inside other words are confirmed, never
    // taken. Not a number that counts something ("3 weeks", "since 2019") and not in a reply that says no.
    private static Reading<RedFlagReply>? NumbersInASentence(Utterance utterance, IReadOnlyList<RedFlagQuestion> card, NoneAnswer answer)
    {
        if (answer.Said)
        {
            return null;
        }

        var picked = new List<int>();
        for (var i = 0; i < utterance.Count; i++)
        {
            var next = i + 1 < utterance.Count ? utterance[i + 1].Form : string.Empty;
            var before = i > 0 ? utterance[i - 1].Form : string.Empty;
            if (int.TryParse(utterance[i].Form, out var n) && n >= 1 && n <= card.Count && !CountedThing.Contains(next) && before is not ("since" or "for" or "in" or "about" or "over" or "under"))
            {
                picked.Add(n);
            }
        }

        if (picked.Count == 0)
        {
            return null;
        }

        var ids = picked.Distinct().Order().Select(n => card[n - 1].Id).ToList();
        var names = string.Join(" and ", picked.Distinct().Order().Select(n => $"{n} ({card[n - 1].ShortForm})"));
        return Reading<RedFlagReply>.AskCarefully($"Just to check: do you mean {names}?", safeAnswer: true, Reading<RedFlagReply>.Understood(new RedFlagReply(ids, true)), Reading<RedFlagReply>.NotUnderstood(TickRemark));
    }

    // Nothing about any sign: a plain "no" is none; a hedged or padded "no" is confirmed; a bare "yes" asks which.
    private static Reading<RedFlagReply> WithoutSigns(Utterance utterance, NoneAnswer answer)
    {
        if (answer.Said && answer.Plain)
        {
            return Reading<RedFlagReply>.Understood(RedFlagReply.None);
        }

        var yesNo = YesNo.Read(utterance);
        if (yesNo.IsYes && !answer.Said && !(yesNo.Hedged && answer.Relevant))
        {
            return Reading<RedFlagReply>.NotUnderstood(WhichOnesRemark); // "yes", "a few": which ones? ("on and off since my 20s" is no yes)
        }

        if (answer.Said && HasException(utterance, answer.At))
        {
            return Reading<RedFlagReply>.NotUnderstood(TickRemark); // "no, except my back really aches": which one is the exception?
        }

        return answer.Said || answer.Relevant
            ? Reading<RedFlagReply>.AskCarefully(ConfirmNoneQuestion, safeAnswer: false, Reading<RedFlagReply>.Understood(RedFlagReply.None))
            : Reading<RedFlagReply>.NotUnderstood();
    }

    // One careful yes/no question per unsure sign, the most urgent first; then whether the rest of the card is a no.
    private static Reading<RedFlagReply> Decide(IReadOnlyList<RedFlagQuestion> card, List<string> yes, List<string> asks, NoneAnswer answer, bool anythingAffirmed)
    {
        if (yes.Any(IsEmergency))
        {
            return Reading<RedFlagReply>.Understood(new RedFlagReply(yes, false));
        }

        if (asks.Count > 0)
        {
            var sign = asks[0];
            var rest = asks.Skip(1).ToList();
            var question = $"Just to check: {RedFlagCatalog.Get(sign).Question}";
            return Reading<RedFlagReply>.AskCarefully(
                question,
                safeAnswer: true,
                Decide(card, [.. yes, sign], rest, answer, anythingAffirmed),
                Decide(card, yes, rest, answer, anythingAffirmed)) with { About = sign };
        }

        return Covered(card, yes, answer, anythingAffirmed);
    }

    // With no emergency sign, is every question on the card answered?
    private static Reading<RedFlagReply> Covered(IReadOnlyList<RedFlagQuestion> card, List<string> yes, NoneAnswer answer, bool anythingAffirmed)
    {
        var cardHasEmergencies = card.Any(q => q.Tier == RedFlagTier.Emergency);
        var outcomeSettled = !cardHasEmergencies && yes.Any(id => card.Any(q => q.Id == id));
        if (outcomeSettled || (answer.Said && answer.Plain))
        {
            return Reading<RedFlagReply>.Understood(new RedFlagReply(yes, true));
        }

        var question = anythingAffirmed || yes.Count > 0 ? ConfirmRestQuestion : ConfirmNoneQuestion;
        return Reading<RedFlagReply>.AskCarefully(
            question,
            safeAnswer: false,
            Reading<RedFlagReply>.Understood(new RedFlagReply(yes, true)),
            Reading<RedFlagReply>.NotUnderstood(TickRemark));
    }

    // A "none" said at the start of the reply or in a clause of its own ("no, ...", "..., none of those"), and
    // whether it was all the reply said.
    private static NoneAnswer ReadNone(Utterance utterance, bool[] covered)
    {
        var said = false;
        var hedged = false;
        var at = utterance.Count;
        var used = (bool[])covered.Clone();
        foreach (var (phrases, isHedged) in new[] { (HedgedNonePhrases, true), (NonePhrases, false) })
        {
            foreach (var (start, end) in FindClauses(utterance, phrases, used))
            {
                said = true;
                hedged |= isHedged;
                at = Math.Min(at, start);
                Array.Fill(used, true, start, end - start);
            }
        }

        var other = Enumerable.Range(0, utterance.Count).Any(i => !used[i] && !Fillers.Contains(utterance[i].Form) && !Scope.NegationWords.Contains(utterance[i].Form));
        var anyHedge = Enumerable.Range(0, utterance.Count).Any(i => !covered[i] && Scope.IsHedged(utterance, i, i + 1));
        var relevant = Enumerable.Range(0, utterance.Count).Any(i => covered[i] || RelevantWords.Contains(utterance[i].Form) || utterance[i].Form.Any(char.IsDigit));
        return new NoneAnswer(said, said && !hedged && !other && !anyHedge, relevant) { At = at };
    }

    // Occurrences of the phrases that fill a whole clause (so the "no" of "no numbness" is not a none).
    private static IEnumerable<(int Start, int End)> FindClauses(Utterance utterance, string[][] phrases, bool[] used)
    {
        for (var start = 0; start < utterance.Count; start++)
        {
            foreach (var phrase in phrases.OrderByDescending(p => p.Length))
            {
                var end = start + phrase.Length;
                if (end > utterance.Count || used[start] || !Enumerable.Range(0, phrase.Length).All(k => utterance[start + k].Form == phrase[k]))
                {
                    continue;
                }

                var (from, to) = Scope.ClauseAround(utterance, start, end);
                if (start == 0 || Enumerable.Range(from, to - from).All(i => (i >= start && i < end) || Fillers.Contains(utterance[i].Form)))
                {
                    yield return (start, end);
                    break;
                }
            }
        }
    }

    // "no, except ...", "none but sometimes", "nothing apart from ...": a no with an exception it does not name (a
    // contrast before the no is not one: "had a cold last week but fine now").
    private static bool HasException(Utterance utterance, int noAt)
        => Enumerable.Range(noAt, Math.Max(0, utterance.Count - 1 - noAt)).Any(i => Scope.IsContrast(utterance, i) && utterance[i].Form is not ("just" or "only"));

    // "No to 1-7, yes to 8", "no... wait actually yes 2", "No to all except 4": the positions said yes to.
    private static IReadOnlyList<int>? YesToPositions(Utterance utterance, int count)
    {
        for (var i = utterance.Count - 2; i >= 0; i--)
        {
            var form = utterance[i].Form;
            if (form is "yes" or "yeah" or "yep" or "except" or "but" or "apart" or "tak" or "si" or "ja")
            {
                var from = utterance[i + 1].Form is "to" or "for" or "on" or "from" ? i + 2 : i + 1;
                var tail = string.Join(' ', Enumerable.Range(from, utterance.Count - from).Select(k => utterance[k].Form));
                return tail.Length == 0 ? null : Positions.Read(Utterance.Parse(tail), count);
            }
        }

        return null;
    }

    private static bool IsEmergency(string id) => RedFlagCatalog.Get(id).Tier == RedFlagTier.Emergency;

    private static int Urgency(string id) => IsEmergency(id) ? 0 : 1;

    private static int IndexOn(IReadOnlyList<RedFlagQuestion> card, string id)
    {
        for (var i = 0; i < card.Count; i++)
        {
            if (card[i].Id == id)
            {
                return i;
            }
        }

        return card.Count;
    }

    private readonly record struct NoneAnswer(bool Said, bool Plain, bool Relevant)
    {
        /// <summary>Where the first "none" starts.</summary>
        public int At { get; init; }
    }
}
