using StretchBot.Domain.RedFlags;

namespace StretchBot.Tests.Domain.RedFlags;

public class RedFlagCatalogTests
{
    [Fact]
    public void EmergencyQuestionsAreAskedFirst()
    {
        var tiers = RedFlagCatalog.All.Select(q => q.Tier).ToList();
        Assert.Equal(tiers.OrderBy(t => t == RedFlagTier.Emergency ? 0 : 1), tiers);
        Assert.Equal(9, RedFlagCatalog.Emergency.Count);
        Assert.Equal(12, RedFlagCatalog.SeeDoctorSoon.Count);
    }

    [Fact]
    public void TheCheckInAsksOnlyAboutSignsThatCanStartBetweenCheckIns()
    {
        var asked = RedFlagCatalog.AtCheckIn.Select(q => q.Id).ToList();
        Assert.DoesNotContain(RedFlagIds.CancerHistory, asked);
        Assert.DoesNotContain(RedFlagIds.AgeAtOnset, asked);
        Assert.DoesNotContain(RedFlagIds.NotImproving, asked);
        Assert.Contains(RedFlagIds.SaddleNumbness, asked);
        Assert.Contains(RedFlagIds.ChestPain, asked);
        Assert.Contains(RedFlagIds.Fever, asked);
        Assert.Equal(RedFlagCatalog.All.Count - 3, asked.Count);
    }

    [Fact]
    public void EveryQuestionHasAStableIdAQuestionAndAShortForm()
    {
        Assert.Equal(RedFlagCatalog.All.Count, RedFlagCatalog.All.Select(q => q.Id).Distinct().Count());
        foreach (var question in RedFlagCatalog.All)
        {
            Assert.Matches("^[a-z]+(-[a-z]+)*$", question.Id);
            Assert.EndsWith("?", question.Question);
            Assert.False(string.IsNullOrWhiteSpace(question.ShortForm));
            Assert.True(question.ShortForm.Length < question.Question.Length, question.Id);
        }
    }

    [Theory]
    [InlineData(RedFlagIds.SaddleNumbness, "genitals")]
    [InlineData(RedFlagIds.BladderChange, "peeing")]
    [InlineData(RedFlagIds.BowelControl, "bowels")]
    [InlineData(RedFlagIds.BothLegs, "both legs")]
    [InlineData(RedFlagIds.LegWeakness, "gives way")]
    [InlineData(RedFlagIds.SexualFunction, "erection")]
    [InlineData(RedFlagIds.SeriousInjury, "accident")]
    [InlineData(RedFlagIds.VeryUnwell, "confusion")]
    public void EmergencyQuestionsCoverTheNhsEmergencySigns(string id, string words)
    {
        var question = RedFlagCatalog.Get(id);
        Assert.Equal(RedFlagTier.Emergency, question.Tier);
        Assert.Contains(words, question.Question);
    }

    [Theory]
    [InlineData(RedFlagIds.Fever, "temperature")]
    [InlineData(RedFlagIds.WeightLoss, "weight")]
    [InlineData(RedFlagIds.CancerHistory, "cancer")]
    [InlineData(RedFlagIds.ConstantOrNightPain, "night")]
    [InlineData(RedFlagIds.InfectionRisk, "immune")]
    [InlineData(RedFlagIds.AgeAtOnset, "over 50")]
    [InlineData(RedFlagIds.FragileBoneInjury, "steroid")]
    [InlineData(RedFlagIds.UpperBackPain, "shoulder blades")]
    [InlineData(RedFlagIds.NotImproving, "4 to 6 weeks")]
    public void SeeDoctorQuestionsCoverTheNhsUrgentSigns(string id, string words)
    {
        var question = RedFlagCatalog.Get(id);
        Assert.Equal(RedFlagTier.SeeDoctorSoon, question.Tier);
        Assert.Contains(words, question.Question);
    }

    [Fact]
    public void TamperedIdsAreNotKnown()
    {
        Assert.False(RedFlagCatalog.IsKnown("drop-table"));
        Assert.False(RedFlagCatalog.IsKnown(null));
        Assert.False(RedFlagCatalog.TryGet("FEVER", out _));
        Assert.True(RedFlagCatalog.IsKnown(RedFlagIds.Fever));
        Assert.Throws<KeyNotFoundException>(() => RedFlagCatalog.Get("drop-table"));
    }
}
