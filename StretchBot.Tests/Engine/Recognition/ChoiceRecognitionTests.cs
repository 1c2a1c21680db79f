using StretchBot.Dialogs.Engine.Recognition;

namespace StretchBot.Tests.Engine.Recognition;

public class ChoiceRecognitionTests
{
    private static readonly ChoiceOption[] WorseWhen =
    [
        new("bending", "Bending forward", ["bend forward", "bending over", "leaning forward"]),
        new("walking", "Walking or standing", ["walking", "standing", "walk"]),
        new("sitting", "Sitting", ["sit", "sitting down"]),
        new("not-sure", "Not sure", ["don't know", "no idea"]),
    ];

    private static readonly ChoiceOption[] Conditions =
    [
        new("disc-bulge", "Disc bulge", ["slipped disc", "herniated disc"]),
        new("arthritis", "Arthritis", ["osteoarthritis", "wear and tear"]),
        new("stenosis", "Spinal stenosis", ["stenosis"]),
        new("sciatica", "Sciatica"),
    ];

    [Theory]
    [InlineData("Bending forward", "bending")]
    [InlineData("bending forward!", "bending")]
    [InlineData("BENDING", "bending")]
    [InlineData("Sitting", "sitting")]
    [InlineData("not-sure", "not-sure")]
    [InlineData("sitting down", "sitting")]
    [InlineData("mostly when I bend forward", "bending")]
    [InlineData("it's worse when I walk to the shops", "walking")]
    [InlineData("I don't know", "not-sure")]
    [InlineData("the second one", "walking")]
    [InlineData("2nd", "walking")]
    [InlineData("first", "bending")]
    [InlineData("the third", "sitting")]
    [InlineData("last", "not-sure")]
    [InlineData("the last one", "not-sure")]
    [InlineData("second to last", "sitting")]
    [InlineData("penultimate", "sitting")]
    [InlineData("2", "walking")]
    [InlineData("number 3", "sitting")]
    [InlineData("option 1 please", "bending")]
    public void TypedAnswerPicksTheOptionItNames(string text, string expectedValue)
    {
        Assert.Equal(expectedValue, ChoiceRecognition.Recognize(text, WorseWhen, "en-us")?.Value);
    }

    [Theory]
    [InlineData("walking and sitting")]
    [InlineData("the first or the second")]
    [InlineData("1 or 2")]
    [InlineData("5")]
    [InlineData("the fifth")]
    [InlineData("banana")]
    [InlineData("I have 2 kids")]
    [InlineData("")]
    [InlineData(null)]
    public void AnswerNamingNoneOrTwoOptionsPicksNothing(string? text)
    {
        Assert.Null(ChoiceRecognition.Recognize(text, WorseWhen, "en-us"));
    }

    [Fact]
    public void OptionWordMatchesOnlyAsAWholeWord()
    {
        ChoiceOption[] yesNo = [new("yes", "Yes"), new("no", "No")];

        Assert.Null(ChoiceRecognition.Recognize("I know", yesNo, "en-us"));
        Assert.Null(ChoiceRecognition.Recognize("nothing", yesNo, "en-us"));
        Assert.Equal("no", ChoiceRecognition.Recognize("no, not that", yesNo, "en-us")?.Value);
    }

    [Fact]
    public void LongerPhraseWinsOverAShorterOneInsideIt()
    {
        ChoiceOption[] where =
        [
            new("back", "Back pain"),
            new("low-back", "Low back pain"),
        ];

        Assert.Equal("low-back", ChoiceRecognition.Recognize("I have low back pain", where, "en-us")?.Value);
        Assert.Equal("back", ChoiceRecognition.Recognize("back pain mostly", where, "en-us")?.Value);
    }

    [Fact]
    public void SynonymSharedByTwoOptionsIsAmbiguous()
    {
        ChoiceOption[] options =
        [
            new("upper", "Upper back", ["back"]),
            new("lower", "Lower back", ["back"]),
        ];

        Assert.Null(ChoiceRecognition.Recognize("back", options, "en-us"));
        Assert.Null(ChoiceRecognition.Recognize("my back", options, "en-us"));
        Assert.Equal("lower", ChoiceRecognition.Recognize("lower back", options, "en-us")?.Value);
    }

    [Fact]
    public void BareNumberIsNotAnIndexWhenOptionsAreNumbers()
    {
        ChoiceOption[] minutes = [new("5", "5"), new("10", "10"), new("15", "15")];

        Assert.Null(ChoiceRecognition.Recognize("2", minutes, "en-us"));
        Assert.Equal("10", ChoiceRecognition.Recognize("10", minutes, "en-us")?.Value);
        Assert.Equal("15", ChoiceRecognition.Recognize("the third", minutes, "en-us")?.Value);
    }

    [Theory]
    [InlineData("disc bulge and arthritis", "disc-bulge,arthritis")]
    [InlineData("arthritis and a slipped disc", "disc-bulge,arthritis")]
    [InlineData("spinal stenosis", "stenosis")]
    [InlineData("sciatica, sciatica", "sciatica")]
    [InlineData("wear and tear plus sciatica", "arthritis,sciatica")]
    [InlineData("1 and 3", "disc-bulge,stenosis")]
    [InlineData("1, 3", "disc-bulge,stenosis")]
    [InlineData("1,3", "disc-bulge,stenosis")]
    [InlineData("the first and the last", "disc-bulge,sciatica")]
    [InlineData("2nd and 3rd", "arthritis,stenosis")]
    [InlineData("stenosis and the first one", "disc-bulge,stenosis")]
    [InlineData("osteoarthritis", "arthritis")]
    public void SeveralTypedAnswersPickEachNamedOptionOnceInOptionOrder(string text, string expectedValues)
    {
        var picked = ChoiceRecognition.RecognizeMany(text, Conditions, "en-us");

        Assert.Equal(expectedValues.Split(','), picked.Select(o => o.Value));
    }

    [Theory]
    [InlineData("banana")]
    [InlineData("1 and 7")]
    [InlineData("")]
    [InlineData(null)]
    public void SeveralAnswersNamingNothingPickNothing(string? text)
    {
        Assert.Empty(ChoiceRecognition.RecognizeMany(text, Conditions, "en-us"));
    }

    [Fact]
    public void NoOptionsPickNothing()
    {
        Assert.Null(ChoiceRecognition.Recognize("first", [], "en-us"));
        Assert.Empty(ChoiceRecognition.RecognizeMany("first", [], "en-us"));
    }
}
