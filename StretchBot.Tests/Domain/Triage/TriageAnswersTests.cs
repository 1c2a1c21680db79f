using StretchBot.Domain.Triage;
using StjSerializer = System.Text.Json.JsonSerializer;

namespace StretchBot.Tests.Domain.Triage;

public class TriageAnswersTests
{
    private static TriageAnswers Filled() => new()
    {
        ConsentConfirmed = true,
        ConsentConfirmedAt = new DateTimeOffset(2026, 11, 24, 14, 0, 0, TimeSpan.Zero),
        RedFlagAnswers = { ["saddle-numbness"] = false, ["fever"] = true },
        ClinicianClearedRedFlags = true,
        ClinicianClearedRedFlagsAt = new DateTimeOffset(2026, 11, 25, 9, 30, 0, TimeSpan.FromHours(1)),
        PainNow = 6,
        Duration = PainDuration.SixToTwelveWeeks,
        Location = PainLocation.DownOneLeg,
        WorseWith = WorseWith.BendingForwardOrSitting,
        Diagnoses = [Diagnosis.DiscBulgeOrProlapse, Diagnosis.HipReplacement],
        CanGetToFloor = false,
        SitsForLongPeriods = true,
        Runs = false,
        AgeBand = AgeBand.From51To65,
    };

    [Fact]
    public void AnswersSurviveNewtonsoftJsonWithDefaultSettings()
    {
        var json = Newtonsoft.Json.JsonConvert.SerializeObject(Filled());
        var back = Newtonsoft.Json.JsonConvert.DeserializeObject<TriageAnswers>(json)!;
        AssertSameAnswers(Filled(), back);
    }

    [Fact]
    public void AnswersSurviveSystemTextJsonWithDefaultSettings()
    {
        var json = StjSerializer.Serialize(Filled());
        var back = StjSerializer.Deserialize<TriageAnswers>(json)!;
        AssertSameAnswers(Filled(), back);
    }

    [Fact]
    public void StoredAnswersWrittenByOneSerializerAreReadByTheOther()
    {
        var viaNewtonsoft = StjSerializer.Deserialize<TriageAnswers>(Newtonsoft.Json.JsonConvert.SerializeObject(Filled()))!;
        AssertSameAnswers(Filled(), viaNewtonsoft);
        var viaStj = Newtonsoft.Json.JsonConvert.DeserializeObject<TriageAnswers>(StjSerializer.Serialize(Filled()))!;
        AssertSameAnswers(Filled(), viaStj);
    }

    [Fact]
    public void EnumsAreStoredByTheirNames()
    {
        foreach (var json in new[] { Newtonsoft.Json.JsonConvert.SerializeObject(Filled()), StjSerializer.Serialize(Filled()) })
        {
            Assert.Contains("\"DownOneLeg\"", json);
            Assert.Contains("\"BendingForwardOrSitting\"", json);
            Assert.Contains("\"DiscBulgeOrProlapse\"", json);
            Assert.Contains("\"From51To65\"", json);
        }
    }

    [Fact]
    public void UnansweredQuestionsStayUnansweredAfterARoundTrip()
    {
        var empty = new TriageAnswers();
        foreach (var back in new[]
        {
            Newtonsoft.Json.JsonConvert.DeserializeObject<TriageAnswers>(Newtonsoft.Json.JsonConvert.SerializeObject(empty))!,
            StjSerializer.Deserialize<TriageAnswers>(StjSerializer.Serialize(empty))!,
        })
        {
            Assert.Null(back.ConsentConfirmed);
            Assert.Null(back.PainNow);
            Assert.Null(back.WorseWith);
            Assert.Null(back.Diagnoses);
            Assert.Null(back.CanGetToFloor);
            Assert.Empty(back.RedFlagAnswers);
        }
    }

    [Fact]
    public void NullRedFlagAnswersInStoredStateReadAsNoneAnswered()
    {
        var back = StjSerializer.Deserialize<TriageAnswers>("{\"RedFlagAnswers\":null}")!;
        Assert.Empty(back.RedFlagYesIds());
        var viaNewtonsoft = Newtonsoft.Json.JsonConvert.DeserializeObject<TriageAnswers>("{\"RedFlagAnswers\":null}")!;
        Assert.Empty(viaNewtonsoft.RedFlagYesIds());
    }

    [Fact]
    public void RedFlagYesIdsListsOnlyTheYesAnswers()
    {
        var answers = new TriageAnswers { RedFlagAnswers = { ["fever"] = true, ["bowel-control"] = false, ["cancer-history"] = true } };
        Assert.Equal(["cancer-history", "fever"], answers.RedFlagYesIds());
    }

    [Fact]
    public void CloneDoesNotShareListsWithTheOriginal()
    {
        var original = Filled();
        var copy = original.Clone();
        copy.Diagnoses!.Add(Diagnosis.Osteoporosis);
        copy.RedFlagAnswers["bowel-control"] = true;
        Assert.DoesNotContain(Diagnosis.Osteoporosis, original.Diagnoses!);
        Assert.False(original.RedFlagAnswers.ContainsKey("bowel-control"));
        AssertSameAnswers(Filled(), original);
    }

    private static void AssertSameAnswers(TriageAnswers expected, TriageAnswers actual)
    {
        Assert.Equal(expected.ConsentConfirmed, actual.ConsentConfirmed);
        Assert.Equal(expected.ConsentConfirmedAt, actual.ConsentConfirmedAt);
        Assert.Equal(expected.RedFlagAnswers.OrderBy(p => p.Key), actual.RedFlagAnswers.OrderBy(p => p.Key));
        Assert.Equal(expected.ClinicianClearedRedFlags, actual.ClinicianClearedRedFlags);
        Assert.Equal(expected.ClinicianClearedRedFlagsAt, actual.ClinicianClearedRedFlagsAt);
        Assert.Equal(expected.PainNow, actual.PainNow);
        Assert.Equal(expected.Duration, actual.Duration);
        Assert.Equal(expected.Location, actual.Location);
        Assert.Equal(expected.WorseWith, actual.WorseWith);
        Assert.Equal(expected.Diagnoses, actual.Diagnoses);
        Assert.Equal(expected.CanGetToFloor, actual.CanGetToFloor);
        Assert.Equal(expected.SitsForLongPeriods, actual.SitsForLongPeriods);
        Assert.Equal(expected.Runs, actual.Runs);
        Assert.Equal(expected.AgeBand, actual.AgeBand);
    }
}
