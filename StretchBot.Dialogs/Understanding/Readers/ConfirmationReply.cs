namespace StretchBot.Dialogs.Understanding.Readers;

/// <summary>How a reply answers a confirming yes/no question ("Did you mean about 3 weeks?").</summary>
public enum ConfirmationAnswer
{
    /// <summary>Not a yes or a no: maybe a fresh answer to the original question.</summary>
    SomethingElse = 0,
    Yes = 1,
    No = 2,

    /// <summary>A hedge the question cannot take ("not really" to a warning-sign question): ask for a clear yes or no.</summary>
    Unclear = 3,
}

/// <summary>
/// Reads the reply to a confirming question. On a safety question the safe answer takes every hedge that leans
/// its way or says "not sure" (a warning sign: "a bit" and "not sure" are yes; consent: "I think so" is no).
/// </summary>
public static class ConfirmationReply
{
    /// <param name="aboutSign">The warning sign the question is about, if any: a reply in words ("only one leg",
    /// "it's there all the time") answers it through the sign's own vocabulary, and those words outweigh a yes or no
    /// word beside them ("it's been 7 weeks, no better" is a yes to "not improving"; "had a bug and didn't make it"
    /// to the bowel question is not a clear no).</param>
    public static ConfirmationAnswer Read(string? text, bool? safeAnswer, string? aboutSign = null)
    {
        var utterance = Text.Utterance.Parse(text);
        if (aboutSign is not null && AsksWhatItMeans(utterance))
        {
            return ConfirmationAnswer.SomethingElse; // "what counts as a weakened immune system?": the question again
        }

        var reading = YesNo.Read(utterance);
        var (bySign, sure) = aboutSign is null ? (ConfirmationAnswer.SomethingElse, false) : BySign(text, aboutSign);
        if (bySign == ConfirmationAnswer.Yes && !reading.Plain)
        {
            return sure || !reading.IsNo ? ConfirmationAnswer.Yes : ConfirmationAnswer.Unclear;
        }

        if (reading.Answer == YesNoAnswer.Neither && !reading.DoesNotKnow)
        {
            return bySign;
        }

        return safeAnswer switch
        {
            true when reading.IsYes || reading.DoesNotKnow => ConfirmationAnswer.Yes,
            true when reading.IsNo => reading.Hedged ? ConfirmationAnswer.Unclear : ConfirmationAnswer.No,
            false when reading.IsYes && reading.IsClear => ConfirmationAnswer.Yes,
            false => ConfirmationAnswer.No,
            _ when reading.DoesNotKnow || reading.Answer == YesNoAnswer.Neither => ConfirmationAnswer.Unclear,
            _ => reading.IsYes ? ConfirmationAnswer.Yes : ConfirmationAnswer.No,
        };
    }

    // The sign's own words: a plain mention is a sure yes, a vague one a yes that a "no" beside it makes unclear.
    private static (ConfirmationAnswer Answer, bool Sure) BySign(string? text, string sign)
    {
        var vocabulary = SignVocabulary.Default;
        var utterance = Text.Utterance.Parse(text, vocabulary.Vocabulary);
        var mentions = SignMentions.Find(utterance, vocabulary.Book);
        var yes = new HashSet<string>(mentions.Yes);
        var ask = new HashSet<string>(mentions.Ask);
        var notNew = sign == Domain.RedFlags.RedFlagIds.AgeAtOnset && (AgeAtOnset.Read(utterance, yes, ask) == false || AgeAtOnset.IsLongStanding(utterance));
        var notLongEnough = sign == Domain.RedFlags.RedFlagIds.NotImproving && NotImproving.Read(utterance, yes, ask) == false;
        var temperature = sign is Domain.RedFlags.RedFlagIds.Fever or Domain.RedFlags.RedFlagIds.VeryUnwell ? Temperature.IsHigh(utterance) : null;
        if (yes.Contains(sign) || temperature == true || (sign == Domain.RedFlags.RedFlagIds.BothLegs && utterance.Words.Any(w => w.Form is "both")))
        {
            return (ConfirmationAnswer.Yes, true);
        }

        if (ask.Contains(sign))
        {
            return (ConfirmationAnswer.Yes, false);
        }

        var no = mentions.Negated.Contains(sign) || mentions.Denied.Contains(sign) || notNew || notLongEnough || temperature == false;
        return (no ? ConfirmationAnswer.No : ConfirmationAnswer.SomethingElse, no);
    }

    // A question about the question's own words: "what counts as...?", "what do you mean by...?", "what's a fever?".
    private static bool AsksWhatItMeans(Text.Utterance utterance)
        => utterance.Count > 1 && YesNo.IsQuestionBack(utterance)
            && (utterance[0].Form is "whats" or "define" || (utterance[0].Form == "what" && utterance[1].Form is "counts" or "count" or "do" or "does" or "is" or "are" or "exactly" or "kind" or "sort" or "type"));

    /// <summary>True when the reply is nothing but a yes or a no ("yes", "nope", "yes please"), with nothing else to read.</summary>
    public static bool IsPlain(string? text) => YesNo.Read(text).Plain;
}
