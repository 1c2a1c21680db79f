using StretchBot.Dialogs.Understanding;
using StretchBot.Dialogs.Understanding.Readers;

namespace StretchBot.Tests.Understanding.Readers;

/// <summary>The triage's yes/no questions with words of their own, and consent only from a clinician.</summary>
public class YesNoQuestionReadersTests
{
    [Theory]
    [InlineData("yes, easily", true)]
    [InlineData("no problem", true)]
    [InlineData("I can get down but not back up", false)]
    [InlineData("only with help", false)]
    [InlineData("not sure", false)]
    [InlineData("I'm in a wheelchair", false)]
    [InlineData("No, or not sure", false)]
    [InlineData("used to", false)]
    public void TheFloorIsAYesOnlyWhenDownAndUpAreBothFine(string text, bool expected)
        => Assert.Equal(expected, TriageYesNoReaders.Floor.Read(text).Value);

    [Fact]
    public void GettingDownAloneIsCheckedBeforeFloorStretchesAreOffered()
    {
        var reading = TriageYesNoReaders.Floor.Read("i can get down ok");
        Assert.True(reading.IsUnsure);
        Assert.False(reading.SafeAnswer);
    }

    [Theory]
    [InlineData("I work at a desk all day", true)]
    [InlineData("I drive for a living", true)]
    [InlineData("no I stand at a standing desk", false)]
    [InlineData("I'm on my feet all day, nurse", false)]
    public void SittingIsReadFromJobsAndHabits(string text, bool expected)
        => Assert.Equal(expected, TriageYesNoReaders.Sitting.Read(text).Value);

    [Theory]
    [InlineData("I jog", true)]
    [InlineData("parkrun most weekends", true)]
    [InlineData("I used to", false)]
    [InlineData("no I swim", false)]
    [InlineData("wish i did", false)]
    [InlineData("yeah no", false)]
    [InlineData("treadmill at the gym", true)]
    [InlineData("I'd like to start", false)]
    [InlineData("thinking about starting couch to 5k", false)]
    public void RunningIsReadFromSportAndThePast(string text, bool expected)
        => Assert.Equal(expected, TriageYesNoReaders.Running.Read(text).Value);

    [Fact]
    public void AQuestionBackIsNotAnAnswer()
        => Assert.Equal(ReadingKind.NotUnderstood, TriageYesNoReaders.Running.Read("what does running have to do with it").Kind);

    [Theory]
    [InlineData("yes")]
    [InlineData("yeah I have")]
    [InlineData("my GP said gentle stretching is fine")]
    [InlineData("the physio gave me these stretches")]
    public void ConsentFromAClinicianIsAYes(string text)
    {
        var reading = ClinicianOkReader.Consent.Read(text);
        Assert.True(reading.IsUnderstood);
        Assert.True(reading.Value);
    }

    [Theory]
    [InlineData("my friend said it's fine")]
    [InlineData("my personal trainer")]
    [InlineData("Google")]
    [InlineData("a YouTube physio recommended these")]
    public void ConsentFromSomeoneWhoIsNotAClinicianIsExplainedAndAskedAgain(string text)
    {
        var reading = ClinicianOkReader.Consent.Read(text);
        Assert.Equal(ReadingKind.NotUnderstood, reading.Kind);
        Assert.Equal(ClinicianOkReader.NotClinicianRemark, reading.Remark);
    }

    [Theory]
    [InlineData("not yet")]
    [InlineData("no but I'm sure it's fine")]
    [InlineData("I've got a GP appt on Thursday")]
    [InlineData("doc said avoid bending for 2 weeks")]
    [InlineData("My doctor hasn't said anything either way")]
    [InlineData("Appointment's next Tuesday")]
    public void ANoOrAVisitStillToComeIsANo(string text)
        => Assert.False(ClinicianOkReader.Consent.Read(text).Value);

    [Theory]
    [InlineData("osteopath said its fine")]
    [InlineData("Chiropractor said gentle stretching is ok")]
    public void AnOsteopathsOrChiropractorsOkIsConfirmedNotTaken(string text)
    {
        var reading = ClinicianOkReader.Consent.Read(text);
        Assert.True(reading.IsUnsure);
        Assert.StartsWith("Just to be sure", reading.Question, StringComparison.Ordinal);
        Assert.True(reading.IfYes!.Value);
    }

    [Theory]
    [InlineData("I think so")]
    [InlineData("ok")]
    [InlineData("\U0001F44D")]
    [InlineData("my chiropractor said to stretch")]
    [InlineData("osteopath said its fine")]
    [InlineData("chiropractor says go for it")]
    [InlineData("my osteo has")]
    public void AnythingLessThanAClearYesIsConfirmedAndOnlyAClearYesConfirmsIt(string text)
    {
        var reading = ClinicianOkReader.Consent.Read(text);
        Assert.True(reading.IsUnsure);
        Assert.False(reading.SafeAnswer);
    }
}
