using System.Collections.Concurrent;
using StretchBot.Dialogs.Safety;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using StretchBot.Dialogs.Cards;
using StretchBot.Domain;
using StretchBot.Domain.Catalog;
using StretchBot.Dialogs.Engine;
using StretchBot.Dialogs.State;

namespace StretchBot.Dialogs.Plans;

/// <summary>Shows stretches as cards: the plan, a replacement after a check-in, or the plan again on request.</summary>
public sealed class PlanPresenter
{
    public const string NoPlanMessage = "You don't have a plan yet. Answer a few questions and I'll suggest some stretches: type \"start over\" to begin.";

    /// <summary>The rules that keep a plan safe, shown on the plan's summary card.</summary>
    public static readonly IReadOnlyList<string> PlanRules =
    [
        "Every stretch should be pain-free. If one hurts, stop it.",
        "Try them for about a week; I'll check in then to ask how they went.",
        "If one makes things worse, stop it and tell me at the check-in, and I'll swap it for another.",
        "Where a stretch works one side at a time, use the side that hurts less, unless its card says to do both.",
        "This is general information, not a diagnosis: if anything worries you, see your doctor or physio.",
    ];

    /// <summary>The most stretch cards kept expanded (the catalog's stretches, each with the reasons the recommender gives).</summary>
    public const int MaxCachedStretchCards = 1024;

    private readonly ConcurrentDictionary<(string StretchId, string Reason), object> _stretchCards = new();
    private readonly ICardRenderer _cards;
    private readonly StretchCatalog _catalog;
    private readonly string _baseUrl;

    public PlanPresenter(ICardRenderer cards, StretchCatalog catalog, IOptions<StretchBotOptions> options)
    {
        _cards = cards;
        _catalog = catalog;
        _baseUrl = options.Value.PublicBaseUrl.TrimEnd('/');
    }

    /// <summary>The absolute URL of a stretch's picture (PNG: Teams does not reliably show SVG in cards).</summary>
    public string ImageUrl(string stretchId) => $"{_baseUrl}/images/stretches/{Uri.EscapeDataString(stretchId)}.png";

    /// <summary>
    /// A stretch's card with the reason it was picked. The card depends only on the stretch and the reason (general
    /// sentences, nothing that names the user), so each one is expanded once and its content shared by later plans, up
    /// to <see cref="MaxCachedStretchCards"/> of them.
    /// </summary>
    public Attachment StretchCard(Stretch stretch, string reason)
    {
        ArgumentNullException.ThrowIfNull(stretch);
        var key = (stretch.Id, reason);
        if (!_stretchCards.TryGetValue(key, out var content))
        {
            var card = RenderStretchCard(stretch, reason);
            if (_stretchCards.Count >= MaxCachedStretchCards)
            {
                return card;
            }

            content = _stretchCards.GetOrAdd(key, card.Content);
        }

        return new Attachment { ContentType = CardLibrary.AdaptiveCardContentType, Content = content };
    }

    private Attachment RenderStretchCard(Stretch stretch, string reason) => _cards.Render(StretchCardData.TemplateName, new StretchCardData(
        stretch.Id,
        stretch.Name,
        ImageUrl(stretch.Id),
        stretch.PictureAlt,
        stretch.PictureCaptions[0],
        stretch.PictureCaptions[1],
        DomainLabels.Label(stretch.StartingPosition),
        stretch.Steps,
        stretch.Dose.Summary,
        reason,
        stretch.SuitsText,
        stretch.Cautions,
        DescribeSide(stretch.Side),
        stretch.WhyItWorks));

    /// <summary>
    /// The plan at a glance: a title, a short note, one line per stretch (its name and why it was picked), the rules
    /// that keep it safe and any advice besides the stretches. The stretch cards follow it.
    /// </summary>
    public Attachment SummaryCard(string title, string note, IEnumerable<PlannedStretch> stretches, IReadOnlyList<string> advice) => _cards.Render("plan", new
    {
        title,
        note,
        stretches = stretches.Select(p => new { name = NameOf(p.StretchId), reason = p.Reason }).ToList(),
        rules = PlanRules,
        advice,
    });

    /// <summary>Sends a plan: its summary card, then one card per stretch.</summary>
    public async Task ShowPlanAsync(ITurnContext turnContext, string title, string note, IReadOnlyList<PlannedStretch> stretches, IReadOnlyList<string> advice, CancellationToken cancellationToken)
    {
        var summary = MessageFactory.Attachment(SummaryCard(title, note, stretches, advice));
        summary.Summary = title; // what a notification or a screen reader announces for the card
        await turnContext.SendActivityAsync(summary, cancellationToken);
        await SendStretchCardsAsync(turnContext, stretches, cancellationToken);
    }

    /// <summary>Sends stretch cards after an introduction (a swap at a check-in).</summary>
    public async Task ShowStretchesAsync(ITurnContext turnContext, string introduction, IEnumerable<PlannedStretch> stretches, CancellationToken cancellationToken)
    {
        await turnContext.SendActivityAsync(MessageFactory.Text(introduction), cancellationToken);
        await SendStretchCardsAsync(turnContext, stretches, cancellationToken);
    }

    /// <summary>"my plan": the current plan again, or how to get one.</summary>
    public async Task ShowCurrentPlanAsync(ITurnContext turnContext, UserProfile profile, CancellationToken cancellationToken)
    {
        var plan = profile.CurrentPlan;
        if (plan is null || plan.Stretches.Count == 0)
        {
            await turnContext.SendActivityAsync(MessageFactory.Text(Safety.SafetyStop.WhyNoPlan(profile) ?? NoPlanMessage), cancellationToken);
            return;
        }

        await ShowPlanAsync(turnContext, $"Your current plan: {Count(plan.Stretches.Count)}", "Here they are again, each with how to do it.", plan.Stretches, [], cancellationToken);
    }

    /// <summary>"1 stretch", "3 stretches".</summary>
    public static string Count(int stretches) => stretches == 1 ? "1 stretch" : $"{stretches} stretches";

    public string NameOf(string stretchId) => _catalog.TryGet(stretchId, out var stretch) ? stretch.Name : stretchId;

    private async Task SendStretchCardsAsync(ITurnContext turnContext, IEnumerable<PlannedStretch> stretches, CancellationToken cancellationToken)
    {
        var cards = stretches
            .Select(p => _catalog.TryGet(p.StretchId, out var stretch) ? StretchCard(stretch, p.Reason) : null)
            .OfType<Attachment>()
            .ToList();
        if (cards.Count > 0)
        {
            var message = MessageFactory.Attachment(cards);
            message.AttachmentLayout = AttachmentLayoutTypes.List;
            await turnContext.SendActivityAsync(message, cancellationToken);
        }
    }

    private static string DescribeSide(SideGuidance side) => side switch
    {
        SideGuidance.LeastPainfulSide => "Use the side that hurts less.",
        SideGuidance.BothSides => "Do both sides, starting with the one that hurts less.",
        _ => string.Empty,
    };
}
