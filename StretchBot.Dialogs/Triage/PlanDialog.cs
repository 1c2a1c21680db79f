using StretchBot.Dialogs.Safety;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Options;
using StretchBot.Dialogs.CheckIns;
using StretchBot.Domain.Triage;
using StretchBot.Domain.Recommendations;
using StretchBot.Domain.RedFlags;
using StretchBot.Dialogs.Engine;
using StretchBot.Dialogs.Engine.Prompts;
using StretchBot.Dialogs.Plans;
using StretchBot.Dialogs.State;

namespace StretchBot.Dialogs.Triage;

/// <summary>
/// Shows the 1-3 stretch cards picked for this user with the reason for each and the safety rules, then asks
/// when to check in (one week on at the same time by default, or a typed time) and confirms it in the user's
/// own time zone. Returns true when a plan was given.
/// </summary>
public sealed class PlanDialog : ComponentDialog
{
    public const string CheckInQuestion =
        "When should I check in to see how they're going? Choose the button, or type a day and time, like \"next Monday at 6pm\".";

    /// <summary>The latest a check-in may be booked (within the web transcript's retention, so the web page still has it).</summary>
    public static readonly TimeSpan LatestCheckIn = TimeSpan.FromDays(28);

    private readonly StateAccessors _state;
    private readonly StretchRecommender _recommender;
    private readonly PlanPresenter _plans;
    private readonly ICheckInScheduler _scheduler;
    private readonly SafetyStop _safetyStop;
    private readonly CheckInOptions _checkIns;
    private readonly Progress.IProgressRecorder _progress;
    private readonly TimeProvider _time;

    public PlanDialog(StateAccessors state, StretchRecommender recommender, PlanPresenter plans, ICheckInScheduler scheduler, SafetyStop safetyStop, IOptions<CheckInOptions> checkIns, TimeProvider time, ICardRenderer cards, Progress.IProgressRecorder progress)
        : base(nameof(PlanDialog))
    {
        _state = state;
        _recommender = recommender;
        _plans = plans;
        _scheduler = scheduler;
        _safetyStop = safetyStop;
        _checkIns = checkIns.Value;
        _time = time;
        _progress = progress;
        AddDialog(new WaterfallDialog(nameof(WaterfallDialog))
            .AddStep(ShowPlanStepAsync)
            .AddStep(ScheduleStepAsync));
        // The words for the suggested time ("same time next week", "ok", ...) stay with the prompt rather than in every
        // conversation's stored state (they were a third of it while the question waits).
        AddDialog(new DateTimePrompt(nameof(DateTimePrompt), time, ValidateCheckInTimeAsync, cards, CheckInTimes.DefaultButtonWords(CheckInTimes.DefaultLabel(_checkIns.Interval))));
        InitialDialogId = nameof(WaterfallDialog);
    }

    private async Task<DialogTurnResult> ShowPlanStepAsync(WaterfallStepContext stepContext, CancellationToken cancellationToken)
    {
        var profile = await _state.GetProfileAsync(stepContext.Context, cancellationToken);
        var answers = stepContext.OptionsAs<TriageAnswers>() ?? profile.Answers;
        // Stretches this user has already found worse are never offered again.
        var recommendation = _recommender.Recommend(answers, profile.FoundWorse);
        if (!recommendation.HasPlan)
        {
            var signs = StretchRecommender.RedFlagSigns(answers);
            var stopping = recommendation.Status switch
            {
                RecommendationStatus.Emergency => _safetyStop.StopAsync(stepContext.Context, RedFlagOutcome.Emergency, signs, cancellationToken),
                RecommendationStatus.SeeDoctorSoon => _safetyStop.StopAsync(stepContext.Context, RedFlagOutcome.SeeDoctorSoon, signs, cancellationToken),
                _ => _safetyStop.StopWithoutPlanAsync(stepContext.Context, [recommendation.NoPlanReason ?? StretchRecommender.NothingSuitableReason], cancellationToken),
            };
            await stopping;
            return await stepContext.EndDialogAsync(false, cancellationToken);
        }

        var now = _time.GetUtcNow();
        var plan = new StretchPlan
        {
            CreatedUtc = now,
            Stretches = recommendation.Stretches.Select(s => new PlannedStretch { StretchId = s.Stretch.Id, Reason = s.Reason }).ToList(),
            PainAtStart = answers.PainNow ?? 0,
            IsGentle = recommendation.IsGentlePlan,
            TimeZoneId = UserTimeZone.Capture(stepContext.Context.Activity),
            Answers = answers.Clone(),
        };
        profile.ReplacePlan(plan);
        profile.LastStop = null;
        var record = new Progress.PlanRecord(plan.PainAtStart, plan.IsGentle, plan.Stretches.Select(p => (p.StretchId, p.Reason)).ToList(), plan.Answers);
        await _progress.PlanStartedAsync(UserKey.From(stepContext.Context.Activity), record, cancellationToken);
        profile.LastFeedback.Clear();
        profile.CheckInsStopped = false;

        var count = PlanPresenter.Count(plan.Stretches.Count);
        var (title, note) = recommendation.IsGentlePlan && PlanRules.IsSevere(answers.PainNow)
            ? ($"Your plan: {count}, kept gentle", "Your pain is high at the moment, so I've kept this small and gentle.")
            : recommendation.IsGentlePlan
            ? ($"Your plan: {count}, kept gentle", "A doctor or physio has checked the warning sign you told me about, so, as promised, these are gentle ones you do without getting down to the floor.")
            : ($"Your plan: {count}", "Picked for what you told me. The cards below show how to do each one.");
        await _plans.ShowPlanAsync(stepContext.Context, title, note, plan.Stretches, recommendation.Advice, cancellationToken);

        var defaultDue = now + _checkIns.Interval;
        return await stepContext.PromptAsync(nameof(DateTimePrompt), new PromptOptions
        {
            Prompt = CheckInQuestion,
            RetryPrompt = "Sorry, I couldn't read that as a day and time in the future. Try \"next Monday at 6pm\", or use the button.",
            Choices = new List<Choice>
            {
                new(DateTimePrompt.ChoiceValue(defaultDue), $"{CheckInTimes.DefaultLabel(_checkIns.Interval)} ({CheckInTimes.Short(defaultDue, plan.TimeZoneId)})"),
            },
        }, cancellationToken);
    }

    private async Task<DialogTurnResult> ScheduleStepAsync(WaterfallStepContext stepContext, CancellationToken cancellationToken)
    {
        var due = stepContext.ResultAs<DateTimeOffset>();
        var profile = await _state.GetProfileAsync(stepContext.Context, cancellationToken);
        var plan = profile.CurrentPlan!;

        var reference = stepContext.Context.Activity.GetConversationReference();
        var checkIn = await _scheduler.ScheduleAsync(UserKey.From(stepContext.Context.Activity), reference, due, cancellationToken);
        plan.CheckInId = checkIn.Id;
        plan.NextCheckInUtc = checkIn.DueUtc;
        plan.TimeZoneId = UserTimeZone.Capture(stepContext.Context.Activity) ?? plan.TimeZoneId;

        var when = CheckInTimes.Describe(checkIn.DueUtc, plan.TimeZoneId);
        await stepContext.Context.SendActivityAsync(
            MessageFactory.Text($"Done. I'll check in on {when}. Until then, type \"my plan\" to see your stretches again, or \"help\" for other options."),
            cancellationToken);
        return await stepContext.EndDialogAsync(true, cancellationToken);
    }

    private async Task<bool> ValidateCheckInTimeAsync(PromptValidatorContext<DateTimeOffset> promptContext, CancellationToken cancellationToken)
    {
        if (!promptContext.Recognized.Succeeded)
        {
            return false;
        }

        if (promptContext.Recognized.Value <= _time.GetUtcNow() + LatestCheckIn)
        {
            return true;
        }

        await promptContext.Context.SendActivityAsync(MessageFactory.Text("That's a long way off. Please pick a time within the next four weeks, for example \"next Monday at 6pm\", or use the button."), cancellationToken);
        return false;
    }
}
