using StretchBot.Dialogs.Domain.Swaps;
using StretchBot.Dialogs.Understanding.Text;

namespace StretchBot.Dialogs.Understanding.Readers;

/// <summary>
/// Reads a typed check-in ("the cobra didn't help, knee hugs were great, pain about 3", "no change", "the floss
/// made my foot tingle", "1st one better, 2nd one worse"): feedback per stretch (a denied better or worse is
/// "same"; "worse" always wins; a stretch named overrides "all of them"), the pain score, new warning signs in
/// everyday words (asked about when vague; history signs such as a past cancer are not news at a check-in), and how
/// leg symptoms moved. A symptom change said about a stretch ("the floss made my foot tingle") also counts that
/// stretch as worse.
/// </summary>
public sealed partial class CheckInReader
{
    private static readonly HashSet<string> PainWords = ["pain", "painful", "score", "level", "sore", "ache", "hurts", "agony", "scale", "pains", "nrs", "vas"];

    private readonly OptionWords<string> _stretchWords = new();
    private readonly PainReader _pain = new();
    private readonly SignVocabulary _signs;

    /// <param name="stretchNames">Each stretch id with the names people use for it ("the cobra", "knee hugs").</param>
    public CheckInReader(IReadOnlyDictionary<string, IReadOnlyList<string>> stretchNames, SignVocabulary signs)
    {
        ArgumentNullException.ThrowIfNull(stretchNames);
        _signs = signs ?? throw new ArgumentNullException(nameof(signs));
        foreach (var (id, names) in stretchNames)
        {
            _stretchWords.Add(id, names);
        }

        _stretchWords.MendWith(CheckInWords.VocabularyWith(_stretchWords.Vocabulary.TargetWords));
    }

    /// <summary>Reads <paramref name="text"/> as a check-in on the stretches <paramref name="plan"/>.</summary>
    /// <param name="withPain">False when only the stretches were asked about ("how did the cobra go?": "agony" is worse, not a score).</param>
    public Reading<CheckInReply> Read(string? text, IReadOnlyList<string> plan, bool withPain = true)
    {
        var utterance = _stretchWords.Parse(text);
        if (utterance.IsEmpty || plan.Count == 0 || IsBareYesOrNo(utterance, plan))
        {
            return Reading<CheckInReply>.NotUnderstood();
        }

        var changes = CheckInWords.Changes.FindEvery(CheckInWords.Changes.Parse(utterance.Text)).All.Where(m => m.Said).ToList();
        var feedback = new CheckInFeedback(_stretchWords, plan).Read(utterance, changes);
        var pain = withPain ? ReadPain(utterance) : Reading<int>.NotUnderstood();
        var signWords = Utterance.Parse(utterance.Text, _signs.Vocabulary);
        var signs = SignMentions.Find(signWords, _signs.Book, onlyNewSigns: true);
        var high = Temperature.IsHigh(signWords) == true ? [Domain.RedFlags.RedFlagIds.Fever] : Array.Empty<string>();
        var noneSaid = CheckInWords.NoneNew.Find(CheckInWords.NoneNew.Parse(utterance.Text)).All.Any(m => m.Said);
        var reply = new CheckInReply
        {
            Feedback = feedback,
            Pain = pain.IsUnderstood ? pain.Value : null,
            PainRemark = pain.IsUnderstood ? pain.Remark : null,
            RedFlags = signs.Yes.Concat(high).Distinct().ToList(),
            NoNewRedFlags = noneSaid && signs.Yes.Count == 0 && signs.Ask.Count == 0 && high.Length == 0,
            Changes = Changes(changes),
        };

        if (reply.IsEmpty && !pain.IsUnsure && signs.Ask.Count == 0)
        {
            return Reading<CheckInReply>.NotUnderstood();
        }

        var read = pain.IsUnsure ? pain.Map(score => reply with { Pain = score }) : Reading<CheckInReply>.Understood(reply);
        return AskAboutSigns(signs.Ask.OrderBy(id => Domain.RedFlags.RedFlagCatalog.Get(id).Tier).ToList(), reply, read);
    }

    // "yes", "ok", a thumbs-up on its own: not an answer to how each stretch went (a one-stretch plan aside).
    private static bool IsBareYesOrNo(Utterance utterance, IReadOnlyList<string> plan)
        => (YesNo.Read(utterance) is { Plain: true } && utterance.Count <= 2)
            || (plan.Count > 1 && utterance.OnlySymbols)                              // an emoji alone
            || WhichWasWhich().IsMatch(utterance.Normalized);                           // "can't remember which was which"

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:cant|dont|do not|can not|cannot|not sure)\s+(?:remember|know|tell)\s+which\b")]
    private static partial System.Text.RegularExpressions.Regex WhichWasWhich();

    // Moving back towards the back is good news that outranks the same symptom's older place ("the tingling has
    // gone back up to my knee" is not new tingling).
    private static List<SymptomChange> Changes(List<OptionMention<SymptomChange>> mentions)
    {
        var found = mentions.Select(m => m.Value).Distinct().ToList();
        if (found.Contains(SymptomChange.CloserToBack))
        {
            found.RemoveAll(c => c is SymptomChange.FurtherDownLeg or SymptomChange.NewNumbnessOrTingling);
        }

        return found;
    }

    // One careful question per vague warning sign; a yes adds it to the reply.
    private static Reading<CheckInReply> AskAboutSigns(List<string> asks, CheckInReply reply, Reading<CheckInReply> otherwise)
    {
        if (asks.Count == 0)
        {
            return otherwise;
        }

        var sign = asks[0];
        var rest = asks.Skip(1).ToList();
        var withSign = reply with { RedFlags = [.. reply.RedFlags, sign] };
        return Reading<CheckInReply>.AskCarefully(
            $"Just to check: {Domain.RedFlags.RedFlagCatalog.Get(sign).Question}",
            safeAnswer: true,
            AskAboutSigns(rest, withSign, Reading<CheckInReply>.Understood(withSign)),
            AskAboutSigns(rest, reply, otherwise)) with { About = sign };
    }

    // A short reply is the score itself ("4", "about 6/10"); in a longer one, the clauses that talk about pain (with
    // a number-only clause just after: "pain: 3"), or a clause that is only a number ("about the same, 5").
    private Reading<int> ReadPain(Utterance utterance)
    {
        if (utterance.Count <= 3 && !utterance.Words.Any(w => w.Form is "none" or "nothing" or "nah" or "no"))
        {
            return _pain.Read(utterance.Text);
        }

        var clauses = CheckInFeedback.Clauses(utterance);
        var best = Reading<int>.NotUnderstood();

        // Clauses with a number first: "leg pain's gone, 2/10" is 2, not the "gone" of no pain.
        bool HasDigits(int c) => clauses[c].Any(i => utterance[i].Form.Any(char.IsDigit)) || (c + 1 < clauses.Count && clauses[c + 1].All(i => utterance[i].Form.Any(char.IsDigit)));
        foreach (var c in Enumerable.Range(0, clauses.Count).OrderByDescending(HasDigits))
        {
            var clause = clauses[c];
            var aboutPain = clause.Any(i => PainWords.Contains(utterance[i].Form));
            var numberOnly = clause.All(i => utterance[i].Form.All(char.IsDigit) || utterance[i].Form is "about" or "around" or "maybe");
            if (!aboutPain && !numberOnly)
            {
                continue;
            }

            var last = aboutPain && c + 1 < clauses.Count && clauses[c + 1].All(i => utterance[i].Form.Any(char.IsDigit)) ? clauses[c + 1][^1] : clause[^1];
            var reading = _pain.Read(utterance.Text[utterance[clause[0]].Start..utterance[last].End]);
            if (reading.IsUnderstood && (aboutPain || best.Kind == ReadingKind.NotUnderstood))
            {
                best = reading;
                if (aboutPain)
                {
                    return best;
                }
            }
            else if (reading.IsUnsure && aboutPain && best.Kind == ReadingKind.NotUnderstood)
            {
                best = reading;
            }
        }

        return best;
    }
}
