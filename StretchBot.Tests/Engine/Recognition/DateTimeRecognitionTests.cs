using Microsoft.Extensions.Time.Testing;
using StretchBot.Dialogs.Engine.Recognition;

namespace StretchBot.Tests.Engine.Recognition;

public class DateTimeRecognitionTests
{
    // Tuesday 24 November 2026, 14:00 in New York (EST, UTC-5).
    private const string NewYorkTuesdayAfternoon = "2026-11-24T19:00:00Z";

    [Theory]
    [InlineData("next Monday at 6pm", "2026-11-30T23:00:00Z")]
    [InlineData("next Monday 6pm", "2026-11-30T23:00:00Z")]
    [InlineData("tomorrow 8am", "2026-11-25T13:00:00Z")]
    [InlineData("Friday at 7:30 pm", "2026-11-28T00:30:00Z")]
    [InlineData("in 3 days", "2026-11-27T19:00:00Z")]
    [InlineData("in a week", "2026-12-01T19:00:00Z")]
    [InlineData("a week", "2026-12-01T19:00:00Z")]
    [InlineData("same time next week", "2026-12-01T19:00:00Z")]
    [InlineData("25 December at 9", "2026-12-25T14:00:00Z")]
    [InlineData("6pm", "2026-11-24T23:00:00Z")]
    [InlineData("tomorrow", "2026-11-25T19:00:00Z")]
    [InlineData("next monday", "2026-11-30T19:00:00Z")]
    [InlineData("in 2 hours", "2026-11-24T21:00:00Z")]
    [InlineData("tomorrow morning", "2026-11-25T13:00:00Z")]
    [InlineData("Monday please, around 6pm", "2026-11-30T23:00:00Z")]
    [InlineData("in 3 days at noon", "2026-11-27T17:00:00Z")]
    [InlineData("at 6", "2026-11-24T23:00:00Z")] // 6am has passed, 6pm has not
    [InlineData("tonight", "2026-11-25T01:00:00Z")]
    [InlineData("Tuesday", "2026-12-01T19:00:00Z")] // said on a Tuesday: the next one
    [InlineData("sat 10am", "2026-11-28T15:00:00Z")]
    [InlineData("Sun at 9am", "2026-11-29T14:00:00Z")]
    [InlineData("mon 6pm", "2026-11-30T23:00:00Z")]
    public void TypedTimeIsReadOnTheUsersOwnClock(string text, string expectedUtc)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

        var instant = DateTimeRecognition.RecognizeFuture(text, UtcNow(NewYorkTuesdayAfternoon), zone, "en-us");

        Assert.Equal(DateTimeOffset.Parse(expectedUtc), instant);
        Assert.Equal(TimeSpan.Zero, instant!.Value.Offset);
    }

    [Theory]
    [InlineData("yesterday at 6pm")]
    [InlineData("last monday")]
    [InlineData("today at 1pm")]
    [InlineData("25 December 2025 at 9am")]
    [InlineData("now")]
    [InlineData("today")]
    [InlineData("every monday")]
    [InlineData("next Monday at 6pm or Tuesday")]
    [InlineData("banana")]
    [InlineData("")]
    [InlineData(null)]
    public void PastRepeatingAmbiguousOrMissingTimeIsNotAFutureTime(string? text)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

        Assert.Null(DateTimeRecognition.RecognizeFuture(text, UtcNow(NewYorkTuesdayAfternoon), zone, "en-us"));
    }

    [Fact]
    public void TimeAlreadyPassedTodayMeansTomorrow()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        var eightPmInNewYork = UtcNow("2026-11-25T01:00:00Z");

        var instant = DateTimeRecognition.RecognizeFuture("6pm", eightPmInNewYork, zone, "en-us");

        Assert.Equal(DateTimeOffset.Parse("2026-11-25T23:00:00Z"), instant);
    }

    [Fact]
    public void WeekdayNamedOnThatDayAfterItsTimeMeansNextWeek()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        var mondayEveningInNewYork = UtcNow("2026-12-01T01:00:00Z");

        var instant = DateTimeRecognition.RecognizeFuture("Monday", mondayEveningInNewYork, zone, "en-us");

        Assert.Equal(DateTimeOffset.Parse("2026-12-08T01:00:00Z"), instant);
    }

    [Theory]
    // Thursday 29 October 2026, 16:00 EDT; clocks go back on Sunday 1 November.
    [InlineData("America/New_York", "2026-10-29T20:00:00Z", "next Monday at 6pm", "2026-11-02T23:00:00Z")]
    [InlineData("America/New_York", "2026-10-29T20:00:00Z", "in a week", "2026-11-05T21:00:00Z")]
    // Thursday 22 October 2026, 10:00 BST; clocks go back on Sunday 25 October.
    [InlineData("Europe/London", "2026-10-22T09:00:00Z", "next Monday at 6pm", "2026-10-26T18:00:00Z")]
    [InlineData("Europe/London", "2026-10-22T09:00:00Z", "tomorrow 8am", "2026-10-23T07:00:00Z")]
    [InlineData("Europe/London", "2026-10-22T09:00:00Z", "Sunday at 1:30am", "2026-10-25T00:30:00Z")] // 01:30 happens twice: the first
    // Thursday 26 March 2026, 12:00 GMT; clocks go forward at 01:00 on Sunday 29 March, so 01:30 does not exist.
    [InlineData("Europe/London", "2026-03-26T12:00:00Z", "Sunday at 1:30am", "2026-03-29T01:30:00Z")]
    // Thursday 1 October 2026, 10:00 AEST; clocks go forward on Sunday 4 October.
    [InlineData("Australia/Sydney", "2026-10-01T00:00:00Z", "next Monday at 6pm", "2026-10-05T07:00:00Z")]
    [InlineData("Australia/Sydney", "2026-10-01T00:00:00Z", "in a week", "2026-10-07T23:00:00Z")]
    [InlineData("Australia/Sydney", "2026-10-01T00:00:00Z", "25 December at 9am", "2026-12-24T22:00:00Z")]
    // 20:00 UTC on the 24th is already 01:30 on Wednesday the 25th in Kolkata (UTC+5:30).
    [InlineData("Asia/Kolkata", "2026-11-24T20:00:00Z", "tomorrow 8am", "2026-11-26T02:30:00Z")]
    [InlineData("Asia/Kolkata", "2026-11-24T20:00:00Z", "6pm", "2026-11-25T12:30:00Z")]
    [InlineData("Asia/Kolkata", "2026-11-24T20:00:00Z", "tomorrow", "2026-11-25T20:00:00Z")]
    public void TimeIsConvertedWithTheOffsetOfItsOwnDateInTheUsersZone(string zoneId, string utcNow, string text, string expectedUtc)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);

        var instant = DateTimeRecognition.RecognizeFuture(text, UtcNow(utcNow), zone, "en-us");

        Assert.Equal(DateTimeOffset.Parse(expectedUtc), instant);
    }

    [Theory]
    [InlineData("en-gb", "2026-12-01T09:00:00Z")] // 1 December
    [InlineData("en-us", "2027-01-12T09:00:00Z")] // January 12
    public void NumericDateIsReadInTheUsersLocaleOrder(string culture, string expectedUtc)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

        var instant = DateTimeRecognition.RecognizeFuture("1/12 at 9am", UtcNow("2026-11-24T12:00:00Z"), zone, culture);

        Assert.Equal(DateTimeOffset.Parse(expectedUtc), instant);
    }

    [Fact]
    public void OversizedTextIsNoTimeRatherThanACrash()
    {
        var text = string.Concat(Enumerable.Repeat("next monday at 6pm ", 500));

        Assert.Null(DateTimeRecognition.RecognizeFuture(text, UtcNow(NewYorkTuesdayAfternoon), TimeZoneInfo.Utc, "en-us"));
    }

    [Theory]
    [InlineData("Europe/London")]
    [InlineData("America/New_York")]
    [InlineData("Asia/Kolkata")]
    [InlineData("Australia/Sydney")]
    public void UserZoneComesFromTheActivitysIanaTimeZone(string id)
    {
        var zone = DateTimeRecognition.ResolveUserZone(id, DateTimeOffset.Parse("2026-11-24T12:00:00+00:00"));

        Assert.Equal(TimeZoneInfo.FindSystemTimeZoneById(id).GetUtcOffset(DateTime.UtcNow), zone.GetUtcOffset(DateTime.UtcNow));
        Assert.Equal(
            TimeZoneInfo.FindSystemTimeZoneById(id).GetUtcOffset(new DateTime(2026, 7, 1, 12, 0, 0, DateTimeKind.Utc)),
            zone.GetUtcOffset(new DateTime(2026, 7, 1, 12, 0, 0, DateTimeKind.Utc)));
    }

    [Fact]
    public void UserZoneAcceptsAWindowsTimeZoneId()
    {
        var zone = DateTimeRecognition.ResolveUserZone("Eastern Standard Time", null);

        Assert.Equal(TimeSpan.FromHours(-5), zone.GetUtcOffset(new DateTime(2026, 1, 15, 12, 0, 0, DateTimeKind.Utc)));
        Assert.Equal(TimeSpan.FromHours(-4), zone.GetUtcOffset(new DateTime(2026, 7, 15, 12, 0, 0, DateTimeKind.Utc)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Not/A_Zone")]
    public void UserZoneFallsBackToTheTimestampsFixedOffset(string? localTimezone)
    {
        var zone = DateTimeRecognition.ResolveUserZone(localTimezone, DateTimeOffset.Parse("2026-11-24T17:30:00+05:30"));

        Assert.Equal(TimeSpan.FromMinutes(330), zone.GetUtcOffset(new DateTime(2026, 1, 15, 12, 0, 0, DateTimeKind.Utc)));
        Assert.Equal(TimeSpan.FromMinutes(330), zone.GetUtcOffset(new DateTime(2026, 7, 15, 12, 0, 0, DateTimeKind.Utc)));
    }

    [Fact]
    public void UserZoneIsUtcWhenTheActivityGivesNothing()
    {
        Assert.Equal(TimeZoneInfo.Utc, DateTimeRecognition.ResolveUserZone(null, null));
        Assert.Equal(TimeZoneInfo.Utc, DateTimeRecognition.ResolveUserZone("Not/A_Zone", null));
    }

    [Fact]
    public void FixedOffsetZoneReadsTypedTimesInThatOffset()
    {
        var zone = DateTimeRecognition.ResolveUserZone(null, DateTimeOffset.Parse("2026-11-24T14:00:00-05:00"));

        var instant = DateTimeRecognition.RecognizeFuture("tomorrow 8am", UtcNow(NewYorkTuesdayAfternoon), zone, "en-us");

        Assert.Equal(DateTimeOffset.Parse("2026-11-25T13:00:00Z"), instant);
    }

    private static DateTimeOffset UtcNow(string utc) => new FakeTimeProvider(DateTimeOffset.Parse(utc)).GetUtcNow();
}
