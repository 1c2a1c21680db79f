using Microsoft.Extensions.Time.Testing;
using StretchBot.Dialogs.Understanding.Readers;

namespace StretchBot.Tests.Understanding.Readers;

/// <summary>Check-in times in the user's own zone; a part of a day or an ambiguous day is confirmed with the exact time.</summary>
public class FutureTimeReaderTests
{
    // Tuesday 24 November 2026, 14:00 in London (UTC+0 in winter).
    private static readonly FakeTimeProvider Time = new(new DateTimeOffset(2026, 11, 24, 14, 0, 0, TimeSpan.Zero));
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
    private static readonly FutureTimeReader Reader = new(Time);
    private static readonly FutureTimeReader.Button NextWeek = new(new DateTimeOffset(2026, 12, 1, 14, 0, 0, TimeSpan.Zero), ["Same time next week", "same time next week", "next week"]);

    private static string Local(DateTimeOffset? utc) => utc is null ? "none" : TimeZoneInfo.ConvertTime(utc.Value, London).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("next Monday at 6pm", "2026-11-30 18:00")]
    [InlineData("tomorrow 8am", "2026-11-25 08:00")]
    [InlineData("same time next week", "2026-12-01 14:00")]
    [InlineData("the 3rd at 7pm", "2026-12-03 19:00")]
    [InlineData("Dec 7th at 9.30am", "2026-12-07 09:30")]
    public void ATimeSaidInFullIsTaken(string text, string expected)
    {
        var reading = Reader.Read(text, London, "en-GB", [NextWeek]);
        Assert.True(reading.IsUnderstood, reading.Question);
        Assert.Equal(expected, Local(reading.Value));
    }

    [Theory]
    [InlineData("Friday evening", "2026-11-27 18:00")]
    [InlineData("next Monday at 6", "2026-11-30 18:00")]
    [InlineData("half 6 thursday", "2026-11-26 18:30")]
    [InlineData("a week on friday", "2026-12-04 14:00")]
    [InlineData("7pm", "2026-12-01 19:00")]
    [InlineData("next Wednesday", "2026-12-02 14:00")]
    public void APartOfADayABareHourOrAnAmbiguousDayIsConfirmedWithTheExactTime(string text, string expected)
    {
        var reading = Reader.Read(text, London, "en-GB", [NextWeek]);
        Assert.True(reading.IsUnsure);
        Assert.Equal(expected, Local(reading.Tentative));
        Assert.Contains(TimeZoneInfo.ConvertTime(reading.Tentative, London).ToString("h:mm", System.Globalization.CultureInfo.InvariantCulture), reading.Question);
    }

    [Theory]
    [InlineData("in two weeks, same time", "2026-12-08 14:00")]
    [InlineData("\U0001F44D", "2026-12-01 14:00")]
    [InlineData("yup", "2026-12-01 14:00")]
    public void SameTimeOnAnotherDayOrAPlainYesToTheTimeOfferedIsTaken(string text, string expected)
    {
        var reading = Reader.Read(text, London, "en-GB", [NextWeek]);
        Assert.True(reading.IsUnderstood, reading.Question);
        Assert.Equal(expected, Local(reading.Value));
    }

    [Theory]
    [InlineData("a week tomorrow, after work", "2026-12-02 18:00")]
    [InlineData("Sat 10ish", "2026-11-28 10:00")]
    public void ADayWithAPartOfTheDayOrABareHourIsConfirmed(string text, string expected)
    {
        var reading = Reader.Read(text, London, "en-GB", [NextWeek]);
        Assert.True(reading.IsUnsure);
        Assert.Equal(expected, Local(reading.Tentative));
    }

    [Fact]
    public void ADateThatReadsBothWaysRoundAsksAboutTheNearerFirst()
    {
        var reading = Reader.Read("12/2 7pm", London, "en-GB", [NextWeek]);
        Assert.True(reading.IsUnsure);
        Assert.Equal("2026-12-02 19:00", Local(reading.IfYes!.Value));
        Assert.Equal("2027-02-12 19:00", Local(reading.IfNo!.Tentative));
    }

    [Fact]
    public void NoToNextWeeksWednesdayOffersTomorrow()
    {
        var reading = Reader.Read("next Wednesday", London, "en-GB", [NextWeek]);
        Assert.Equal("2026-11-25 14:00", Local(reading.IfNo!.Tentative));
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("whenever")]
    [InlineData("not sure yet")]
    public void APastOrNoTimeIsAskedAgain(string text)
        => Assert.False(Reader.Read(text, London, "en-GB", [NextWeek]).IsUnderstood);
}
