using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;
using StretchBot.Domain.RedFlags;
using StretchBot.Domain.Swaps;
using StretchBot.Dialogs.Engine;
using StretchBot.Dialogs.Engine.Prompts;
using StretchBot.Dialogs.Plans;
using StretchBot.Dialogs.Progress;
using StretchBot.Dialogs.Safety;
using StretchBot.Dialogs.State;
using StretchBot.Dialogs.Understanding;
using StretchBot.Dialogs.Understanding.Readers;

namespace StretchBot.Dialogs.CheckIns;

/// <summary>
/// The weekly check-in. One card asks how each stretch went, pain now, how leg symptoms moved and which warning signs
/// have started (typed answers work too); what is missing is asked one short question at a time, warning signs first.
/// An emergency sign stops at once; a see-a-doctor sign asks whether a clinician has since checked (as the triage
/// does). Then <see cref="CheckInOutcome"/> applies the swap rule, <see cref="CheckInReport"/> says what changed, a swap
/// on offer can be taken, and the next check-in is booked. Takes <see cref="CheckInDialogOptions"/>.
/// </summary>
public sealed class CheckInDialog : ComponentDialog
{
    public const string NothingFilledInMessage = "Nothing was filled in, so let's take it one short question at a time.";
    public const string RedFlagQuestion = "Since we last spoke, have any of these started?";
    public const string LegSymptomsQuestion = "How are your leg symptoms compared with last time?";
    public const string LinkedStretchQuestion = "Did one of your stretches seem to bring that on?";
    public const string NotSureChoice = "notSure";

    private const string CardPrompt = "CardPrompt";
    private const string RedFlagPrompt = "RedFlagPrompt";
    private const string ClearancePrompt = "ClearancePrompt";
    private const string AnswersKey = "answers";
    private const string CheckInIdKey = "checkInId";
    private const string ClearanceAskedKey = "clearanceAsked";
    private const string OffersKey = "offers";

    private readonly StateAccessors _state;
    private readonly PlanPresenter _plans;
    private readonly CheckInOutcome _outcome;
    private readonly CheckInReport _report;
    private readonly CheckInBooking _booking;
    private readonly SafetyStop _safetyStop;
    private readonly IProgressRecorder _progress;
    private readonly ProgressCard _progressCard;

    public CheckInDialog(StateAccessors state, PlanPresenter plans, CheckInOutcome outcome, CheckInBooking booking, SafetyStop safetyStop, IProgressRecorder progress, ProgressCard progressCard, ICardRenderer cards, AnswerReaders readers)
        : base(nameof(CheckInDialog))
    {
        _state = state;
        _plans = plans;
        _outcome = outcome;
        _report = new CheckInReport(plans);
        _booking = booking;
        _safetyStop = safetyStop;
        _progress = progress;
        _progressCard = progressCard;

        AddDialog(new WaterfallDialog(nameof(WaterfallDialog))
            .AddStep(AskHowItWentStepAsync)
            .AddStep(ReadAnswersStepAsync)
            .AddStep(AskWarningSignsStepAsync)
            .AddStep(CheckWarningSignsStepAsync)
            .AddStep(AskEachStretchStepAsync)
            .AddStep(AskPainStepAsync)
            .AddStep(AskLegSymptomsStepAsync)
            .AddStep(AskLinkedStretchStepAsync)
            .AddStep(ApplyStepAsync)
            .AddStep(BookNextStepAsync));
        AddDialog(new AdaptiveCardPrompt(CardPrompt, cards, CheckInCard.ValidateAsync, (text, c) => CheckInCard.ReadTyped(readers.CheckIn, text, (c.Options.Choices ?? []).Select(x => x.Value).ToList())));
        AddDialog(new AdaptiveCardPrompt(RedFlagPrompt, cards, RedFlagCards.ValidateAsync, RedFlagCards.ReaderFor(() => readers.NewRedFlags), RedFlagCards.DescribeAnswer));
        AddDialog(new ConfirmPrompt(ClearancePrompt, cards: cards, reader: (text, _) => ClinicianOkReader.Clearance.Read(text)));
        AddDialog(new NumberPrompt(nameof(NumberPrompt), cards: cards, reader: (text, _) => readers.Pain.Read(text)));
        AddDialog(new ConfirmPrompt(nameof(ConfirmPrompt), cards: cards));
        AddDialog(new ChoicePrompt(nameof(ChoicePrompt), cards: cards));
        AddDialog(new StretchFeedbackDialog(cards, readers));
        InitialDialogId = nameof(WaterfallDialog);
    }

    private async Task<DialogTurnResult> AskHowItWentStepAsync(WaterfallStepContext stepContext, CancellationToken cancellationToken)
    {
        var plan = (await _state.GetProfileAsync(stepContext.Context, cancellationToken)).CurrentPlan;
        if (plan is null || plan.Stretches.Count == 0)
        {
            await stepContext.Context.SendActivityAsync(MessageFactory.Text(PlanPresenter.NoPlanMessage), cancellationToken);
            return await stepContext.EndDialogAsync(null, cancellationToken);
        }

        var options = stepContext.OptionsAs<CheckInDialogOptions>() ?? new CheckInDialogOptions();
        var checkInId = options.CheckInId ?? plan.CheckInId;
        stepContext.Values[CheckInIdKey] = checkInId;
        var stretches = plan.StretchIds.Select(id => (id, _plans.NameOf(id), (IReadOnlyList<string>)StretchSynonyms.For(id))).ToList();
        return await stepContext.PromptAsync(CardPrompt, CheckInCard.For(stretches, checkInId), cancellationToken);
    }

    // Words are easy to misread, and a misread "better" would keep a stretch that hurts: read them back.
    private async Task<DialogTurnResult> ReadAnswersStepAsync(WaterfallStepContext stepContext, CancellationToken cancellationToken)
    {
        var values = stepContext.ResultAs<JObject>() ?? new JObject();
        var planIds = await PlanIdsAsync(stepContext, cancellationToken);
        var answers = CheckInCard.ToAnswers(values, planIds) ?? new CheckInAnswers();
        stepContext.Values[AnswersKey] = answers;
        var typed = CheckInCard.IsTyped(values);
        if (!typed && answers.IsEmpty)
        {
            await stepContext.Context.SendActivityAsync(MessageFactory.Text(NothingFilledInMessage), cancellationToken);
        }

        if (!typed || (answers.Feedback.Count == 0 && answers.Changes.Count == 0))
        {
            return await stepContext.NextAsync(true, cancellationToken);
        }

        return await stepContext.PromptAsync(nameof(ConfirmPrompt), new PromptOptions
        {
            Prompt = $"Here's what I understood:{ReadBack(answers)} Is that right?",
            RetryPrompt = "Please answer yes if I understood you, or no and I'll ask about each stretch in turn.",
        }, cancellationToken);
    }

    // Safety first: the warning signs are asked before anything about the stretches.
    private async Task<DialogTurnResult> AskWarningSignsStepAsync(WaterfallStepContext stepContext, CancellationToken cancellationToken)
    {
        var answers = Answers(stepContext);
        if (!stepContext.ResultAs<bool>())
        {
            answers.Feedback.Clear();
            answers.Pain = null;
            answers.Changes.Clear();
            answers.LegSymptomsAnswered = false;
            await stepContext.Context.SendActivityAsync(MessageFactory.Text("Sorry about that. Let's go through them one at a time."), cancellationToken);
        }

        return answers.RedFlagsAnswered
            ? await stepContext.NextAsync(null, cancellationToken)
            : await stepContext.PromptAsync(RedFlagPrompt, RedFlagCards.CardFor(RedFlagCatalog.AtCheckIn, RedFlagQuestion, shortForm: true), cancellationToken);
    }

    private async Task<DialogTurnResult> CheckWarningSignsStepAsync(WaterfallStepContext stepContext, CancellationToken cancellationToken)
    {
        var answers = Answers(stepContext);
        if (stepContext.Result is JObject values)
        {
            var asked = RedFlagCatalog.AtCheckIn.Select(q => q.Id).ToHashSet(StringComparer.Ordinal);
            answers.RedFlagsYes = (RedFlagCards.ReadYesIds(values, asked) ?? []).Concat(RedFlagCards.ReadCarriedIds(values)).Distinct().ToList();
            answers.RedFlagsAnswered = true;
        }

        switch (RedFlagRules.Assess(Signs(answers)))
        {
            case RedFlagOutcome.Emergency:
                return await StopAsync(stepContext, answers, cancellationToken);
            case RedFlagOutcome.SeeDoctorSoon:
                stepContext.Values[ClearanceAskedKey] = true;
                await stepContext.Context.SendActivityAsync(MessageFactory.Text(RedFlagCards.NeedsCheckMessage), cancellationToken);
                return await stepContext.PromptAsync(ClearancePrompt, RedFlagCards.ClearancePrompt(), cancellationToken);
            default:
                return await stepContext.NextAsync(null, cancellationToken);
        }
    }

    private async Task<DialogTurnResult> AskEachStretchStepAsync(WaterfallStepContext stepContext, CancellationToken cancellationToken)
    {
        var answers = Answers(stepContext);
        if (stepContext.Values.Get<bool>(ClearanceAskedKey))
        {
            if (!stepContext.ResultAs<bool>())
            {
                return await StopAsync(stepContext, answers, cancellationToken);
            }

            answers.ClinicianCleared = true;
            await stepContext.Context.SendActivityAsync(MessageFactory.Text(RedFlagCards.ClearedMessage), cancellationToken);
        }

        var plan = (await _state.GetProfileAsync(stepContext.Context, cancellationToken)).CurrentPlan!;
        var stretches = plan.StretchIds.Select(id => new StretchName(id, _plans.NameOf(id))).ToList();
        return answers.FirstMissing(plan.StretchIds) is null
            ? await stepContext.NextAsync(answers, cancellationToken)
            : await stepContext.BeginDialogAsync(nameof(StretchFeedbackDialog), new StretchFeedbackOptions(answers, stretches), cancellationToken);
    }

    private async Task<DialogTurnResult> AskPainStepAsync(WaterfallStepContext stepContext, CancellationToken cancellationToken)
    {
        var answers = stepContext.ResultAs<CheckInAnswers>() ?? Answers(stepContext);
        stepContext.Values[AnswersKey] = answers;
        return answers.Pain is not null
            ? await stepContext.NextAsync(null, cancellationToken)
            : await stepContext.PromptAsync(nameof(NumberPrompt), new PromptOptions
            {
                Prompt = "And your back pain right now, from 0 (none) to 10 (the worst you can imagine)?",
                RetryPrompt = "Please give a number from 0 to 10, for example \"4\".",
                CardTemplate = "score",
                Choices = PainScale.Choices(),
                Validations = NumberPrompt.Range(0, 10),
            }, cancellationToken);
    }

    private async Task<DialogTurnResult> AskLegSymptomsStepAsync(WaterfallStepContext stepContext, CancellationToken cancellationToken)
    {
        var answers = Answers(stepContext);
        if (stepContext.Result is not null)
        {
            answers.Pain = stepContext.ResultAs<int>();
        }

        return answers.LegSymptomsAnswered || answers.Changes.Count > 0
            ? await stepContext.NextAsync(null, cancellationToken)
            : await stepContext.PromptAsync(nameof(ChoicePrompt), new PromptOptions
            {
                Prompt = LegSymptomsQuestion,
                RetryPrompt = $"Please choose one, or type it, for example \"no change\". {LegSymptomsQuestion}",
                Choices = CheckInCard.LegSymptomChoices(),
            }, cancellationToken);
    }

    // Symptoms spreading down the leg stop the stretch that brings them on: ask which, unless the words said so.
    private async Task<DialogTurnResult> AskLinkedStretchStepAsync(WaterfallStepContext stepContext, CancellationToken cancellationToken)
    {
        var answers = Answers(stepContext);
        if (stepContext.ResultAs<FoundChoice>() is { } leg)
        {
            answers.LegSymptomsAnswered = true;
            if (leg.Value != CheckInCard.NoLegChange && Enum.TryParse<SymptomChange>(leg.Value, out var change))
            {
                answers.Changes = answers.Changes.Append(change).Distinct().ToList();
            }
        }

        if (answers.Changes.Contains(SymptomChange.BothLegs))
        {
            return await StopAsync(stepContext, answers, cancellationToken);
        }

        var plan = await PlanIdsAsync(stepContext, cancellationToken);
        if (!answers.SymptomsSpread || plan.Any(id => answers.Feedback.GetValueOrDefault(id) == Feedback.Worse))
        {
            return await stepContext.NextAsync(null, cancellationToken);
        }

        return await stepContext.PromptAsync(nameof(ChoicePrompt), new PromptOptions
        {
            Prompt = LinkedStretchQuestion,
            RetryPrompt = $"Please choose the stretch, or \"not sure\". {LinkedStretchQuestion}",
            Choices = plan.Select(id => new Choice(id, _plans.NameOf(id), [.. StretchSynonyms.For(id)]))
                .Append(new Choice(NotSureChoice, "Not sure, or none of them", "not sure", "none", "no", "dont know"))
                .ToList(),
        }, cancellationToken);
    }

    private async Task<DialogTurnResult> ApplyStepAsync(WaterfallStepContext stepContext, CancellationToken cancellationToken)
    {
        var answers = Answers(stepContext);
        if (stepContext.ResultAs<FoundChoice>() is { } linked && linked.Value != NotSureChoice)
        {
            answers.Feedback[linked.Value] = Feedback.Worse;
        }

        var (profile, result) = await ApplyAsync(stepContext, answers, cancellationToken);
        if (result.RedFlag != RedFlagOutcome.None || result.NoPlan)
        {
            await (result.RedFlag != RedFlagOutcome.None
                ? _safetyStop.StopAsync(stepContext.Context, result.RedFlag, Signs(answers), cancellationToken)
                : _safetyStop.StopWithoutPlanAsync(stepContext.Context, result.AdviceLines, cancellationToken));
            return await stepContext.EndDialogAsync(null, cancellationToken);
        }

        await _report.SendAsync(stepContext.Context, result, cancellationToken);
        if (result.OfferedSwaps.Count == 0 || profile.CurrentPlan is null)
        {
            return await stepContext.NextAsync(null, cancellationToken);
        }

        stepContext.Values[OffersKey] = result.OfferedSwaps.ToList();
        return await stepContext.PromptAsync(nameof(ChoicePrompt), _report.OfferQuestion(result.OfferedSwaps), cancellationToken);
    }

    private async Task<DialogTurnResult> BookNextStepAsync(WaterfallStepContext stepContext, CancellationToken cancellationToken)
    {
        var profile = await _state.GetProfileAsync(stepContext.Context, cancellationToken);
        var offers = stepContext.Values.Get<List<OfferedSwap>>(OffersKey) ?? [];
        if (stepContext.ResultAs<FoundChoice>() is { } taken && offers.FirstOrDefault(o => o.CurrentId == taken.Value) is { } offer)
        {
            CheckInOutcome.TakeOffer(profile.CurrentPlan!, offer);
            var swap = new SwapRecord(offer.CurrentId, offer.Alternative.Stretch.Id, SwapReason.Offered);
            await _progress.SwapTakenAsync(UserKey.From(stepContext.Context.Activity), swap, cancellationToken);
            var text = $"Done: the {_plans.NameOf(offer.Alternative.Stretch.Id)} replaces the {_plans.NameOf(offer.CurrentId)}, and I'll ask how it went next time.";
            await stepContext.Context.SendActivityAsync(MessageFactory.Text(text), cancellationToken);
        }

        await _booking.BookNextAsync(stepContext.Context, profile, cancellationToken);
        await _progressCard.SendCheckInSummaryAsync(stepContext.Context, cancellationToken);
        return await stepContext.EndDialogAsync(null, cancellationToken);
    }

    // A warning sign (or no clearance for one): the rule runs on what was said, then the safety stop for its tier.
    private async Task<DialogTurnResult> StopAsync(WaterfallStepContext stepContext, CheckInAnswers answers, CancellationToken cancellationToken)
    {
        var (_, result) = await ApplyAsync(stepContext, answers, cancellationToken);
        await _safetyStop.StopAsync(stepContext.Context, result.RedFlag == RedFlagOutcome.None ? RedFlagOutcome.SeeDoctorSoon : result.RedFlag, Signs(answers), cancellationToken);
        return await stepContext.EndDialogAsync(null, cancellationToken);
    }

    private async Task<(UserProfile Profile, SwapResult Result)> ApplyAsync(WaterfallStepContext stepContext, CheckInAnswers answers, CancellationToken cancellationToken)
    {
        var profile = await _state.GetProfileAsync(stepContext.Context, cancellationToken);
        if (stepContext.Values.Get<string>(CheckInIdKey) is { } checkInId)
        {
            await _booking.MarkAnsweredAsync(checkInId, profile, cancellationToken);
        }

        var result = _outcome.Apply(profile, answers);
        await _progress.CheckInAnsweredAsync(UserKey.From(stepContext.Context.Activity), CheckInRecord.From(answers, result), cancellationToken);
        return (profile, result);
    }

    private string ReadBack(CheckInAnswers answers)
    {
        var feedback = string.Join("; ", answers.Feedback.Select(f => $"{_plans.NameOf(f.Key)}: {Domain.DomainLabels.Label(f.Value).ToLowerInvariant()}"));
        var understood = feedback.Length == 0 ? string.Empty : $" {feedback}.";
        var pain = answers.Pain is null ? string.Empty : $" Pain now: {answers.Pain} out of 10.";
        var changes = answers.Changes.Count == 0 ? string.Empty : $" You {(feedback.Length == 0 ? string.Empty : "also ")}said {string.Join(" and ", answers.Changes.Select(CheckInCard.Describe))}.";
        return understood + pain + changes;
    }

    // The signs said yes to, and symptoms now in both legs (the same sign).
    private static IReadOnlyList<string> Signs(CheckInAnswers answers)
        => answers.Changes.Contains(SymptomChange.BothLegs) ? [.. answers.RedFlagsYes, RedFlagIds.BothLegs] : answers.RedFlagsYes;

    private static CheckInAnswers Answers(WaterfallStepContext stepContext) => stepContext.Values.Get<CheckInAnswers>(AnswersKey)!;

    private async Task<List<string>> PlanIdsAsync(WaterfallStepContext stepContext, CancellationToken cancellationToken)
        => (await _state.GetProfileAsync(stepContext.Context, cancellationToken)).CurrentPlan?.StretchIds.ToList() ?? [];
}
