using Microsoft.Bot.Builder;
using StretchBot.Domain.Swaps;
using StretchBot.Dialogs.Engine.Prompts;
using StretchBot.Dialogs.Plans;
using StretchBot.Dialogs.State;

namespace StretchBot.Dialogs.CheckIns;

/// <summary>
/// Says what a check-in decided: the stretches kept (by name), each replacement (with its card), those stopped with
/// nothing to swap in, any swap on offer (with its card, and a question whether to take it) and the clinician advice.
/// </summary>
public sealed class CheckInReport
{
    public const string KeepChoice = "keep";

    private readonly PlanPresenter _plans;

    public CheckInReport(PlanPresenter plans)
    {
        _plans = plans ?? throw new ArgumentNullException(nameof(plans));
    }

    public async Task SendAsync(ITurnContext turnContext, SwapResult result, CancellationToken cancellationToken)
    {
        if (result.Kept.Count > 0)
        {
            var kept = string.Join(", ", result.Kept.Select(_plans.NameOf));
            await turnContext.SendActivityAsync(MessageFactory.Text($"Thanks for telling me. Keep going with: {kept}."), cancellationToken);
        }

        foreach (var replacement in result.Replacements)
        {
            var intro = $"The {_plans.NameOf(replacement.OldId)} made things worse, so please stop it. Try this one instead:";
            var planned = new PlannedStretch { StretchId = replacement.New.Stretch.Id, Reason = replacement.New.Reason };
            await _plans.ShowStretchesAsync(turnContext, intro, new[] { planned }, cancellationToken);
        }

        foreach (var dropped in result.Dropped)
        {
            await turnContext.SendActivityAsync(MessageFactory.Text($"Please stop the {_plans.NameOf(dropped)}. I have nothing suitable to swap it for."), cancellationToken);
        }

        foreach (var offer in result.OfferedSwaps)
        {
            var intro = $"The {_plans.NameOf(offer.CurrentId)} has stayed the same for two check-ins. If you'd like a change, you could try this instead:";
            var planned = new PlannedStretch { StretchId = offer.Alternative.Stretch.Id, Reason = offer.Alternative.Reason };
            await _plans.ShowStretchesAsync(turnContext, intro, new[] { planned }, cancellationToken);
        }

        foreach (var advice in result.AdviceLines)
        {
            await turnContext.SendActivityAsync(MessageFactory.Text(advice), cancellationToken);
        }
    }

    /// <summary>"Would you like to swap?": one option per swap on offer (its current stretch's id), or keep them all.</summary>
    public PromptOptions OfferQuestion(IReadOnlyList<OfferedSwap> offers) => new()
    {
        Prompt = offers.Count == 1
            ? $"Would you like to swap the {_plans.NameOf(offers[0].CurrentId)} for the {_plans.NameOf(offers[0].Alternative.Stretch.Id)}?"
            : "Would you like to take one of those swaps?",
        RetryPrompt = "Please choose a swap, or keep your stretches as they are.",
        Choices = offers
            .Select(o => offers.Count == 1
                ? new Choice(o.CurrentId, $"Swap to the {_plans.NameOf(o.Alternative.Stretch.Id)}", "swap", "yes", "change", "ok")
                : new Choice(o.CurrentId, $"Swap to the {_plans.NameOf(o.Alternative.Stretch.Id)}"))
            .Append(new Choice(KeepChoice, "Keep my stretches as they are", "keep", "no", "no thanks", "keep them"))
            .ToList(),
    };
}
