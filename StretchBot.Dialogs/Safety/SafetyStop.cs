using System.Globalization;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using StretchBot.Dialogs.CheckIns;
using StretchBot.Domain.RedFlags;
using StretchBot.Dialogs.Engine;
using StretchBot.Dialogs.Plans;
using StretchBot.Dialogs.State;

namespace StretchBot.Dialogs.Safety;

/// <summary>
/// The one way the conversation stops for safety (a red flag, pain in both legs, nothing suitable left): any
/// plan is withdrawn, any booked check-in cancelled, the stop remembered, and one card for its tier sent: the one
/// right action, the signs that triggered it and what not to do meanwhile. Every stopping path goes through here,
/// so none of them can leave an old plan or check-in behind.
/// </summary>
public sealed class SafetyStop
{
    public const string TemplateName = "stop";

    public const string EmergencyAction = "Call your emergency number now";
    public const string SeeDoctorAction = "Book an urgent appointment with your doctor";
    public const string NothingSuitableAction = "Ask a doctor or physio which exercises suit you";
    public const string NoStretchesMeanwhile = "Don't do any stretches.";

    private readonly StateAccessors _state;
    private readonly ICheckInScheduler _scheduler;
    private readonly ICardRenderer _cards;
    private readonly TimeProvider _time;

    public SafetyStop(StateAccessors state, ICheckInScheduler scheduler, ICardRenderer cards, TimeProvider time)
    {
        _state = state;
        _scheduler = scheduler;
        _cards = cards;
        _time = time;
    }

    /// <summary>Stops for a red flag: the card names the signs of that tier among <paramref name="yesIds"/>.</summary>
    public async Task StopAsync(ITurnContext turnContext, RedFlagOutcome outcome, IEnumerable<string> yesIds, CancellationToken cancellationToken)
    {
        var profile = await _state.GetProfileAsync(turnContext, cancellationToken);
        var tier = outcome == RedFlagOutcome.Emergency ? RedFlagTier.Emergency : RedFlagTier.SeeDoctorSoon;
        var signs = yesIds.Distinct().Where(id => RedFlagCatalog.TryGet(id, out var q) && q.Tier == tier).ToList();
        var kind = outcome == RedFlagOutcome.Emergency ? SafetyStopKind.Emergency : SafetyStopKind.SeeDoctor;
        await StopAsync(turnContext, profile, new SafetyStopRecord { Kind = kind, Signs = signs }, cancellationToken);
    }

    /// <summary>Stops because none of the stretches would be safe and suitable; <paramref name="reasons"/> say why.</summary>
    public async Task StopWithoutPlanAsync(ITurnContext turnContext, IEnumerable<string> reasons, CancellationToken cancellationToken)
    {
        var profile = await _state.GetProfileAsync(turnContext, cancellationToken);
        var record = new SafetyStopRecord { Kind = SafetyStopKind.NothingSuitable, Reasons = reasons.Where(r => !string.IsNullOrWhiteSpace(r)).ToList() };
        await StopAsync(turnContext, profile, record, cancellationToken);
    }

    /// <summary>The last stop's card again, for a returning user; nothing when there was none.</summary>
    public async Task RecallAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var profile = await _state.GetProfileAsync(turnContext, cancellationToken);
        if (profile.LastStop is { } stop && profile.CurrentPlan is null)
        {
            var recalled = $"On {CheckInTimes.Day(stop.AtUtc, stop.TimeZoneId)} you told me something that needs a doctor first. That still applies:";
            await turnContext.SendActivityAsync(Card(stop, recalled), cancellationToken);
        }
    }

    /// <summary>Why there is no plan after a stop, in one message (for "my plan"); null when there was no stop.</summary>
    public static string? WhyNoPlan(UserProfile profile) => profile.LastStop switch
    {
        null => null,
        { Kind: SafetyStopKind.NothingSuitable } => "There's no plan because, from what you told me, none of the stretches I know would be safe and suitable for you right now. " +
            "Please ask a doctor or physio which exercises suit you.",
        { } stop => $"There's no plan because you told me about {SignsInWords(stop)}, which needs {(stop.Kind == SafetyStopKind.Emergency ? "emergency care" : "a doctor's check")} before any stretching. " +
            "Once a doctor or physio has checked you and said gentle exercise is fine, type \"start over\".",
    };

    private async Task StopAsync(ITurnContext turnContext, UserProfile profile, SafetyStopRecord record, CancellationToken cancellationToken)
    {
        await _scheduler.CancelAsync(UserKey.From(turnContext.Activity), cancellationToken);
        profile.ReplacePlan(null);
        record.AtUtc = _time.GetUtcNow();
        record.TimeZoneId = UserTimeZone.Capture(turnContext.Activity);
        profile.LastStop = record;
        await turnContext.SendActivityAsync(Card(record, recalled: null), cancellationToken);
    }

    private IMessageActivity Card(SafetyStopRecord stop, string? recalled)
    {
        var (action, detail, meanwhile) = stop.Kind switch
        {
            SafetyStopKind.Emergency => (EmergencyAction,
                "For example 999 in the UK, 911 in the US or 112 in Europe, or go straight to an emergency department. This needs a doctor today.",
                new[] { NoStretchesMeanwhile, "Don't wait to see whether it settles by itself." }),
            SafetyStopKind.SeeDoctor => (SeeDoctorAction,
                "With your GP or doctor, today if you can. Tell them what you told me.",
                new[] { "Don't start any stretches until a doctor or physio has checked you and said gentle exercise is fine.", "If things get worse quickly, call your emergency number or go to an emergency department." }),
            _ => (NothingSuitableAction,
                string.Join(" ", stop.Reasons.DefaultIfEmpty("From what you told me, none of the stretches I know would be safe and suitable for you right now.")),
                new[] { "Don't try stretches from elsewhere that haven't been checked for you." }),
        };

        var message = MessageFactory.Attachment(_cards.Render(TemplateName, new
        {
            style = stop.Kind == SafetyStopKind.NothingSuitable ? "warning" : "attention",
            color = stop.Kind == SafetyStopKind.NothingSuitable ? "Warning" : "Attention",
            recalled = recalled ?? string.Empty,
            action,
            detail,
            signsTitle = "Because you told me about",
            signs = stop.Signs.Select(id => RedFlagCatalog.TryGet(id, out var q) ? Capitalise(q.ShortForm) : null).OfType<string>().ToList(),
            meanwhile,
            after = stop.Kind == SafetyStopKind.Emergency
                ? "I won't suggest stretches or check in for now. Once a doctor has seen you, type \"start over\"."
                : "I won't suggest stretches or check in for now. Once a doctor or physio has said gentle exercise is fine, type \"start over\".",
        }));
        message.Summary = action; // what a notification or a screen reader announces for the card
        message.Text = null;
        return message;
    }

    private static string SignsInWords(SafetyStopRecord stop)
    {
        var signs = stop.Signs.Select(id => RedFlagCatalog.TryGet(id, out var q) ? q.ShortForm : null).OfType<string>().ToList();
        return signs.Count switch
        {
            0 => "a warning sign",
            1 => signs[0],
            _ => string.Join(", ", signs.Take(signs.Count - 1)) + " and " + signs[^1],
        };
    }

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpper(text[0], CultureInfo.InvariantCulture) + text[1..];
}
