using StretchBot.Dialogs.Understanding.Text;

namespace StretchBot.Dialogs.Understanding.Readers;

/// <summary>
/// A yes/no question with words of its own ("Do you run?": "I jog" is a yes, "I used to" a no). Evidence from the
/// question's words and from yes/no words is combined; a denied word counts the other way ("I don't run").
/// With <c>noWins</c> (a question whose safe answer is no, such as getting down to the floor), any sign of a no
/// is a no, and a hedged yes is confirmed.
/// </summary>
public sealed class YesNoQuestionReader
{
    private readonly OptionWords<bool> _words;
    private readonly string _confirmYes;
    private readonly bool _noWins;

    private OptionWords<bool>? _otherQuestion;

    public YesNoQuestionReader(OptionWords<bool> words, string confirmYes, bool noWins = false)
    {
        _words = words ?? throw new ArgumentNullException(nameof(words));
        _confirmYes = confirmYes;
        _noWins = noWins;
    }

    public OptionWords<bool> Vocabulary => _words;

    /// <summary>A reply made only of another question's words ("yes I sit a lot" to "Do you run?") answers that one, not this.</summary>
    public YesNoQuestionReader NotToBeConfusedWith(OptionWords<bool> other)
    {
        _otherQuestion = other;
        return this;
    }

    public Reading<bool> Read(string? text)
    {
        var utterance = _words.Parse(text);
        if (utterance.IsEmpty || YesNo.IsQuestionBack(utterance))
        {
            return Reading<bool>.NotUnderstood();
        }

        var mentions = _words.Find(utterance);
        if (mentions.All.Count == 0 && _otherQuestion is not null && _otherQuestion.Find(_otherQuestion.Parse(text)).All.Any(m => m.Said && m.Value))
        {
            return Reading<bool>.NotUnderstood();
        }

        var evidence = mentions.All.Where(m => m.Polarity != Polarity.Uncertain).Select(m => m.Said ? m.Value : !m.Value).ToHashSet();
        var yesNo = YesNo.Read(utterance);
        if (yesNo.Answer != YesNoAnswer.Neither && !yesNo.DoesNotKnow)
        {
            evidence.Add(yesNo.IsYes);
        }
        else if (_noWins && (yesNo.DoesNotKnow || yesNo.SaidNo))
        {
            evidence.Add(false); // "no, or not sure": when in doubt, the safe answer
        }

        if (_noWins && evidence.Contains(false))
        {
            return Reading<bool>.Understood(false);
        }

        if (evidence.Count != 1)
        {
            return Reading<bool>.NotUnderstood();
        }

        var answer = evidence.Single();
        var hedged = yesNo.Hedged || mentions.All.Any(m => m.Said && m.Value == answer && (m.Hedged || m.Typo));
        if (answer && hedged)
        {
            return _noWins
                ? Reading<bool>.AskCarefully(_confirmYes, safeAnswer: false, Reading<bool>.Understood(true), Reading<bool>.Understood(false))
                : Reading<bool>.Ask(_confirmYes, Reading<bool>.Understood(true), Reading<bool>.Understood(false));
        }

        return Reading<bool>.Understood(answer);
    }
}
