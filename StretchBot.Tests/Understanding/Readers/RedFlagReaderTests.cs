using StretchBot.Domain.RedFlags;
using StretchBot.Dialogs.Understanding;
using StretchBot.Dialogs.Understanding.Readers;

namespace StretchBot.Tests.Understanding.Readers;

/// <summary>Typed answers to the warning-sign cards: never a wrong "none", never a sign from a number in a sentence.</summary>
public class RedFlagReaderTests
{
    private static readonly RedFlagReader Reader = RedFlagReader.Default;

    private static Reading<RedFlagReply> Emergency(string text) => Reader.Read(text, RedFlagCatalog.Emergency);

    private static Reading<RedFlagReply> SeeDoctor(string text) => Reader.Read(text, RedFlagCatalog.SeeDoctorSoon);

    [Theory]
    [InlineData("no")]
    [InlineData("none of these")]
    [InlineData("nope")]
    [InlineData("n")]
    [InlineData("no to all")]
    [InlineData("\U0001F44E")]
    public void APlainNoIsNone(string text)
    {
        var reading = Emergency(text);
        Assert.True(reading.IsUnderstood);
        Assert.Equal(RedFlagReply.None, reading.Value);
    }

    [Theory]
    [InlineData("not really, my privates are numb", RedFlagIds.SaddleNumbness)]
    [InlineData("my bum has gone numb", RedFlagIds.SaddleNumbness)]
    [InlineData("no, but I've been leaking", RedFlagIds.BladderChange)]
    [InlineData("none apart from leaking", RedFlagIds.BladderChange)]
    [InlineData("I wet myself yesterday", RedFlagIds.BladderChange)]
    [InlineData("I fell off a ladder", RedFlagIds.SeriousInjury)]
    [InlineData("both my legs are numb", RedFlagIds.BothLegs)]
    [InlineData("my foot drags when I walk", RedFlagIds.LegWeakness)]
    [InlineData("I can't get an erection any more", RedFlagIds.SexualFunction)]
    [InlineData("I'm confused and shivering", RedFlagIds.VeryUnwell)]
    public void AnEverydayWordForAnEmergencySignIsThatSignWhateverElseIsSaid(string text, string sign)
    {
        var reading = Emergency(text);
        var yes = reading.Tentative?.Yes ?? [];
        Assert.Contains(sign, yes);
        Assert.Equal(RedFlagOutcome.Emergency, RedFlagRules.Assess(yes));
    }

    [Theory]
    [InlineData("numb around my bum a bit", RedFlagIds.SaddleNumbness)]
    [InlineData("I've been using pads", RedFlagIds.BladderChange)]
    [InlineData("I had a fall last week", RedFlagIds.SeriousInjury)]
    [InlineData("maybe a bit numb down there", RedFlagIds.SaddleNumbness)]
    public void AVagueMentionIsAskedAboutThatOneSignWithAYesNoQuestion(string text, string sign)
    {
        var reading = Emergency(text);
        Assert.True(reading.IsUnsure);
        Assert.Equal(sign, reading.About);
        Assert.Contains(RedFlagCatalog.Get(sign).Question, reading.Question);
        Assert.True(reading.SafeAnswer); // "a bit" or "not sure" to it counts as yes
        Assert.Contains(sign, reading.IfYes!.Tentative!.Yes);
    }

    [Theory]
    [InlineData("no, it's been 3 weeks")]
    [InlineData("first time I've had back pain, none of those")]
    [InlineData("I had a fall last week")]
    [InlineData("no. 4 weeks of pain")]
    [InlineData("the last two weeks have been bad")]
    public void ANumberOrPositionWordInASentenceNeverStopsForAnEmergency(string text)
    {
        var reading = Emergency(text);
        Assert.False(reading.IsUnderstood && RedFlagRules.Assess(reading.Value!.Yes) == RedFlagOutcome.Emergency);
    }

    [Theory]
    [InlineData("no, it's been 3 weeks")]
    [InlineData("first time I've had back pain, none of those")]
    [InlineData("not really")]
    [InlineData("I don't think so")]
    public void ANoWithOtherWordsOrAHedgeIsConfirmedNotAssumed(string text)
    {
        var reading = Emergency(text);
        Assert.True(reading.IsUnsure);
        Assert.Equal(RedFlagReader.ConfirmNoneQuestion, reading.Question);
        Assert.False(reading.SafeAnswer); // only a clear yes confirms a none
    }

    [Theory]
    [InlineData("no, except my back really aches")]
    [InlineData("none but sometimes")]
    public void ANoWithAnExceptionItDoesNotNameIsAskedAgain(string text)
        => Assert.Equal(ReadingKind.NotUnderstood, Emergency(text).Kind);

    [Theory]
    [InlineData("2", new[] { RedFlagIds.BladderChange })]
    [InlineData("the second one", new[] { RedFlagIds.BladderChange })]
    [InlineData("1 and 4", new[] { RedFlagIds.SaddleNumbness, RedFlagIds.BothLegs })]
    [InlineData("No to 1-7, yes to 8", new[] { RedFlagIds.VeryUnwell })]
    public void AReplyThatIsOnlyPositionsPicksThoseQuestions(string text, string[] signs)
    {
        var reading = Emergency(text);
        Assert.True(reading.IsUnderstood);
        Assert.Equal(signs.Order(), reading.Value!.Yes.Order());
    }

    [Fact]
    public void ASignOfTheOtherTierIsCarriedAndTheRestOfTheCardIsNo()
    {
        var reading = Emergency("no. I'm immunocompromised");
        Assert.True(reading.IsUnderstood);
        Assert.Equal([RedFlagIds.InfectionRisk], reading.Value!.Yes);
        Assert.True(reading.Value.RestAreNo);
    }

    [Theory]
    [InlineData("the pain never goes away, even lying down", RedFlagIds.ConstantOrNightPain)]
    [InlineData("no. I'm immunocompromised", RedFlagIds.InfectionRisk)]
    [InlineData("I'm running a temp", RedFlagIds.Fever)]
    [InlineData("lost a stone without trying", RedFlagIds.WeightLoss)]
    [InlineData("I'm 58 and this came on out of nowhere", RedFlagIds.AgeAtOnset)]
    [InlineData("38.9 this morning", RedFlagIds.Fever)]
    [InlineData("Had TB last year", RedFlagIds.InfectionRisk)]
    public void SeeADoctorSignsInEverydayWordsCount(string text, string sign)
        => Assert.Contains(sign, SeeDoctor(text).Tentative?.Yes ?? []);

    [Theory]
    [InlineData("my mum had cancer, not me")]
    [InlineData("lost weight on purpose, I've been dieting")]
    [InlineData("worse at night but if I turn over it eases")]
    [InlineData("no, resting helps")]
    [InlineData("sick of this pain, that's all")]
    public void WordsThatTakeASignBackAreNotThatSign(string text)
        => Assert.Equal(RedFlagOutcome.None, RedFlagRules.Assess(SeeDoctor(text).Tentative?.Yes ?? []));

    [Fact]
    public void SevenWeeksNoBetterIsTheNotImprovingSign()
        => Assert.Contains(RedFlagIds.NotImproving, SeeDoctor("it's been 7 weeks, no better").Tentative?.Yes ?? []);

    [Theory]
    [InlineData("2 weeks, no better")]
    [InlineData("a fortnight and still the same")]
    public void NoBetterAfterLessThanFourWeeksIsNotAskedAboutAsNotImproving(string text)
    {
        var reading = SeeDoctor(text);
        Assert.NotEqual(RedFlagIds.NotImproving, reading.About);
        Assert.Equal(RedFlagReader.ConfirmNoneQuestion, reading.Question);
    }

    [Theory]
    [InlineData("had it on and off since my 20s, I'm 60 now")]
    [InlineData("I'm 62 and have had a bad back since I was a teenager")]
    public void AnAgeWithPainThatIsNotNewIsNotTheAgeAtOnsetSign(string text)
    {
        var reading = SeeDoctor(text);
        Assert.DoesNotContain(RedFlagIds.AgeAtOnset, reading.Tentative?.Yes ?? []);
        Assert.Equal(RedFlagReader.ConfirmNoneQuestion, reading.Question);
    }

    [Fact]
    public void AContrastBeforeTheNoIsNotAnExceptionToIt()
        => Assert.Equal(RedFlagReader.ConfirmNoneQuestion, SeeDoctor("had a cold last week but fine now").Question);

    [Fact]
    public void ATemperatureGivenAsANumberIsTheFeverAndVeryUnwellIsNotAskedAgainAfterTheEmergencyCard()
    {
        var reading = SeeDoctor("temp of 38");
        Assert.True(reading.IsUnderstood);
        Assert.Equal([RedFlagIds.Fever], reading.Value!.Yes);
    }

    [Theory]
    [InlineData("I was sick all week", RedFlagIds.VeryUnwell)]
    [InlineData("I can't walk", RedFlagIds.LegWeakness)]
    [InlineData("came off my motorbike", RedFlagIds.SeriousInjury)]
    [InlineData("had diarrhoea and didn't make it", RedFlagIds.BowelControl)]
    public void EverydayWordsThatMayMeanAnEmergencySignAreAskedAbout(string text, string sign)
    {
        var reading = Emergency(text);
        Assert.True(reading.IsUnsure);
        Assert.Equal(sign, reading.About);
    }

    [Fact]
    public void AYesWithoutSayingWhichAsksWhichOnes()
    {
        var reading = Emergency("yes");
        Assert.Equal(ReadingKind.NotUnderstood, reading.Kind);
        Assert.Equal(RedFlagReader.WhichOnesRemark, reading.Remark);
    }

    [Theory]
    [InlineData("banana")]
    [InlineData("asdfgh")]
    [InlineData("")]
    public void NonsenseIsAskedAgain(string text)
        => Assert.Equal(ReadingKind.NotUnderstood, Emergency(text).Kind);
}
