using StretchBot.Dialogs.Plans;
using StretchBot.Dialogs.Safety;
using Microsoft.Bot.Builder;
using StretchBot.Domain.RedFlags;
using StretchBot.Domain.Triage;
using StretchBot.Dialogs.Engine;
using StretchBot.Dialogs.Engine.Prompts;
using StretchBot.Dialogs.Understanding;
using StretchBot.Dialogs.Understanding.Readers;
using StretchBot.Dialogs.State;

namespace StretchBot.Dialogs.Triage;

/// <summary>
/// The symptom questions, one short card at a time, each answerable by button or typed words. Takes the user's
/// <see cref="TriageAnswers"/> as options (a question whose answer is already known or implied is skipped) and returns
/// them completed in a <see cref="TriageResult"/>: complete, or stopped by an answer (new pain in both legs is an
/// emergency sign; new pain under 20 or over 50 needs a clinician's check).
/// </summary>
public sealed class TriageDialog : ComponentDialog
{
    public const string NewPainAtThisAgeMessage =
        "Back pain that started recently, in someone under 20 or over 50, is worth a doctor's check before you start stretching.";

    public const string WentBackMessage = "Okay, let's go back one question.";
    public const string FirstQuestionMessage =
        "That's the first of these questions, so there's nothing before it to change. To answer the safety questions again, type \"start over\".";

    /// <summary>Shown on every symptom question card: how to answer, and how to go back one question.</summary>
    public const string Hint = "Choose an answer, or type it. Type \"go back\" to change your previous answer.";

    /// <summary>The hint on the diagnoses card, where answers are ticked.</summary>
    public const string TickHint = "Tick any, then press Done, or type them. Type \"go back\" to change your previous answer.";

    private const string ScoreTemplate = "score";
    private const string PainPrompt = "PainPrompt";
    private const string DurationPrompt = "DurationPrompt";
    private const string LocationPrompt = "LocationPrompt";
    private const string BothLegsPrompt = "BothLegsPrompt";
    private const string WorseWithPrompt = "WorseWithPrompt";
    private const string EasedByPrompt = "EasedByPrompt";
    private const string DiagnosesPrompt = "DiagnosesPrompt";
    private const string FloorPrompt = "FloorPrompt";
    private const string SittingPrompt = "SittingPrompt";
    private const string RunningPrompt = "RunningPrompt";
    private const string AgePrompt = "AgePrompt";
    private const string ClearancePrompt = "ClearancePrompt";

    private const string ClearanceAskedKey = "clearanceAsked";
    private const string AnswersKey = "answers";

    private readonly SafetyStop _safetyStop;
    private readonly TimeProvider _time;

    public TriageDialog(SafetyStop safetyStop, TimeProvider time, ICardRenderer cards, AnswerReaders readers)
        : base(nameof(TriageDialog))
    {
        _safetyStop = safetyStop;
        _time = time;
        AddDialog(new WaterfallDialog(nameof(WaterfallDialog))
            .AddStep(AskPainStepAsync)
            .AddStep(AskDurationStepAsync)
            .AddStep(AskLocationStepAsync)
            .AddStep(AskWhetherBothLegsAreNewStepAsync)
            .AddStep(AskWorseWithStepAsync)
            .AddStep(AskEasedByStepAsync)
            .AddStep(AskDiagnosesStepAsync)
            .AddStep(AskFloorStepAsync)
            .AddStep(AskSittingStepAsync)
            .AddStep(AskRunningStepAsync)
            .AddStep(AskAgeStepAsync)
            .AddStep(CheckImpliedRedFlagsStepAsync)
            .AddStep(FinishStepAsync));
        // Each question reads typing with its own words ("a fortnight", "down my left leg", "not a disc").
        AddDialog(new NumberPrompt(PainPrompt, cards: cards, reader: (text, _) => readers.Pain.Read(text)));
        AddDialog(new ChoicePrompt(DurationPrompt, cards: cards, reader: (text, c) => readers.Duration.Read(text, c.TimeZone, c.Culture).Map(v => v.ToString())));
        AddDialog(new ChoicePrompt(LocationPrompt, cards: cards, reader: (text, _) => readers.Location.Read(text).Map(v => v.ToString())));
        AddDialog(new ConfirmPrompt(BothLegsPrompt, cards: cards));
        AddDialog(new ChoicePrompt(WorseWithPrompt, cards: cards, reader: (text, _) => readers.WorseWith.Read(text).Map(v => v.ToString())));
        AddDialog(new ChoicePrompt(EasedByPrompt, cards: cards, reader: (text, _) => EasedByReading.Read(readers, text)));
        AddDialog(new MultiChoicePrompt(DiagnosesPrompt, cards: cards, reader: (text, _) => readers.Diagnoses.Read(text).Map(v => v.Select(d => d.ToString()).ToList())));
        AddDialog(new ConfirmPrompt(FloorPrompt, cards: cards, reader: (text, _) => TriageYesNoReaders.Floor.Read(text)));
        AddDialog(new ConfirmPrompt(SittingPrompt, cards: cards, reader: (text, _) => TriageYesNoReaders.Sitting.Read(text)));
        AddDialog(new ConfirmPrompt(RunningPrompt, cards: cards, reader: (text, _) => TriageYesNoReaders.Running.Read(text)));
        AddDialog(new ChoicePrompt(AgePrompt, cards: cards, reader: (text, _) => readers.Age.Read(text).Map(v => v.ToString())));
        AddDialog(new ConfirmPrompt(ClearancePrompt, cards: cards, reader: (text, _) => ClinicianOkReader.Clearance.Read(text)));

        // Stacks saved before the questions had prompts of their own carry on with the plain ones.
        AddDialog(new NumberPrompt(nameof(NumberPrompt), cards: cards));
        AddDialog(new ChoicePrompt(nameof(ChoicePrompt), cards: cards));
        AddDialog(new MultiChoicePrompt(nameof(MultiChoicePrompt), cards: cards));
        AddDialog(new ConfirmPrompt(nameof(ConfirmPrompt), cards: cards));
        InitialDialogId = nameof(WaterfallDialog);
    }

    /// <summary>"back" / "change my answer": forget the last symptom answer and ask that question again.</summary>
    public override async Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        if (!Commands.CommandRecognizer.IsChangeAnswer(dc.Context.Activity))
        {
            return await base.ContinueDialogAsync(dc, cancellationToken);
        }

        var values = ChildInstance(dc, nameof(WaterfallDialog)) is { } waterfall ? WaterfallDialog.ValuesOf(waterfall) : null;
        var answers = values?.Get<TriageAnswers>(AnswersKey);
        if (answers is null || !TriageQuestions.ForgetLastAnswer(answers))
        {
            await dc.Context.SendActivityAsync(MessageFactory.Text(FirstQuestionMessage), cancellationToken);
            await RepromptDialogAsync(dc.Context, dc.ActiveDialog!, cancellationToken);
            return EndOfTurn;
        }

        await dc.Context.SendActivityAsync(MessageFactory.Text(WentBackMessage), cancellationToken);
        return await RestartAsync(dc, answers, cancellationToken);
    }

    private async Task<DialogTurnResult> AskPainStepAsync(WaterfallStepContext stepContext, CancellationToken cancellationToken)
    {
        var answers = stepContext.OptionsAs<TriageAnswers>() ?? new TriageAnswers();
        stepContext.Values[AnswersKey] = answers;
        if (answers.PainNow is not null)
        {
            return await stepContext.NextAsync(null, cancellationToken);
        }

        await stepContext.Context.SendActivityAsync(MessageFactory.Text("Now a few questions about your pain, so I can pick stretches that suit you."), cancellationToken);
        return await stepContext.PromptAsync(PainPrompt, new PromptOptions
        {
            Prompt = TriageQuestions.Pain,
            RetryPrompt = "Please give a number from 0 (no pain) to 10 (the worst you can imagine), for example \"6\".",
            CardTemplate = ScoreTemplate,
            CardData = TriagePrompts.HintData(),
            Choices = PainScale.Choices(),
            Validations = NumberPrompt.Range(0, 10),
        }, cancellationToken);
    }

    private async Task<DialogTurnResult> AskDurationStepAsync(WaterfallStepContext stepContext, CancellationToken cancellationToken)
    {
        var answers = Answers(stepContext);
        if (stepContext.Result is not null)
        {
            answers.PainNow = stepContext.ResultAs<int>();
        }

        return answers.Duration is not null
            ? await stepContext.NextAsync(null, cancellationToken)
            : await TriagePrompts.AskChoiceAsync(stepContext, DurationPrompt, TriageQuestions.Duration, TriageQuestions.DurationChoices(), "\"about 3 weeks\" or \"since March\"", cancellationToken);
    }

    private async Task<DialogTurnResult> AskLocationStepAsync(WaterfallStepContext stepContext, CancellationToken cancellationToken)
    {
        var answers = Answers(stepContext);
        answers.Duration = ChosenEnum<PainDuration>(stepContext) ?? answers.Duration;
        return answers.Location is not null
            ? await stepContext.NextAsync(null, cancellationToken)
            : await TriagePrompts.AskChoiceAsync(stepContext, LocationPrompt, TriageQuestions.Location, TriageQuestions.LocationChoices(), "\"lower back\" or \"down my left leg\"", cancellationToken);
    }

    // Pain down both legs is the emergency sign only when it is new or getting worse: long-standing pain in both
    // legs (often spinal stenosis) is not, and such a person can still get a plan.
    private async Task<DialogTurnResult> AskWhetherBothLegsAreNewStepAsync(WaterfallStepContext stepContext, CancellationToken cancellationToken)
    {
        var answers = Answers(stepContext);
        answers.Location = ChosenEnum<PainLocation>(stepContext) ?? answers.Location;
        return answers.Location != PainLocation.BothLegs || answers.BothLegsNewOrWorse is not null
            ? await stepContext.NextAsync(null, cancellationToken)
            : await TriagePrompts.AskYesNoAsync(stepContext, BothLegsPrompt, TriageQuestions.BothLegsNewOrWorse, TriageQuestions.BothLegsChoices(), cancellationToken);
    }

    private async Task<DialogTurnResult> AskWorseWithStepAsync(WaterfallStepContext stepContext, CancellationToken cancellationToken)
    {
        var answers = Answers(stepContext);
        answers.BothLegsNewOrWorse = YesNo(stepContext) ?? answers.BothLegsNewOrWorse;
        if (answers.Location == PainLocation.BothLegs && answers.BothLegsNewOrWorse != false)
        {
            // The same sign as the emergency red flag: stop here, whatever came before.
            answers.RedFlagAnswers[RedFlagIds.BothLegs] = true;
            await _safetyStop.StopAsync(stepContext.Context, RedFlagOutcome.Emergency, [RedFlagIds.BothLegs], cancellationToken);
            return await stepContext.EndDialogAsync(new TriageResult(false, answers), cancellationToken);
        }

        return answers.WorseWith is not null
            ? await stepContext.NextAsync(null, cancellationToken)
            : await TriagePrompts.AskChoiceAsync(stepContext, WorseWithPrompt, TriageQuestions.WorseWith, TriageQuestions.WorseWithChoices(), "\"sitting\" or \"walking\"", cancellationToken);
    }

    // What eases it (a directional preference); when both directions make it worse, neither can ease it.
    private async Task<DialogTurnResult> AskEasedByStepAsync(WaterfallStepContext stepContext, CancellationToken cancellationToken)
    {
        var answers = Answers(stepContext);
        answers.WorseWith = ChosenEnum<WorseWith>(stepContext) ?? answers.WorseWith;
        if (answers.WorseWith == WorseWith.Both)
        {
            answers.EasedBy ??= EasedBy.NeitherOrNotSure;
        }

        return answers.EasedBy is not null
            ? await stepContext.NextAsync(null, cancellationToken)
            : await TriagePrompts.AskChoiceAsync(stepContext, EasedByPrompt, TriageQuestions.EasedBy, TriageQuestions.EasedByChoices(), "\"walking\" or \"sitting down\"", cancellationToken);
    }

    private async Task<DialogTurnResult> AskDiagnosesStepAsync(WaterfallStepContext stepContext, CancellationToken cancellationToken)
    {
        var answers = Answers(stepContext);
        answers.EasedBy = ChosenEnum<EasedBy>(stepContext) ?? answers.EasedBy;
        if (answers.Diagnoses is not null)
        {
            return await stepContext.NextAsync(null, cancellationToken);
        }

        return await stepContext.PromptAsync(DiagnosesPrompt, new PromptOptions
        {
            Prompt = TriageQuestions.Diagnoses,
            RetryPrompt = "Please tick any that a doctor or physio has told you about, or choose \"None of these, or I don't know\". You can type them too, for example \"a slipped disc\".",
            Choices = TriageQuestions.DiagnosisChoices(),
            CardData = TriagePrompts.WithQuickAnswer(new Newtonsoft.Json.Linq.JObject { ["hint"] = TickHint }, TriageQuestions.DiagnosisChoices().Single(c => c.Value == nameof(Diagnosis.NoneOrDontKnow))),
        }, cancellationToken);
    }

    private async Task<DialogTurnResult> AskFloorStepAsync(WaterfallStepContext stepContext, CancellationToken cancellationToken)
    {
        var answers = Answers(stepContext);
        var picked = stepContext.ResultAs<List<string>>();
        if (picked is not null)
        {
            var diagnoses = picked.Select(v => Enum.Parse<Diagnosis>(v)).ToList();
            // "None" next to a real diagnosis is a slip: keep what they did tell us.
            if (diagnoses.Count > 1)
            {
                diagnoses.Remove(Diagnosis.NoneOrDontKnow);
            }

            answers.Diagnoses = diagnoses;
        }

        return answers.CanGetToFloor is not null
            ? await stepContext.NextAsync(null, cancellationToken)
            : await TriagePrompts.AskYesNoAsync(stepContext, FloorPrompt, TriageQuestions.Floor, TriageQuestions.FloorChoices(), cancellationToken);
    }

    private async Task<DialogTurnResult> AskSittingStepAsync(WaterfallStepContext stepContext, CancellationToken cancellationToken)
    {
        var answers = Answers(stepContext);
        answers.CanGetToFloor = YesNo(stepContext) ?? answers.CanGetToFloor;
        return answers.SitsForLongPeriods is not null
            ? await stepContext.NextAsync(null, cancellationToken)
            : await TriagePrompts.AskYesNoAsync(stepContext, SittingPrompt, TriageQuestions.Sitting, null, cancellationToken);
    }

    private async Task<DialogTurnResult> AskRunningStepAsync(WaterfallStepContext stepContext, CancellationToken cancellationToken)
    {
        var answers = Answers(stepContext);
        answers.SitsForLongPeriods = YesNo(stepContext) ?? answers.SitsForLongPeriods;
        return answers.Runs is not null
            ? await stepContext.NextAsync(null, cancellationToken)
            : await TriagePrompts.AskYesNoAsync(stepContext, RunningPrompt, TriageQuestions.Running, null, cancellationToken);
    }

    private async Task<DialogTurnResult> AskAgeStepAsync(WaterfallStepContext stepContext, CancellationToken cancellationToken)
    {
        var answers = Answers(stepContext);
        answers.Runs = YesNo(stepContext) ?? answers.Runs;
        if (answers.AgeBand is not null)
        {
            return await stepContext.NextAsync(null, cancellationToken);
        }

        return await stepContext.PromptAsync(AgePrompt, new PromptOptions
        {
            Prompt = TriageQuestions.Age,
            RetryPrompt = "Please pick your age group, or type your age in years, for example \"47\".",
            Choices = TriageQuestions.AgeChoices(),
            CardData = TriagePrompts.HintData(),
        }, cancellationToken);
    }

    private async Task<DialogTurnResult> CheckImpliedRedFlagsStepAsync(WaterfallStepContext stepContext, CancellationToken cancellationToken)
    {
        var answers = Answers(stepContext);
        answers.AgeBand = ChosenEnum<AgeBand>(stepContext) ?? answers.AgeBand;

        // New pain under 20 or over 50 is a see-a-doctor sign even if that safety question was answered no.
        var implied = Domain.Recommendations.StretchRecommender.ImpliedRedFlags(answers);
        if (implied.Count == 0 || answers.ClinicianClearedRedFlags == true)
        {
            return await stepContext.NextAsync(null, cancellationToken);
        }

        foreach (var id in implied)
        {
            answers.RedFlagAnswers[id] = true;
        }

        stepContext.Values[ClearanceAskedKey] = true;
        await stepContext.Context.SendActivityAsync(MessageFactory.Text(NewPainAtThisAgeMessage), cancellationToken);
        return await stepContext.PromptAsync(ClearancePrompt, RedFlagCards.ClearancePrompt(), cancellationToken);
    }

    private async Task<DialogTurnResult> FinishStepAsync(WaterfallStepContext stepContext, CancellationToken cancellationToken)
    {
        var answers = Answers(stepContext);
        if (!stepContext.Values.Get<bool>(ClearanceAskedKey))
        {
            return await stepContext.EndDialogAsync(new TriageResult(true, answers), cancellationToken);
        }

        var cleared = stepContext.ResultAs<bool>();
        answers.ClinicianClearedRedFlags = cleared;
        answers.ClinicianClearedRedFlagsAt = cleared ? _time.GetUtcNow() : null;
        if (!cleared)
        {
            await _safetyStop.StopAsync(stepContext.Context, RedFlagOutcome.SeeDoctorSoon, answers.RedFlagYesIds(), cancellationToken);
        }

        return await stepContext.EndDialogAsync(new TriageResult(cleared, answers), cancellationToken);
    }

    private static T? ChosenEnum<T>(WaterfallStepContext stepContext)
        where T : struct, Enum
        => stepContext.ResultAs<FoundChoice>() is { } choice && Enum.TryParse<T>(choice.Value, out var value) ? value : null;

    private static bool? YesNo(WaterfallStepContext stepContext)
        => stepContext.Result is null ? null : stepContext.ResultAs<bool>();

    private static TriageAnswers Answers(WaterfallStepContext stepContext) => stepContext.Values.Get<TriageAnswers>(AnswersKey)!;
}
