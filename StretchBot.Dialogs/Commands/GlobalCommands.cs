using Microsoft.Bot.Builder;
using StretchBot.Dialogs.CheckIns;
using StretchBot.Dialogs.Engine;
using StretchBot.Dialogs.Plans;
using StretchBot.Dialogs.Triage;
using StretchBot.Dialogs.Privacy;
using StretchBot.Dialogs.Progress;
using StretchBot.Dialogs.State;

namespace StretchBot.Dialogs.Commands;

/// <summary>
/// The one place global commands are handled: help, start over, my plan, stop check-ins, my progress, share with my
/// physio, stop sharing and delete my data interrupt whatever question is open, and (except start over and delete) ask
/// it again afterwards. A command in everyday words ("I need help") gives way to the open question when that question
/// can read it as its answer.
/// </summary>
public sealed class GlobalCommands : IDialogInterruption
{
    public const string StartOverMessage = "Okay, let's start again from the beginning.";
    public const string CheckInsStoppedMessage = "Okay, I've cancelled your check-ins. Your plan is still here: type \"my plan\" to see it.";
    public const string NoCheckInsMessage = "You have no check-ins booked, so there's nothing to stop.";

    private readonly StateAccessors _state;
    private readonly ICheckInScheduler _scheduler;
    private readonly PlanPresenter _plans;
    private readonly HelpCard _help;
    private readonly ProgressCard _progress;
    private readonly ProgressSharing _sharing;

    public GlobalCommands(StateAccessors state, ICheckInScheduler scheduler, PlanPresenter plans, HelpCard help, ProgressCard progress, ProgressSharing sharing)
    {
        _state = state;
        _scheduler = scheduler;
        _plans = plans;
        _help = help;
        _progress = progress;
        _sharing = sharing;
    }

    public async Task<bool> TryInterruptAsync(DialogContext dc, Dialog rootDialog, CancellationToken cancellationToken)
    {
        var reading = CommandRecognizer.Recognize(dc.Context.Activity);
        if (reading is null || (!reading.Value.Exact && await dc.CanActiveDialogReadReplyAsync(cancellationToken)))
        {
            return false; // "I need help" to "can you get down to the floor without help?" is an answer
        }

        switch (reading.Value.Command)
        {
            case BotCommand.StartOver:
                await StartOverAsync(dc, rootDialog, cancellationToken);
                return true;

            case BotCommand.DeleteMyData:
                // Asked as a dialog on top of whatever is open: "no" returns to the open question.
                await dc.BeginDialogAsync(nameof(DeleteDataDialog), null, cancellationToken);
                return true;

            case var command when await AnswerAsync(command, dc.Context, cancellationToken):
                await dc.RepromptDialogAsync(cancellationToken);
                return true;

            default:
                return false;
        }
    }

    // The commands that answer and then ask the open question again; false for any other.
    private async Task<bool> AnswerAsync(BotCommand command, ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var answer = command switch
        {
            BotCommand.Help => _help.SendAsync(turnContext, cancellationToken),
            BotCommand.MyPlan => ShowPlanAsync(turnContext, cancellationToken),
            BotCommand.StopCheckIns => StopCheckInsAsync(turnContext, cancellationToken),
            BotCommand.MyProgress => _progress.ShowAsync(turnContext, cancellationToken),
            BotCommand.ShareWithPhysio => _sharing.ShareAsync(turnContext, cancellationToken),
            BotCommand.StopSharing => _sharing.StopAsync(turnContext, cancellationToken),
            _ => null,
        };
        if (answer is null)
        {
            return false;
        }

        await answer;
        return true;
    }

    private async Task ShowPlanAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var profile = await _state.GetProfileAsync(turnContext, cancellationToken);
        await _plans.ShowCurrentPlanAsync(turnContext, profile, cancellationToken);
    }

    private async Task StartOverAsync(DialogContext dc, Dialog rootDialog, CancellationToken cancellationToken)
    {
        await dc.CancelAllDialogsAsync(cancellationToken);
        var profile = await _state.GetProfileAsync(dc.Context, cancellationToken);
        profile.Answers = profile.Answers.ForNewTriage();
        await dc.Context.SendActivityAsync(MessageFactory.Text(StartOverMessage), cancellationToken);
        await dc.BeginDialogAsync(rootDialog.Id, new MainDialogOptions { StartingOver = true }, cancellationToken);
    }

    private async Task StopCheckInsAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var profile = await _state.GetProfileAsync(turnContext, cancellationToken);
        var cancelled = await _scheduler.CancelAsync(UserKey.From(turnContext.Activity), cancellationToken);
        profile.CheckInsStopped = true;
        if (profile.CurrentPlan is not null)
        {
            profile.CurrentPlan.CheckInId = null;
            profile.CurrentPlan.NextCheckInUtc = null;
        }

        await turnContext.SendActivityAsync(MessageFactory.Text(cancelled ? CheckInsStoppedMessage : NoCheckInsMessage), cancellationToken);
    }
}
