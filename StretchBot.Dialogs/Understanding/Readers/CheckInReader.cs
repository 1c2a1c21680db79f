using StretchBot.Domain.Swaps;
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
    private static readonly HashSet<string> PostureWords = ["seated", "kneeling"];

    // Words after which a number counts something else: "by day 4", "until 5", "set 2".
    private static readonly HashSet<string> CountedBy =
    [
        "day", "days", "week", "weeks", "month", "number", "no", "by", "on", "at", "until", "till", "since", "for", "after",
        "from", "to", "times", "x", "step", "rep", "reps", "set", "sets", "round", "session", "page", "level", "stage",
    ];

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

            // "didn't try seated", "the kneeling one": the posture a stretch is named after names it (both seated
            // stretches, when a plan has two). Not "standing", which people say of their day ("standing makes it worse").
            _stretchWords.Add(id, names.Select(n => n.Split(' ')[0].ToLowerInvariant()).Where(PostureWords.Contains).Distinct());
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
        var signWords = Utterance.Parse(utterance.Text, _signs.Vocabulary);
        var signs = SignMentions.Find(signWords, _signs.Book, onlyNewSigns: true);
        var feedback = new CheckInFeedback(_stretchWords, plan).Read(utterance, changes, signWords.Count == utterance.Count ? signs.Told : []);
        var pain = withPain ? ReadPain(utterance, afterRatings: feedback.Count > 0) : Reading<int>.NotUnderstood();
        var high = Temperature.IsHigh(signWords) == true ? [Domain.RedFlags.RedFlagIds.Fever] : Array.Empty<string>();
        var noneSaid = CheckInWords.NoneNew.Find(CheckInWords.NoneNew.Parse(utterance.Text)).All.Any(m => m.Said) || NoneAfterPain(utterance);
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

    // "pain 3, none", "Pain: 2. None.": a bare none just after the score answers what is asked after it, the new signs.
    private static bool NoneAfterPain(Utterance utterance)
    {
        var clauses = CheckInFeedback.Clauses(utterance);
        if (clauses.Count < 2 || string.Join(' ', clauses[^1].Select(i => utterance[i].Form)) is not ("none" or "no" or "nope" or "nothing" or "nil" or "n a" or "na" or "none new" or "nothing new"))
        {
            return false;
        }

        bool AboutPain(List<int> clause) => clause.Any(i => PainWords.Contains(utterance[i].Form));
        var previous = clauses[^2];
        return AboutPain(previous) || (clauses.Count > 2 && previous.All(i => utterance[i].Form.All(char.IsDigit)) && AboutPain(clauses[^3]));
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
    // a number-only clause just after: "pain: 3") or give a score out of 10 ("all good! 1/10"), or a clause that is
    // only a number ("about the same, 5", "about a 5"); failing those, a sentence about pain read whole ("pain was 3
    // on monday but 7 today") or a number that ends a reply that rated the stretches, where the score comes next
    // ("... cat cow didnt try 5").
    private Reading<int> ReadPain(Utterance utterance, bool afterRatings)
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
            var aboutPain = clause.Any(i => PainWords.Contains(utterance[i].Form)) || OutOfTen().IsMatch(TextOf(utterance, clause[0], clause[^1]));
            var numberOnly = clause.All(i => utterance[i].Form.All(char.IsDigit) || utterance[i].Form is "about" or "around" or "maybe" or "roughly" or "like" or "a" or "an");
            if (!aboutPain && !numberOnly)
            {
                continue;
            }

            var last = aboutPain && c + 1 < clauses.Count && clauses[c + 1].All(i => utterance[i].Form.Any(char.IsDigit)) ? clauses[c + 1][^1] : clause[^1];
            var reading = _pain.Read(TextOf(utterance, clause[0], last));
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

        return best.Kind == ReadingKind.NotUnderstood ? PainInWholeSentence(utterance, afterRatings) : best;
    }

    private Reading<int> PainInWholeSentence(Utterance utterance, bool afterRatings)
    {
        foreach (var sentence in utterance.Words.Where(w => PainWords.Contains(w.Form)).Select(w => w.Sentence).Distinct())
        {
            var words = utterance.Words.Where(w => w.Sentence == sentence).ToList();
            if (_pain.Read(utterance.Text[words[0].Start..words[^1].End]) is { IsUnderstood: true } reading)
            {
                return reading;
            }
        }

        var last = utterance[^1];
        var before = utterance.Count > 3 ? utterance[^2].Form : string.Empty;
        return afterRatings && before.Length > 0 && !before.Any(char.IsDigit) && !CountedBy.Contains(before) && last.Form.All(char.IsDigit) && int.TryParse(last.Form, out var score) && score <= 10
            ? Reading<int>.Understood(score)
            : Reading<int>.NotUnderstood();
    }

    private static string TextOf(Utterance utterance, int first, int last) => utterance.Text[utterance[first].Start..utterance[last].End];

    // "1/10", "3 out of 10": a score, whatever words are around it.
    [System.Text.RegularExpressions.GeneratedRegex(@"\b\d{1,2}(?:\.\d)?\s*(?:/|out of|outta)\s*10\b", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex OutOfTen();
}
