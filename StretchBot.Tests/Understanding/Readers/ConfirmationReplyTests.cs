using StretchBot.Domain.RedFlags;
using StretchBot.Dialogs.Understanding.Readers;

namespace StretchBot.Tests.Understanding.Readers;

/// <summary>Replies to a confirming question; on a safety question a hedge goes the safe way.</summary>
public class ConfirmationReplyTests
{
    [Theory]
    [InlineData("yes", ConfirmationAnswer.Yes)]
    [InlineData("a bit", ConfirmationAnswer.Yes)]
    [InlineData("not sure", ConfirmationAnswer.Yes)]
    [InlineData("no", ConfirmationAnswer.No)]
    [InlineData("not really", ConfirmationAnswer.Unclear)]
    [InlineData("I don't think so", ConfirmationAnswer.Unclear)]
    public void OnAWarningSignAnyLeanTowardsYesIsYesAndAHedgedNoIsAskedAgain(string text, ConfirmationAnswer expected)
        => Assert.Equal(expected, ConfirmationReply.Read(text, safeAnswer: true));

    [Theory]
    [InlineData("yes", ConfirmationAnswer.Yes)]
    [InlineData("I think so", ConfirmationAnswer.No)]
    [InlineData("not sure", ConfirmationAnswer.No)]
    [InlineData("no", ConfirmationAnswer.No)]
    public void OnConsentOnlyAClearYesIsYes(string text, ConfirmationAnswer expected)
        => Assert.Equal(expected, ConfirmationReply.Read(text, safeAnswer: false));

    [Theory]
    [InlineData("just the left", RedFlagIds.BothLegs, ConfirmationAnswer.No)]
    [InlineData("both but the right is worse", RedFlagIds.BothLegs, ConfirmationAnswer.Yes)]
    [InlineData("my foot slaps when i walk", RedFlagIds.LegWeakness, ConfirmationAnswer.Yes)]
    [InlineData("my dad did", RedFlagIds.CancerHistory, ConfirmationAnswer.No)]
    [InlineData("it's there all the time", RedFlagIds.ConstantOrNightPain, ConfirmationAnswer.Yes)]
    [InlineData("38.9 this morning", RedFlagIds.Fever, ConfirmationAnswer.Yes)]
    [InlineData("37.0", RedFlagIds.Fever, ConfirmationAnswer.No)]
    [InlineData("I'm 50", RedFlagIds.AgeAtOnset, ConfirmationAnswer.No)]
    public void AReplyInWordsAnswersAQuestionAboutOneSignThroughThatSignsWords(string text, string sign, ConfirmationAnswer expected)
        => Assert.Equal(expected, ConfirmationReply.Read(text, safeAnswer: true, sign));

    [Fact]
    public void ASevenWeekNoBetterIsAYesToNotImproving()
        => Assert.Equal(ConfirmationAnswer.Yes, ConfirmationReply.Read("it's been 7 weeks, no better", safeAnswer: true, RedFlagIds.NotImproving));

    [Theory]
    [InlineData("same as day one, about 5 weeks", RedFlagIds.NotImproving)]
    [InlineData("came off my motorbike", RedFlagIds.SeriousInjury)]
    [InlineData("no, but I did wet myself", RedFlagIds.BladderChange)]
    public void TheSignsOwnWordsOutweighAYesOrNoWordBesideThem(string text, string sign)
        => Assert.Equal(ConfirmationAnswer.Yes, ConfirmationReply.Read(text, safeAnswer: true, sign));

    [Theory]
    [InlineData("had diarrhoea from a bug and didn't make it", RedFlagIds.BowelControl)]
    [InlineData("no, just didn't make it to the loo in time once", RedFlagIds.BladderChange)]
    public void AnAccidentOnTheWayToTheToiletIsNeverANo(string text, string sign)
        => Assert.Contains(ConfirmationReply.Read(text, safeAnswer: true, sign), new[] { ConfirmationAnswer.Unclear, ConfirmationAnswer.Yes });

    [Theory]
    [InlineData("nope, peeing normally", RedFlagIds.BladderChange)]
    [InlineData("no, lying down helps", RedFlagIds.ConstantOrNightPain)]
    [InlineData("had it before, years ago", RedFlagIds.AgeAtOnset)]
    [InlineData("2 weeks, no better", RedFlagIds.NotImproving)]
    public void WordsThatRuleTheSignOutAreANo(string text, string sign)
        => Assert.Equal(ConfirmationAnswer.No, ConfirmationReply.Read(text, safeAnswer: true, sign));

    [Fact]
    public void AQuestionAboutWhatTheSignMeansIsNotAnAnswer()
        => Assert.Equal(ConfirmationAnswer.SomethingElse, ConfirmationReply.Read("what counts as a weakened immune system?", safeAnswer: true, RedFlagIds.InfectionRisk));

    [Fact]
    public void AFreshAnswerIsNeitherYesNorNo()
        => Assert.Equal(ConfirmationAnswer.SomethingElse, ConfirmationReply.Read("about 5 weeks", safeAnswer: null));
}
