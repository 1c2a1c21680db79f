using Microsoft.Bot.Builder;
using Microsoft.Extensions.Logging;
using StretchBot.Dialogs.Engine;
using StretchBot.Dialogs.State;

namespace StretchBot.Dialogs.CheckIns;

/// <summary>
/// Runs on the dispatcher's proactive turn: starts the check-in conversation, or sends the one gentle reminder.
/// A check-in that is no longer the user's current one (replaced, cancelled, deleted) is dropped, and one
/// already shown is not shown again, so a re-delivery after a crash never duplicates it.
/// </summary>
public sealed class CheckInDelivery : ICheckInDelivery
{
    public const string ReminderMessage =
        "Just a gentle reminder: when you have a moment, I'd like to hear how your stretches went. Here's the check-in again.";

    private readonly DialogManager _dialogs;
    private readonly StateAccessors _state;
    private readonly ILogger<CheckInDelivery> _logger;

    public CheckInDelivery(DialogManager dialogs, StateAccessors state, ILogger<CheckInDelivery> logger)
    {
        _dialogs = dialogs;
        _state = state;
        _logger = logger;
    }

    public async Task DeliverAsync(ITurnContext turnContext, DueCheckIn checkIn, CancellationToken cancellationToken)
    {
        var profile = await _state.GetProfileAsync(turnContext, cancellationToken);
        var plan = profile.CurrentPlan;
        if (plan is null || plan.CheckInId != checkIn.Id)
        {
            _logger.CheckInNotCurrent(checkIn.Id);
            return;
        }

        switch (checkIn.Kind)
        {
            case CheckInMessageKind.CheckIn when profile.LastShownCheckInId == checkIn.Id:
                _logger.CheckInAlreadyShown(checkIn.Id);
                return;

            case CheckInMessageKind.CheckIn:
                profile.LastShownCheckInId = checkIn.Id;
                await _dialogs.BeginOnTopAsync(turnContext, nameof(CheckInDialog), new CheckInDialogOptions { CheckInId = checkIn.Id }, cancellationToken);
                break;

            case CheckInMessageKind.Reminder when profile.LastAnsweredCheckInId == checkIn.Id:
                return;

            case CheckInMessageKind.Reminder:
                await turnContext.SendActivityAsync(MessageFactory.Text(ReminderMessage), cancellationToken);
                await _dialogs.RepromptOrBeginAsync(turnContext, nameof(CheckInDialog), new CheckInDialogOptions { CheckInId = checkIn.Id }, cancellationToken);
                break;
        }

        await _state.SaveChangesAsync(turnContext, cancellationToken);
    }
}
