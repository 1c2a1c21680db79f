using Microsoft.Bot.Builder;
using Microsoft.Extensions.Options;
using StretchBot.Dialogs.Engine;
using StretchBot.Dialogs.Plans;
using StretchBot.Dialogs.State;

namespace StretchBot.Dialogs.Progress;

/// <summary>
/// "share with my physio" makes a link to a printable summary on the bot's own host and sends it as a card button (Teams
/// and Web Chat alike); "stop sharing" ends every link the user made.
/// </summary>
public sealed class ProgressSharing
{
    public const string NothingToShareMessage = "There's nothing to share yet. Once you have a plan, I can make a summary for your physio of your answers, your plan and how it went.";
    public const string StoppedMessage = "Done: the summary link no longer works. Type \"share with my physio\" if you want a new one.";
    public const string NoLinksMessage = "You have no summary links to stop.";

    public const string About = "This link opens a page with your answers, your safety checks, your plan and every change to it, and your pain scores, ready to print. Anyone with the link can read it, so give it only to your physio or doctor.";

    private readonly ProgressCard _progress;
    private readonly ICardRenderer _cards;
    private readonly ProgressAddresses _addresses;
    private readonly ShareLinks? _links;

    public ProgressSharing(ProgressCard progress, ICardRenderer cards, ProgressAddresses addresses, TimeProvider time, IOptions<ProgressOptions> options, IProgressStore? store = null)
    {
        _progress = progress;
        _cards = cards;
        _addresses = addresses;
        _links = store is null ? null : new ShareLinks(store, time, options);
    }

    public async Task ShareAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var userKey = UserKey.From(turnContext.Activity);
        var history = await _progress.ReadAsync(userKey, cancellationToken);
        if (_links is null || history.Plans.Count == 0)
        {
            await turnContext.SendActivityAsync(MessageFactory.Text(_links is null ? ProgressCard.NotKeptMessage : NothingToShareMessage), cancellationToken);
            return;
        }

        var zoneId = UserTimeZone.Capture(turnContext.Activity);
        var (token, expires) = await _links.CreateAsync(userKey, zoneId, cancellationToken);
        var card = _cards.Render("share", new
        {
            about = About,
            expiry = $"It works until {CheckInTimes.Describe(expires, zoneId)}. Type \"stop sharing\" to turn it off sooner.",
            url = _addresses.Share(token),
        });
        var message = MessageFactory.Attachment(card);
        message.Summary = "A summary for your physio";
        await turnContext.SendActivityAsync(message, cancellationToken);
    }

    public async Task StopAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var stopped = _links is null ? 0 : await _links.RevokeAsync(UserKey.From(turnContext.Activity), cancellationToken);
        await turnContext.SendActivityAsync(MessageFactory.Text(stopped > 0 ? StoppedMessage : NoLinksMessage), cancellationToken);
    }
}
