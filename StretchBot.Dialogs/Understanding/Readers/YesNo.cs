using System.Collections.Frozen;
using StretchBot.Dialogs.Understanding.Text;

namespace StretchBot.Dialogs.Understanding.Readers;

/// <summary>Which way a reply answers a yes/no question.</summary>
public enum YesNoAnswer
{
    /// <summary>Neither, or both ("yes and no").</summary>
    Neither = 0,
    Yes = 1,
    No = 2,
}

/// <summary>
/// A reply read as yes or no: <see cref="Answer"/>, whether it was hedged ("I think so", "not really"), whether it
/// said it did not know ("not sure", "maybe"), and whether it was nothing but a yes or no (<see cref="Plain"/>:
/// "no", "nope, none", "yes please") or said more besides.
/// </summary>
public sealed record YesNoReading(YesNoAnswer Answer, bool Hedged, bool DoesNotKnow, bool Plain)
{
    /// <summary>Some part of the reply says no ("no but I'm sure it's fine").</summary>
    public bool SaidNo { get; init; }

    /// <summary>Some part of the reply says yes.</summary>
    public bool SaidYes { get; init; }

    public bool IsYes => Answer == YesNoAnswer.Yes;

    public bool IsNo => Answer == YesNoAnswer.No;

    /// <summary>A clear yes or no: not hedged, not "not sure".</summary>
    public bool IsClear => Answer != YesNoAnswer.Neither && !Hedged && !DoesNotKnow;
}

/// <summary>
/// Typed yes and no in the ways people write them ("yeah sure", "nope", "not really", "yeah no", "no problem",
/// a thumbs-up, "oui"). Matched as whole phrases, the longest first. "Yeah no" is a no; "yeah, no problem" is a
/// yes; a negated yes ("not ok") is a no.
/// </summary>
public static class YesNo
{
    private enum Kind
    {
        Yes,
        No,
        HedgedYes,
        HedgedNo,
        DoesNotKnow,
    }

    private static readonly (Kind Kind, string[] Phrases)[] Lexicon =
    [
        (Kind.Yes, [
            "yes", "ya", "yah", "yeah", "yea", "yeh", "yep", "yup", "yas", "yess", "yesss", "ye", "aye", "yh", "ys", "yee",
            "sure", "sure thing", "ok", "okay", "okey", "okie", "kk", "alright", "all right", "correct",
            "of course", "course", "definitely", "absolutely", "certainly", "indeed", "affirmative", "totally", "for sure",
            "yes please", "why not", "no problem", "no worries", "go ahead", "sounds good", "you bet", "yessir",
            "thats right", "thats correct", "that is right", "that is correct", "they said yes", "yes i have", "si", "sí",
            "oui", "ja", "jawohl", "sim", "thumbs up", "yes i do", "yes i did", "yes i can", "yes they have", "yes they did",
            "yes indeed", "very much", "big yes", "obviously", "yesh", "tak", "da", "haan", "nothing to worry about",
            "nothing serious", "nothing wrong",
        ]),
        (Kind.No, [
            "no", "nope", "nah", "naw", "nay", "nop", "noo", "nooo", "no thanks", "no thank you", "not at all", "never",
            "i havent", "i have not", "ive not", "i have never", "ive never", "havent", "have not", "i didnt", "i did not",
            "didnt", "i dont", "i do not", "i am not", "im not", "i cant", "i cannot", "cant", "cannot", "negative",
            "no way", "of course not", "definitely not", "absolutely not", "certainly not", "not yet", "nothing", "none",
            "they didnt", "they havent", "they said no", "incorrect", "non", "nein", "nee", "não",
            "nao", "nada", "hell no", "not me", "i wish", "wish i did", "wish i could", "no chance", "not a chance",
            "thumbs down", "not at the moment", "not right now", "not currently", "not now", "not any more", "not anymore",
            "no longer", "nie", "nej", "ei",
        ]),
        (Kind.HedgedYes, [
            "i think so", "think so", "probably", "i guess", "i suppose", "guess so", "suppose so", "kind of", "kinda",
            "sort of", "sorta", "mostly", "sometimes", "a bit", "a little", "more or less", "i believe so", "believe so",
            "i reckon", "reckon so", "yes i think", "yeah i think", "pretty much", "ish", "now and then", "occasionally",
            "once", "twice", "a couple of times", "a few times", "a little bit", "slightly", "on and off", "at times",
        ]),
        (Kind.HedgedNo, [
            "not really", "probably not", "i dont think so", "dont think so", "i do not think so", "not that i know of",
            "not that i know", "not that im aware", "not that i am aware", "not as such", "not particularly", "hardly",
            "rarely", "not much", "not often", "not usually", "i doubt it", "doubt it", "not as far as i know",
            "i dont believe so", "dont believe so", "not very", "barely", "seldom",
        ]),
        (Kind.DoesNotKnow, [
            "not sure", "im not sure", "i am not sure", "unsure", "im unsure", "maybe", "perhaps", "possibly",
            "dont know", "i dont know", "do not know", "idk", "dunno", "no idea", "not certain", "uncertain", "depends",
            "it depends", "who knows", "no clue", "not too sure", "not so sure", "yes and no", "hard to say", "cant say",
            "cant remember", "dont remember", "not really sure", "no no idea", "might be", "could be", "maybe not", "maybe yes",
        ]),
    ];

    // Words that answer only when they are the whole reply: "right" is a yes, "my right leg" is not.
    private static readonly FrozenDictionary<string, Kind> Standalone = new Dictionary<string, Kind>(StringComparer.Ordinal)
    {
        ["y"] = Kind.Yes, ["k"] = Kind.Yes, ["right"] = Kind.Yes, ["true"] = Kind.Yes, ["fine"] = Kind.Yes, ["done"] = Kind.Yes,
        ["i do"] = Kind.Yes, ["i did"] = Kind.Yes, ["i am"] = Kind.Yes, ["im"] = Kind.Yes, ["i have"] = Kind.Yes, ["ive"] = Kind.Yes,
        ["i can"] = Kind.Yes, ["they did"] = Kind.Yes, ["they have"] = Kind.Yes, ["i have yes"] = Kind.Yes, ["it has"] = Kind.Yes,
        ["it is"] = Kind.Yes, ["that is"] = Kind.Yes, ["course"] = Kind.Yes, ["yes yes"] = Kind.Yes, ["go on"] = Kind.Yes,
        ["n"] = Kind.No, ["wrong"] = Kind.No, ["false"] = Kind.No, ["no no"] = Kind.No, ["not right"] = Kind.No,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    // Words that carry no answer.
    private static readonly FrozenSet<string> Fillers = FrozenSet.ToFrozenSet(
    [
        "um", "umm", "uh", "uhh", "er", "erm", "hmm", "hm", "well", "oh", "ah", "so", "please", "thanks", "thank", "you",
        "thx", "ty", "cheers", "lol", "haha", "then", "just", "mate", "love", "sir", "maam", "doc", "i", "think", "guess",
        "its", "it", "is", "that", "thats", "to", "be", "honest", "tbh", "honestly", "really", "answer", "my", "the", "a",
        "ha", "x", "xx", "ok", "okay", "sorry", "again", "now", "at", "moment", "all", "both", "them", "of", "those", "these",
    ]);

    private static readonly FrozenDictionary<string, Kind> ByPhrase = BuildPhrases();
    private static readonly int LongestPhrase = ByPhrase.Keys.Max(k => k.Split(' ').Length);

    public static YesNoReading Read(string? text) => Read(Utterance.Parse(text));

    public static YesNoReading Read(Utterance utterance)
    {
        if (IsQuestionBack(utterance))
        {
            return new YesNoReading(YesNoAnswer.Neither, false, false, false);
        }

        var meaningful = string.Join(' ', utterance.Words.Select(w => w.Form).Where(f => !Fillers.Contains(f)));
        if (Standalone.TryGetValue(utterance.Normalized, out var alone) || Standalone.TryGetValue(meaningful, out alone))
        {
            return Combine([(alone, 0, utterance.Count)], plain: true);
        }

        var found = new List<(Kind Kind, int Start, int End)>();
        var covered = new bool[utterance.Count];
        for (var i = 0; i < utterance.Count;)
        {
            var (kind, length) = LongestAt(utterance, i);
            if (length == 0)
            {
                i++;
                continue;
            }

            found.Add((kind!.Value, i, i + length));
            Array.Fill(covered, true, i, length);
            i += length;
        }

        var plain = found.Count > 0 && Enumerable.Range(0, utterance.Count).All(i => covered[i] || Fillers.Contains(utterance[i].Form));
        var informal = found.Count > 0 && utterance[found[0].Start].Form is "yeah" or "yea" or "yeh" or "ya" or "yah" or "yep" or "yup";
        return Combine(found, plain, informal);
    }

    /// <summary>"What does running have to do with it?", "why do you ask": a question back, not an answer.</summary>
    public static bool IsQuestionBack(Utterance utterance)
        => utterance.Count > 1 && (utterance[0].Form is "what" or "why" or "how" or "who" or "which" or "where" or "when" or "whats" or "hows" or "wdym"
            || utterance[0].Form is "does" or "do" or "should" or "would" or "could"
            || (utterance[0].Form is "is" or "can" or "will" or "are" or "am" && utterance.IsQuestion(utterance[0].Sentence)));

    private static YesNoReading Combine(List<(Kind Kind, int Start, int End)> found, bool plain, bool informalYesFirst = false)
    {
        if (found.Count == 0)
        {
            return new YesNoReading(YesNoAnswer.Neither, false, false, false);
        }

        var kinds = found.Select(f => f.Kind).ToList();
        var doesNotKnow = kinds.Contains(Kind.DoesNotKnow);
        var yes = kinds.Any(k => k is Kind.Yes or Kind.HedgedYes);
        var no = kinds.Any(k => k is Kind.No or Kind.HedgedNo);
        var hedged = kinds.Any(k => k is Kind.HedgedYes or Kind.HedgedNo);

        // "yeah no" / "yeah, nah": the idiom's second word is the answer (a no); "yes no" stays undecided.
        if (yes && no && kinds.Count == 2 && kinds[0] == Kind.Yes && kinds[1] is Kind.No && informalYesFirst)
        {
            return new YesNoReading(YesNoAnswer.No, hedged, doesNotKnow, plain) { SaidNo = true, SaidYes = true };
        }

        var answer = yes == no ? YesNoAnswer.Neither : yes ? YesNoAnswer.Yes : YesNoAnswer.No;
        return new YesNoReading(answer, hedged, doesNotKnow, plain) { SaidNo = no, SaidYes = yes };
    }

    private static (Kind? Kind, int Length) LongestAt(Utterance utterance, int start)
    {
        for (var length = Math.Min(LongestPhrase, utterance.Count - start); length > 0; length--)
        {
            var phrase = string.Join(' ', Enumerable.Range(start, length).Select(i => utterance[i].Form));
            if (ByPhrase.TryGetValue(phrase, out var kind))
            {
                return (kind, length);
            }
        }

        return (null, 0);
    }

    private static FrozenDictionary<string, Kind> BuildPhrases()
    {
        var phrases = new Dictionary<string, Kind>(StringComparer.Ordinal);

        // "yeah I have", "yes they did", "nope I haven't": a yes or no word with its echo of the question.
        foreach (var word in new[] { "yes", "yeah", "yep", "yup", "yea", "ya" })
        {
            foreach (var echo in new[] { "i have", "ive", "i did", "i do", "i can", "i am", "im", "they have", "they did", "she has", "he has", "she did", "he did", "it is", "i have yes" })
            {
                phrases[$"{word} {echo}"] = Kind.Yes;
            }
        }

        foreach (var word in new[] { "no", "nope", "nah" })
        {
            foreach (var echo in new[] { "i havent", "i have not", "i didnt", "i dont", "i cant", "i cannot", "im not", "they havent", "they didnt", "not yet" })
            {
                phrases[$"{word} {echo}"] = Kind.No;
            }
        }

        foreach (var (kind, list) in Lexicon)
        {
            foreach (var phrase in list)
            {
                var normalized = Utterance.Parse(phrase).Normalized;
                phrases[normalized] = kind;
                if (kind == Kind.Yes)
                {
                    phrases.TryAdd("not " + normalized, Kind.No); // "not ok", "not correct", "not fine"
                }
            }
        }

        return phrases.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
