using Microsoft.Bot.Builder;
using StretchBot.Dialogs.Plans;
using StretchBot.Dialogs.State;

namespace StretchBot.Dialogs.CheckIns;

/// <summary>Marks a check-in answered and books the next one a week on, at the same time of day in the user's zone.</summary>
public sealed class CheckInBooking
{
    public const string StoppedMessage = "You've stopped check-ins, so I won't book another. Type \"my plan\" any time.";

    private readonly ICheckInScheduler _scheduler;
    private readonly CheckInSchedule _schedule;
    private readonly TimeProvider _time;

    public CheckInBooking(ICheckInScheduler scheduler, CheckInSchedule schedule, TimeProvider time)
    {
        _scheduler = scheduler;
        _schedule = schedule;
        _time = time;
    }

    public async Task MarkAnsweredAsync(string checkInId, UserProfile profile, CancellationToken cancellationToken)
    {
        await _scheduler.MarkAnsweredAsync(checkInId, cancellationToken);
        profile.LastAnsweredCheckInId = checkInId;
    }

    /// <summary>Books the next check-in (unless the user stopped them) and says when.</summary>
    public async Task BookNextAsync(ITurnContext turnContext, UserProfile profile, CancellationToken cancellationToken)
    {
        var plan = profile.CurrentPlan!;
        if (profile.CheckInsStopped)
        {
            plan.CheckInId = null;
            plan.NextCheckInUtc = null;
            await turnContext.SendActivityAsync(MessageFactory.Text(StoppedMessage), cancellationToken);
            return;
        }

        var zone = UserTimeZone.Resolve(plan.TimeZoneId);
        var timeOfDay = TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(plan.NextCheckInUtc ?? _time.GetUtcNow(), zone).DateTime);
        var due = _schedule.DueAt(_time.GetUtcNow(), zone, timeOfDay);
        var next = await _scheduler.ScheduleAsync(UserKey.From(turnContext.Activity), turnContext.Activity.GetConversationReference(), due, cancellationToken);
        plan.CheckInId = next.Id;
        plan.NextCheckInUtc = next.DueUtc;
        plan.CheckInCount++;
        await turnContext.SendActivityAsync(MessageFactory.Text($"I'll check in again on {CheckInTimes.Describe(next.DueUtc, plan.TimeZoneId)}."), cancellationToken);
    }
}
