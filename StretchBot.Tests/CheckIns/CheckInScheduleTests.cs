using StretchBot.Dialogs.CheckIns;

namespace StretchBot.Tests.CheckIns;

public sealed class CheckInScheduleTests
{
    private static readonly DateTimeOffset PlanGiven = new(2026, 3, 25, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void TheCheckInIsDueAWeekAfterThePlan()
    {
        var schedule = new CheckInSchedule(new CheckInOptions());

        Assert.Equal(PlanGiven.AddDays(7), schedule.DefaultDue(PlanGiven));
        Assert.Equal(PlanGiven.AddDays(7), schedule.DefaultDue(PlanGiven.ToOffset(TimeSpan.FromHours(-5))));
    }

    [Fact]
    public void TheReminderFollowsTwoDaysAfterTheCheckIn()
    {
        var schedule = new CheckInSchedule(new CheckInOptions());

        Assert.Equal(PlanGiven.AddDays(2), schedule.ReminderDue(PlanGiven));
    }

    [Fact]
    public void TheUsersTimeOfDayIsKeptAcrossAClockChange()
    {
        var schedule = new CheckInSchedule(new CheckInOptions());
        var london = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

        // 25 March 2026, 09:00 in London is GMT; a week later (after 29 March) it is BST.
        var due = schedule.DueAt(PlanGiven, london, new TimeOnly(9, 0));

        Assert.Equal(new DateTimeOffset(2026, 4, 1, 8, 0, 0, TimeSpan.Zero), due);
        Assert.Equal(new DateTime(2026, 4, 1, 9, 0, 0), TimeZoneInfo.ConvertTime(due, london).DateTime);
    }

    [Fact]
    public void ALocalTimeSkippedByTheClockChangeMovesLater()
    {
        var schedule = new CheckInSchedule(new CheckInOptions());
        var newYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

        // 8 March 2026 in New York: 02:00-03:00 does not exist.
        var due = schedule.DueAt(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero), newYork, new TimeOnly(2, 30));

        Assert.Equal(new DateTimeOffset(2026, 3, 8, 3, 0, 0, TimeSpan.FromHours(-4)), due);
    }

    [Fact]
    public void ADemoIntervalIgnoresTheTimeOfDay()
    {
        var schedule = new CheckInSchedule(new CheckInOptions { Interval = TimeSpan.FromMinutes(1) });

        Assert.Equal(PlanGiven.AddMinutes(1), schedule.DueAt(PlanGiven, TimeZoneInfo.Utc, new TimeOnly(18, 0)));
    }

    [Theory]
    [InlineData(1, 0.0, 5)]
    [InlineData(1, 0.5, 7.5)]
    [InlineData(2, 0.0, 10)]
    [InlineData(3, 0.5, 30)]
    [InlineData(20, 0.0, 900)]
    public void RetriesBackOffExponentiallyWithJitterUpToTheCap(int attempt, double jitter, double expectedSeconds)
    {
        var schedule = new CheckInSchedule(new CheckInOptions { RetryBaseDelay = TimeSpan.FromSeconds(10), RetryMaxDelay = TimeSpan.FromMinutes(30) });

        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), schedule.RetryDelay(attempt, jitter, retryAfter: null));
    }

    [Fact]
    public void ARetryNeverComesSoonerThanTheChannelAsked()
    {
        var schedule = new CheckInSchedule(new CheckInOptions { RetryBaseDelay = TimeSpan.FromSeconds(10), RetryMaxDelay = TimeSpan.FromMinutes(30) });

        Assert.Equal(TimeSpan.FromMinutes(5), schedule.RetryDelay(1, 0.5, TimeSpan.FromMinutes(5)));
        Assert.Equal(TimeSpan.FromSeconds(7.5), schedule.RetryDelay(1, 0.5, TimeSpan.FromSeconds(1)));
        Assert.Equal(TimeSpan.FromMinutes(30), schedule.RetryDelay(1, 0.5, TimeSpan.FromHours(5)));
    }

    [Fact]
    public void AttemptsStopAtTheCap()
    {
        var schedule = new CheckInSchedule(new CheckInOptions { MaxAttempts = 3 });

        Assert.True(schedule.MayRetry(2));
        Assert.False(schedule.MayRetry(3));
    }

    [Theory]
    [InlineData(403, SendFailureAction.EndSchedule)]
    [InlineData(404, SendFailureAction.EndSchedule)]
    [InlineData(429, SendFailureAction.Retry)]
    [InlineData(500, SendFailureAction.Retry)]
    [InlineData(503, SendFailureAction.Retry)]
    [InlineData(401, SendFailureAction.Retry)]
    [InlineData(400, SendFailureAction.GiveUp)]
    [InlineData(null, SendFailureAction.Retry)]
    public void AFailedSendIsHandledByItsStatus(int? status, SendFailureAction expected)
    {
        Assert.Equal(expected, CheckInSchedule.ActionFor(status));
    }

    [Fact]
    public void ANonPositiveIntervalIsRejected()
    {
        Assert.Throws<ArgumentException>(() => new CheckInSchedule(new CheckInOptions { Interval = TimeSpan.Zero }));
    }
}
