using StretchBot.Dialogs.Understanding.Text;

namespace StretchBot.Tests.Understanding.Text;

/// <summary>Negation and hedge scope: what a "no" reaches, and what it does not.</summary>
public class ScopeTests
{
    private static Polarity PolarityOf(string text, string word)
    {
        var utterance = Utterance.Parse(text);
        var index = utterance.Words.ToList().FindIndex(w => w.Form == word);
        return Scope.PolarityOf(utterance, index, index + 1);
    }

    [Theory]
    [InlineData("no numbness", "numbness", Polarity.Negated)]
    [InlineData("I don't run", "run", Polarity.Negated)]
    [InlineData("not a disc, they think it's arthritis", "arthritis", Polarity.Uncertain)] // options read it as said; signs ask
    [InlineData("no, my privates are numb", "numb", Polarity.Affirmed)]
    [InlineData("not really, my privates are numb", "numb", Polarity.Affirmed)]
    [InlineData("no numbness but I've been leaking", "leaking", Polarity.Affirmed)]
    [InlineData("I don't have numbness, tingling or weakness", "weakness", Polarity.Uncertain)]
    [InlineData("no I stand at a standing desk", "stand", Polarity.Affirmed)]
    [InlineData("not sure, maybe sitting", "sitting", Polarity.Affirmed)]
    public void ADenialReachesTheEndOfItsClauseAndNoFurther(string text, string word, Polarity expected)
        => Assert.Equal(expected, PolarityOf(text, word));

    [Theory]
    [InlineData("maybe a bit numb", true)]
    [InlineData("numb down there?", true)]
    [InlineData("numb down there", false)]
    public void AHedgeOrAQuestionMarkMakesAMentionUnsure(string text, bool expected)
    {
        var utterance = Utterance.Parse(text);
        var index = utterance.Words.ToList().FindIndex(w => w.Form == "numb");
        Assert.Equal(expected, Scope.IsHedged(utterance, index, index + 1));
    }
}
