using Microsoft.Bot.Builder;
using StretchBot.Dialogs.CheckIns;
using StretchBot.Dialogs.State;

namespace StretchBot.Dialogs.Triage;

/// <summary>
/// The one way the conversation stops for safety (a red flag, pain in both legs, nothing suitable left): any
/// plan is withdrawn, any booked check-in cancelled, and the advice said. Every stopping path goes through here,
/// so none of them can leave an old plan or check-in behind.
/// </summary>
public sealed class SafetyStop
{
    private readonly StateAccessors _state;
    private readonly ICheckInScheduler _scheduler;

    public SafetyStop(StateAccessors state, ICheckInScheduler scheduler)
    {
        _state = state;
        _scheduler = scheduler;
    }

    public async Task StopAsync(ITurnContext turnContext, IEnumerable<string> advice, CancellationToken cancellationToken)
    {
        await _scheduler.CancelAsync(UserKey.From(turnContext.Activity), cancellationToken);
        var profile = await _state.GetProfileAsync(turnContext, cancellationToken);
        profile.ReplacePlan(null);
        foreach (var line in advice.Where(l => !string.IsNullOrWhiteSpace(l)))
        {
            await turnContext.SendActivityAsync(MessageFactory.Text(line), cancellationToken);
        }
    }
}
