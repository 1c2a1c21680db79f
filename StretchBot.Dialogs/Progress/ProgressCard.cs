using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using StretchBot.Dialogs.Engine;
using StretchBot.Dialogs.Plans;
using StretchBot.Dialogs.State;

namespace StretchBot.Dialogs.Progress;

/// <summary>
/// "my progress": a card with the pain trend picture (its text alternative states every score), one sentence reading it
/// with the clinical rules' thresholds, and a table of how each stretch went at the latest check-ins. After a check-in
/// with two or more scores, a small version of the picture and the sentence, with "My progress" on offer.
/// </summary>
public sealed class ProgressCard
{
    public const string NothingYetMessage = "There's no progress to show yet. Once you have a plan, each weekly check-in adds your pain score and how each stretch went.";
    public const string NotKeptMessage = "Progress isn't kept on this bot, so there's nothing to show.";
    public const string ShareHint = "Type \"share with my physio\" for a printable summary you can send, and \"stop sharing\" to end it.";
    public const string MyProgressAction = "My progress";
    public const string ShareAction = "Share with my physio";

    /// <summary>How many of the latest check-ins the card's table shows (the physio's summary shows them all).</summary>
    public const int WeeksOnCard = 4;

    private readonly ICardRenderer _cards;
    private readonly PlanPresenter _plans;
    private readonly ProgressAddresses _addresses;
    private readonly IProgressStore? _store;

    public ProgressCard(ICardRenderer cards, PlanPresenter plans, ProgressAddresses addresses, IProgressStore? store = null)
    {
        _cards = cards;
        _plans = plans;
        _addresses = addresses;
        _store = store;
    }

    /// <summary>True when a history store is configured.</summary>
    public bool IsKept => _store is not null;

    public async Task<ProgressHistory> ReadAsync(string userKey, CancellationToken cancellationToken)
        => _store is null ? ProgressHistory.Empty : ProgressHistory.From(await _store.ReadAsync(userKey, cancellationToken));

    /// <summary>"my progress": the whole card, or why there is nothing to show.</summary>
    public async Task ShowAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var history = await ReadAsync(UserKey.From(turnContext.Activity), cancellationToken);
        if (history.PainPoints.Count == 0)
        {
            await turnContext.SendActivityAsync(MessageFactory.Text(IsKept ? NothingYetMessage : NotKeptMessage), cancellationToken);
            return;
        }

        var (weeks, rows) = Table(history, turnContext.Activity);
        var card = await RenderAsync(turnContext.Activity, history, small: false, "Your progress", weeks, rows, ShareHint, cancellationToken);
        var message = MessageFactory.Attachment(card);
        message.Summary = "Your progress";
        await turnContext.SendActivityAsync(message, cancellationToken);
    }

    /// <summary>After a check-in: the small picture and the sentence, once there are two or more scores.</summary>
    public async Task SendCheckInSummaryAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var history = await ReadAsync(UserKey.From(turnContext.Activity), cancellationToken);
        if (history.PainPoints.Count < 2)
        {
            return;
        }

        var footer = "Type \"my progress\" for the whole picture and how each stretch went.";
        var card = await RenderAsync(turnContext.Activity, history, small: true, "Your pain so far", [], [], footer, cancellationToken);
        var message = MessageFactory.Attachment(card);
        message.Summary = "Your pain so far";
        message.SuggestedActions = new SuggestedActions
        {
            Actions = [new CardAction(ActionTypes.ImBack, MyProgressAction, value: MyProgressAction), new CardAction(ActionTypes.ImBack, ShareAction, value: ShareAction)],
        };
        await turnContext.SendActivityAsync(message, cancellationToken);
    }

    private async Task<Attachment> RenderAsync(Activity activity, ProgressHistory history, bool small, string title, IReadOnlyList<string> weeks, IReadOnlyList<object> rows, string footer, CancellationToken cancellationToken)
    {
        var zoneId = UserTimeZone.Capture(activity);
        var points = history.PainPoints;
        var key = await _store!.PictureKeyAsync(UserKey.From(activity), zoneId, cancellationToken);
        return _cards.Render("progress", new
        {
            title,
            titleSize = small ? "Medium" : "Large",
            small,
            showPicture = key is not null,
            pictureUrl = key is null ? string.Empty : _addresses.Picture(key, points.Count, small),
            pictureAlt = PainTrendText.Describe(points, UserTimeZone.Resolve(zoneId)),
            sentence = PainTrendText.Interpret(points),
            weeks,
            rows,
            footer,
        });
    }

    // The latest check-ins as columns; a row for each stretch asked about in them.
    private (IReadOnlyList<string> Weeks, IReadOnlyList<object> Rows) Table(ProgressHistory history, Activity activity)
    {
        var skip = Math.Max(0, history.CheckIns.Count - WeeksOnCard);
        var zone = UserTimeZone.Resolve(UserTimeZone.Capture(activity));
        var weeks = history.CheckIns.Skip(skip).Select(c => PainTrendText.ShortDate(c.At, zone)).ToList();
        var rows = history.StretchesTried
            .Select(id => (Id: id, Cells: history.FeedbackFor(id).Skip(skip).ToList()))
            .Where(r => r.Cells.Any(f => f is not null))
            .Select(r => (object)new { name = _plans.NameOf(r.Id), cells = r.Cells.Select(ProgressLabels.Short).ToList() })
            .ToList();
        return (weeks, rows);
    }
}
