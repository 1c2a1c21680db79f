using StretchBot.Dialogs.Safety;
using Microsoft.Bot.Builder;
using StretchBot.Dialogs.CheckIns;
using StretchBot.Domain.RedFlags;
using StretchBot.Dialogs.Engine;
using StretchBot.Dialogs.Engine.Prompts;
using StretchBot.Dialogs.Plans;
using StretchBot.Dialogs.Progress;
using StretchBot.Dialogs.State;

namespace StretchBot.Dialogs.Triage;

/// <summary>
/// The root of the conversation. A new user goes through consent, red flags, triage and a plan; a returning
/// user with a plan can see it again, start over, or wait for the check-in. The user's answers go into each step's
/// dialog as its options and come back as its result; this dialog keeps them in the user's profile.
/// </summary>
public sealed class MainDialog : ComponentDialog
{
    public const string ShowPlanChoice = "showPlan";
    public const string StartOverChoice = "startOver";
    public const string WaitChoice = "wait";

    private readonly StateAccessors _state;
    private readonly PlanPresenter _plans;
    private readonly ICheckInScheduler _scheduler;
    private readonly SafetyStop _safetyStop;
    private readonly IProgressRecorder _progress;

    public MainDialog(StateAccessors state, PlanPresenter plans, ICheckInScheduler scheduler, SafetyStop safetyStop, IProgressRecorder progress, ConsentDialog consentDialog, RedFlagDialog redFlagDialog, TriageDialog triageDialog, PlanDialog planDialog, ICardRenderer cards)
        : base(nameof(MainDialog))
    {
        _state = state;
        _plans = plans;
        _scheduler = scheduler;
        _safetyStop = safetyStop;
        _progress = progress;

        AddDialog(new WaterfallDialog(nameof(WaterfallDialog))
            .AddStep(IntroStepAsync)
            .AddStep(RouteStepAsync)
            .AddStep(ConsentStepAsync)
            .AddStep(RedFlagStepAsync)
            .AddStep(TriageStepAsync)
            .AddStep(PlanStepAsync)
            .AddStep(FinalStepAsync));
        AddDialog(new ChoicePrompt(nameof(ChoicePrompt), cards: cards));
        AddDialog(consentDialog);
        AddDialog(redFlagDialog);
        AddDialog(triageDialog);
        AddDialog(planDialog);
        InitialDialogId = nameof(WaterfallDialog);
    }

    public const string CannotGoBackMessage =
        "I can go back one question during the questions about your pain. To answer the earlier questions again, type \"start over\".";

    /// <summary>"back" outside the symptom questions: say where it works, and ask the open question again.</summary>
    public override async Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        if (!Commands.CommandRecognizer.IsChangeAnswer(dc.Context.Activity) || ActiveChildId(dc) == nameof(TriageDialog))
        {
            return await base.ContinueDialogAsync(dc, cancellationToken);
        }

        await dc.Context.SendActivityAsync(MessageFactory.Text(CannotGoBackMessage), cancellationToken);
        await RepromptDialogAsync(dc.Context, dc.ActiveDialog!, cancellationToken);
        return EndOfTurn;
    }

    private async Task<DialogTurnResult> IntroStepAsync(WaterfallStepContext stepContext, CancellationToken cancellationToken)
    {
        var options = stepContext.OptionsAs<MainDialogOptions>() ?? new MainDialogOptions();
        var profile = await _state.GetProfileAsync(stepContext.Context, cancellationToken);
        if (options.StartingOver || profile.CurrentPlan is null)
        {
            if (!options.StartingOver)
            {
                await _safetyStop.RecallAsync(stepContext.Context, cancellationToken); // a returning user after a safety stop
            }

            return await stepContext.NextAsync(null, cancellationToken);
        }

        var pending = await _scheduler.GetPendingAsync(UserKey.From(stepContext.Context.Activity), cancellationToken);
        var choices = new List<Choice>
        {
            new(ShowPlanChoice, "Show my plan", "plan", "show plan", "see my plan"),
            new(StartOverChoice, "Start over", "new plan", "restart", "answer again"),
            new(WaitChoice, pending is null ? "Nothing for now" : "Wait for my check-in", "wait", "nothing", "later", "check in"),
        };
        return await stepContext.PromptAsync(nameof(ChoicePrompt), new PromptOptions
        {
            Prompt = "Welcome back. You already have a stretch plan. What would you like to do?",
            RetryPrompt = "Please choose one: show my plan, start over, or wait.",
            Choices = choices,
        }, cancellationToken);
    }

    private async Task<DialogTurnResult> RouteStepAsync(WaterfallStepContext stepContext, CancellationToken cancellationToken)
    {
        var choice = stepContext.ResultAs<FoundChoice>();
        var profile = await _state.GetProfileAsync(stepContext.Context, cancellationToken);
        switch (choice?.Value)
        {
            case ShowPlanChoice:
                await _plans.ShowCurrentPlanAsync(stepContext.Context, profile, cancellationToken);
                return await stepContext.EndDialogAsync(null, cancellationToken);

            case WaitChoice:
                var next = profile.CurrentPlan?.NextCheckInUtc;
                var text = next is null
                    ? "No problem. Keep going with your stretches, and message me whenever you like."
                    : $"No problem. I'll check in on {CheckInTimes.Describe(next.Value, profile.CurrentPlan?.TimeZoneId)}.";
                await stepContext.Context.SendActivityAsync(MessageFactory.Text(text), cancellationToken);
                return await stepContext.EndDialogAsync(null, cancellationToken);

            case StartOverChoice:
                profile.Answers = profile.Answers.ForNewTriage();
                return await stepContext.NextAsync(null, cancellationToken);

            default:
                return await stepContext.NextAsync(null, cancellationToken);
        }
    }

    private async Task<DialogTurnResult> ConsentStepAsync(WaterfallStepContext stepContext, CancellationToken cancellationToken)
    {
        var answers = (await _state.GetProfileAsync(stepContext.Context, cancellationToken)).Answers;
        return await stepContext.BeginDialogAsync(nameof(ConsentDialog), new ConsentResult(answers.ConsentConfirmed, answers.ConsentConfirmedAt), cancellationToken);
    }

    private async Task<DialogTurnResult> RedFlagStepAsync(WaterfallStepContext stepContext, CancellationToken cancellationToken)
    {
        var consent = stepContext.ResultAs<ConsentResult>() ?? new ConsentResult(false, null);
        var profile = await _state.GetProfileAsync(stepContext.Context, cancellationToken);
        var newlyGiven = consent.Confirmed == true && profile.Answers.ConsentConfirmedAt != consent.At;
        profile.Answers.ConsentConfirmed = consent.Confirmed;
        profile.Answers.ConsentConfirmedAt = consent.At;
        if (newlyGiven)
        {
            await _progress.ConsentGivenAsync(UserKey.From(stepContext.Context.Activity), cancellationToken);
        }

        return consent.Confirmed == true
            ? await stepContext.BeginDialogAsync(nameof(RedFlagDialog), profile.Answers.Clone(), cancellationToken)
            : await stepContext.EndDialogAsync(null, cancellationToken);
    }

    private async Task<DialogTurnResult> TriageStepAsync(WaterfallStepContext stepContext, CancellationToken cancellationToken)
    {
        var screen = stepContext.ResultAs<RedFlagScreenResult>()!;
        var profile = await _state.GetProfileAsync(stepContext.Context, cancellationToken);
        profile.Answers = screen.Answers;
        var record = new SafetyScreenRecord("triage", screen.Answers.RedFlagYesIds(), screen.Outcome, screen.Answers.ClinicianClearedRedFlags);
        await _progress.SafetyScreenedAsync(UserKey.From(stepContext.Context.Activity), record, cancellationToken);
        return screen.Outcome == RedFlagOutcome.None
            ? await stepContext.BeginDialogAsync(nameof(TriageDialog), screen.Answers.Clone(), cancellationToken)
            : await stepContext.EndDialogAsync(null, cancellationToken);
    }

    private async Task<DialogTurnResult> PlanStepAsync(WaterfallStepContext stepContext, CancellationToken cancellationToken)
    {
        var triage = stepContext.ResultAs<TriageResult>()!;
        var profile = await _state.GetProfileAsync(stepContext.Context, cancellationToken);
        profile.Answers = triage.Answers;
        return triage.Complete
            ? await stepContext.BeginDialogAsync(nameof(PlanDialog), triage.Answers.Clone(), cancellationToken)
            : await stepContext.EndDialogAsync(null, cancellationToken);
    }

    private Task<DialogTurnResult> FinalStepAsync(WaterfallStepContext stepContext, CancellationToken cancellationToken)
        => stepContext.EndDialogAsync(null, cancellationToken);
}
