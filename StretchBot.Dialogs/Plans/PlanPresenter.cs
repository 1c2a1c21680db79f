using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using StretchBot.Dialogs.Domain;
using StretchBot.Dialogs.Domain.Catalog;
using StretchBot.Dialogs.Engine;
using StretchBot.Dialogs.State;

namespace StretchBot.Dialogs.Plans;

/// <summary>Shows stretches as cards: the plan, a replacement after a check-in, or the plan again on request.</summary>
public sealed class PlanPresenter
{
    public const string NoPlanMessage = "You don't have a plan yet. Answer a few questions and I'll suggest some stretches: type \"start over\" to begin.";

    public const string PlanRules =
        "A few rules that keep this safe:\n\n" +
        "- Every stretch should be pain-free. If one hurts, stop it.\n" +
        "- Try these for about a week; I'll check in then to ask how they went.\n" +
        "- If one makes things worse, stop it and tell me at the check-in, and I'll swap it for another.\n" +
        "- Where a stretch works one side, start with the side that hurts less.\n" +
        "- This is general information, not a diagnosis: if anything worries you, see your doctor or physio.";

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

    public Attachment StretchCard(Stretch stretch, string reason) => _cards.Render("stretch", new
    {
        id = stretch.Id,
        name = stretch.Name,
        imageUrl = ImageUrl(stretch.Id),
        imageAlt = stretch.PictureAlt,
        position = DomainLabels.Label(stretch.StartingPosition),
        steps = stretch.Steps,
        dose = stretch.Dose.Summary,
        reason,
        suits = stretch.SuitsText,
        cautions = stretch.Cautions,
        side = DescribeSide(stretch.Side),
        howItWorks = stretch.WhyItWorks,
    });

    /// <summary>Sends the plan's stretches as cards, after an introduction.</summary>
    public async Task ShowStretchesAsync(ITurnContext turnContext, string introduction, IEnumerable<PlannedStretch> stretches, CancellationToken cancellationToken)
    {
        var cards = stretches
            .Select(p => _catalog.TryGet(p.StretchId, out var stretch) ? StretchCard(stretch, p.Reason) : null)
            .OfType<Attachment>()
            .ToList();

        await turnContext.SendActivityAsync(MessageFactory.Text(introduction), cancellationToken);
        if (cards.Count > 0)
        {
            var message = MessageFactory.Attachment(cards);
            message.AttachmentLayout = AttachmentLayoutTypes.List;
            await turnContext.SendActivityAsync(message, cancellationToken);
        }
    }

    /// <summary>"my plan": the current plan again, or how to get one.</summary>
    public async Task ShowCurrentPlanAsync(ITurnContext turnContext, UserProfile profile, CancellationToken cancellationToken)
    {
        var plan = profile.CurrentPlan;
        if (plan is null || plan.Stretches.Count == 0)
        {
            await turnContext.SendActivityAsync(MessageFactory.Text(NoPlanMessage), cancellationToken);
            return;
        }

        var count = plan.Stretches.Count == 1 ? "1 stretch" : $"{plan.Stretches.Count} stretches";
        await ShowStretchesAsync(turnContext, $"Here is your current plan: {count}.", plan.Stretches, cancellationToken);
        await turnContext.SendActivityAsync(MessageFactory.Text(PlanRules), cancellationToken);
    }

    public string NameOf(string stretchId) => _catalog.TryGet(stretchId, out var stretch) ? stretch.Name : stretchId;

    private static string DescribeSide(SideGuidance side) => side switch
    {
        SideGuidance.LeastPainfulSide => "Start on the side that hurts less.",
        SideGuidance.BothSides => "Do both sides.",
        _ => string.Empty,
    };
}
