using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using StretchBot.Dialogs.Engine;
using StretchBot.Dialogs.Plans;
using StretchBot.Dialogs.State;

namespace StretchBot.Dialogs.Progress;

/// <summary>
/// "my progress": a card with the pain trend picture (its text alternative states every score), one sentence reading it
/// with the clinical rules' thresholds, and a table of how each stretch went at the latest check-ins. After every
/// answered check-in, the sentence (with a small version of the picture once there are two scores) and "My progress"
/// on offer.
/// </summary>
public sealed class ProgressCard
{
    public const string NothingYetMessage = "There's no progress to show yet. Once you have a plan, each weekly check-in adds your pain score and how each stretch went.";
    public const string NotKeptMessage = "Progress isn't kept on this bot, so there's nothing to show.";
    public const string ShareHint = "Type \"share with my physio\" for a printable summary you can send, and \"stop sharing\" to end it.";
    public const string CheckInFooter = "Type \"my progress\" at any time for the whole picture and how each stretch went.";
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
        var card = await RenderAsync(turnContext.Activity, history, new CardParts("Your progress", false, weeks, rows, ShareHint), cancellationToken);
        var message = MessageFactory.Attachment(card);
        message.Summary = "Your progress";
        message.SuggestedActions = Offer(ShareAction);
        await turnContext.SendActivityAsync(message, cancellationToken);
    }

    /// <summary>
    /// After each answered check-in: the sentence, with the small picture once there are two or more scores, and "My
    /// progress" and sharing offered as suggested actions (Web Chat, and Teams' personal chat where the bot lives): they
    /// go once the person sends anything, so the card itself takes no input and no old card keeps live buttons.
    /// </summary>
    public async Task SendCheckInSummaryAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        if (!IsKept)
        {
            return;
        }

        var history = await ReadAsync(UserKey.From(turnContext.Activity), cancellationToken);
        var parts = new CardParts("Your pain so far", true, [], [], CheckInFooter) { Picture = history.PainPoints.Count >= 2 };
        var card = await RenderAsync(turnContext.Activity, history, parts, cancellationToken);
        var message = MessageFactory.Attachment(card);
        message.Summary = "Your pain so far";
        message.SuggestedActions = Offer(MyProgressAction, ShareAction);
        await turnContext.SendActivityAsync(message, cancellationToken);
    }

    private async Task<Attachment> RenderAsync(Activity activity, ProgressHistory history, CardParts parts, CancellationToken cancellationToken)
    {
        var zoneId = UserTimeZone.Capture(activity);
        var points = history.PainPoints;
        var key = parts.Picture ? await _store!.PictureKeyAsync(UserKey.From(activity), zoneId, cancellationToken) : null;
        return _cards.Render("progress", new
        {
            title = parts.Title,
            titleSize = parts.Small ? "Medium" : "Large",
            small = parts.Small,
            showPicture = key is not null,
            pictureUrl = key is null ? string.Empty : _addresses.Picture(key, points.Count, parts.Small),
            pictureAlt = PainTrendText.Describe(points, UserTimeZone.Resolve(zoneId)),
            sentence = PainTrendText.Interpret(points),
            weeks = parts.Weeks,
            rows = parts.Rows,
            footer = parts.Footer,
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

    // The commands on offer, sent back as typed words (imBack), which the command reader takes exactly.
    private static SuggestedActions Offer(params string[] commands)
        => new() { Actions = commands.Select(c => new CardAction(ActionTypes.ImBack, c, value: c)).ToList() };

    private sealed record CardParts(string Title, bool Small, IReadOnlyList<string> Weeks, IReadOnlyList<object> Rows, string Footer)
    {
        /// <summary>False for a single score after a check-in: a picture of one point says nothing yet.</summary>
        public bool Picture { get; init; } = true;
    }
}
