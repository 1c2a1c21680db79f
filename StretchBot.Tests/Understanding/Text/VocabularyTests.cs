using StretchBot.Dialogs.Understanding.Readers;
using StretchBot.Dialogs.Understanding.Text;

namespace StretchBot.Tests.Understanding.Text;

/// <summary>Small typos are mended towards the words a reader looks for; real words and "no" words never are.</summary>
public class VocabularyTests
{
    private static readonly Vocabulary Words = new(["sitting", "standing", "numbness", "incontinence", "none", "never"], EnglishWords.All);

    [Theory]
    [InlineData("sittng", "sitting")]
    [InlineData("standnig", "standing")]
    [InlineData("numbnes", "numbness")]
    [InlineData("incontinance", "incontinence")]
    public void ATypoOfAWordOfFiveOrMoreLettersIsMended(string typed, string meant)
        => Assert.Equal(meant, Words.Mend(typed));

    [Theory]
    [InlineData("setting")]   // a real word stays itself
    [InlineData("bak")]       // too short to mend
    [InlineData("nonne")]     // never mended into a "no" word
    [InlineData("nevr")]
    public void RealWordsShortWordsAndNoWordsAreNotMended(string typed)
        => Assert.Equal(typed, Words.Mend(typed));

    [Fact]
    public void AMendedSignWordIsAskedAboutNotTaken()
    {
        var reading = RedFlagReader.Default.Read("numbnes around my privates", StretchBot.Domain.RedFlags.RedFlagCatalog.Emergency);
        Assert.True(reading.IsUnsure);
    }

    [Theory]
    [InlineData(1, "abc", "abd")]
    [InlineData(1, "form", "from")]
    [InlineData(2, "kitten", "sittem")]
    [InlineData(3, "kitten", "sitting")] // more than the limit of 2: reported as 3
    public void EditDistanceCountsInsertionsDeletionsSubstitutionsAndSwapsUpToALimit(int expected, string a, string b)
        => Assert.Equal(expected, Vocabulary.EditDistance(a, b, 2));
}
