using Microsoft.Bot.Builder;
using StretchBot.Dialogs.Domain.RedFlags;
using StretchBot.Dialogs.Domain.Triage;
using StretchBot.Dialogs.Engine;
using StretchBot.Dialogs.Engine.Prompts;
using StretchBot.Dialogs.Understanding;
using StretchBot.Dialogs.Understanding.Readers;
using StretchBot.Dialogs.State;

namespace StretchBot.Dialogs.Triage;

/// <summary>
/// The symptom questions, one short card at a time, each answerable by button or typed words. Answers go
/// straight into the user's <see cref="TriageAnswers"/>. A question whose answer is already known or implied is
/// skipped. Returns true when the answers are complete, false when an answer stopped the triage (pain in both
/// legs is an emergency sign).
/// </summary>
public sealed class TriageDialog : ComponentDialog
{
    public const string BothLegsMessage =
        "Pain, numbness or weakness in both legs can be a sign of pressure on the nerves at the base of the spine, which needs checking urgently.";

    public const string NewPainAtThisAgeMessage =
        "Back pain that started recently, in someone under 20 or over 50, is worth a doctor's check before you start stretching.";

    private const string ScoreTemplate = "score";
    private const string PainPrompt = "PainPrompt";
    private const string DurationPrompt = "DurationPrompt";
    private const string LocationPrompt = "LocationPrompt";
    private const string WorseWithPrompt = "WorseWithPrompt";
    private const string DiagnosesPrompt = "DiagnosesPrompt";
    private const string FloorPrompt = "FloorPrompt";
    private const string SittingPrompt = "SittingPrompt";
    private const string RunningPrompt = "RunningPrompt";
    private const string AgePrompt = "AgePrompt";
    private const string ClearancePrompt = "ClearancePrompt";

    private const string ClearanceAskedKey = "clearanceAsked";

    private readonly StateAccessors _state;
    private readonly SafetyStop _safetyStop;
    private readonly TimeProvider _time;

    public TriageDialog(StateAccessors state, SafetyStop safetyStop, TimeProvider time, ICardRenderer cards, AnswerReaders readers)
        : base(nameof(TriageDialog))
    {
        _state = state;
        _safetyStop = safetyStop;
        _time = time;
        AddDialog(new WaterfallDialog(nameof(WaterfallDialog))
            .AddStep(AskPainStepAsync)
            .AddStep(AskDurationStepAsync)
            .AddStep(AskLocationStepAsync)
            .AddStep(AskWorseWithStepAsync)
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
        AddDialog(new ChoicePrompt(WorseWithPrompt, cards: cards, reader: (text, _) => readers.WorseWith.Read(text).Map(v => v.ToString())));
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

    private async Task<DialogTurnResult> AskPainStepAsync(WaterfallStepContext stepContext, CancellationToken cancellationToken)
    {
        var answers = await AnswersAsync(stepContext, cancellationToken);
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
            Choices = TriageQuestions.PainChoices(),
            Validations = NumberPrompt.Range(0, 10),
        }, cancellationToken);
    }

    private async Task<DialogTurnResult> AskDurationStepAsync(WaterfallStepContext stepContext, CancellationToken cancellationToken)
    {
        var answers = await AnswersAsync(stepContext, cancellationToken);
        if (stepContext.Result is not null)
        {
            answers.PainNow = stepContext.ResultAs<int>();
        }

        return answers.Duration is not null
            ? await stepContext.NextAsync(null, cancellationToken)
            : await AskChoiceAsync(stepContext, DurationPrompt, TriageQuestions.Duration, TriageQuestions.DurationChoices(), "\"about 3 weeks\" or \"since March\"", cancellationToken);
    }

    private async Task<DialogTurnResult> AskLocationStepAsync(WaterfallStepContext stepContext, CancellationToken cancellationToken)
    {
        var answers = await AnswersAsync(stepContext, cancellationToken);
        answers.Duration = ChosenEnum<PainDuration>(stepContext) ?? answers.Duration;
        return answers.Location is not null
            ? await stepContext.NextAsync(null, cancellationToken)
            : await AskChoiceAsync(stepContext, LocationPrompt, TriageQuestions.Location, TriageQuestions.LocationChoices(), "\"lower back\" or \"down my left leg\"", cancellationToken);
    }

    private async Task<DialogTurnResult> AskWorseWithStepAsync(WaterfallStepContext stepContext, CancellationToken cancellationToken)
    {
        var answers = await AnswersAsync(stepContext, cancellationToken);
        answers.Location = ChosenEnum<PainLocation>(stepContext) ?? answers.Location;
        if (answers.Location == PainLocation.BothLegs)
        {
            // The same sign as the emergency red flag: stop here, whatever came before.
            answers.RedFlagAnswers[RedFlagIds.BothLegs] = true;
            await _safetyStop.StopAsync(stepContext.Context, [BothLegsMessage, RedFlagRules.EmergencyAdvice], cancellationToken);
            return await stepContext.EndDialogAsync(false, cancellationToken);
        }

        return answers.WorseWith is not null
            ? await stepContext.NextAsync(null, cancellationToken)
            : await AskChoiceAsync(stepContext, WorseWithPrompt, TriageQuestions.WorseWith, TriageQuestions.WorseWithChoices(), "\"sitting\" or \"walking\"", cancellationToken);
    }

    private async Task<DialogTurnResult> AskDiagnosesStepAsync(WaterfallStepContext stepContext, CancellationToken cancellationToken)
    {
        var answers = await AnswersAsync(stepContext, cancellationToken);
        answers.WorseWith = ChosenEnum<WorseWith>(stepContext) ?? answers.WorseWith;
        if (answers.Diagnoses is not null)
        {
            return await stepContext.NextAsync(null, cancellationToken);
        }

        return await stepContext.PromptAsync(DiagnosesPrompt, new PromptOptions
        {
            Prompt = TriageQuestions.Diagnoses,
            RetryPrompt = "Please tick any that a doctor or physio has told you about, or choose \"None of these, or I don't know\". You can type them too, for example \"a slipped disc\".",
            Choices = TriageQuestions.DiagnosisChoices(),
        }, cancellationToken);
    }

    private async Task<DialogTurnResult> AskFloorStepAsync(WaterfallStepContext stepContext, CancellationToken cancellationToken)
    {
        var answers = await AnswersAsync(stepContext, cancellationToken);
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
            : await AskYesNoAsync(stepContext, FloorPrompt, TriageQuestions.Floor, TriageQuestions.FloorChoices(), cancellationToken);
    }

    private async Task<DialogTurnResult> AskSittingStepAsync(WaterfallStepContext stepContext, CancellationToken cancellationToken)
    {
        var answers = await AnswersAsync(stepContext, cancellationToken);
        answers.CanGetToFloor = YesNo(stepContext) ?? answers.CanGetToFloor;
        return answers.SitsForLongPeriods is not null
            ? await stepContext.NextAsync(null, cancellationToken)
            : await AskYesNoAsync(stepContext, SittingPrompt, TriageQuestions.Sitting, null, cancellationToken);
    }

    private async Task<DialogTurnResult> AskRunningStepAsync(WaterfallStepContext stepContext, CancellationToken cancellationToken)
    {
        var answers = await AnswersAsync(stepContext, cancellationToken);
        answers.SitsForLongPeriods = YesNo(stepContext) ?? answers.SitsForLongPeriods;
        return answers.Runs is not null
            ? await stepContext.NextAsync(null, cancellationToken)
            : await AskYesNoAsync(stepContext, RunningPrompt, TriageQuestions.Running, null, cancellationToken);
    }

    private async Task<DialogTurnResult> AskAgeStepAsync(WaterfallStepContext stepContext, CancellationToken cancellationToken)
    {
        var answers = await AnswersAsync(stepContext, cancellationToken);
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
        }, cancellationToken);
    }

    private async Task<DialogTurnResult> CheckImpliedRedFlagsStepAsync(WaterfallStepContext stepContext, CancellationToken cancellationToken)
    {
        var answers = await AnswersAsync(stepContext, cancellationToken);
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
        await stepContext.Context.SendActivityAsync(MessageFactory.Text(RedFlagRules.SeeDoctorSoonAdvice), cancellationToken);
        return await stepContext.PromptAsync(ClearancePrompt, RedFlagDialog.ClearancePrompt(), cancellationToken);
    }

    private async Task<DialogTurnResult> FinishStepAsync(WaterfallStepContext stepContext, CancellationToken cancellationToken)
    {
        if (!stepContext.Values.Get<bool>(ClearanceAskedKey))
        {
            return await stepContext.EndDialogAsync(true, cancellationToken);
        }

        var answers = await AnswersAsync(stepContext, cancellationToken);
        var cleared = stepContext.ResultAs<bool>();
        answers.ClinicianClearedRedFlags = cleared;
        answers.ClinicianClearedRedFlagsAt = cleared ? _time.GetUtcNow() : null;
        if (!cleared)
        {
            await _safetyStop.StopAsync(stepContext.Context, [RedFlagDialog.NotClearedMessage], cancellationToken);
        }

        return await stepContext.EndDialogAsync(cleared, cancellationToken);
    }

    private static T? ChosenEnum<T>(WaterfallStepContext stepContext)
        where T : struct, Enum
        => stepContext.ResultAs<FoundChoice>() is { } choice && Enum.TryParse<T>(choice.Value, out var value) ? value : null;

    private static bool? YesNo(WaterfallStepContext stepContext)
        => stepContext.Result is null ? null : stepContext.ResultAs<bool>();

    private static Task<DialogTurnResult> AskChoiceAsync(WaterfallStepContext stepContext, string promptId, string question, List<Choice> choices, string example, CancellationToken cancellationToken)
        => stepContext.PromptAsync(promptId, new PromptOptions
        {
            Prompt = question,
            RetryPrompt = $"Sorry, I didn't catch that. {question} Choose an answer, or type it in your own words, for example {example}.",
            Choices = choices,
        }, cancellationToken);

    private static Task<DialogTurnResult> AskYesNoAsync(WaterfallStepContext stepContext, string promptId, string question, List<Choice>? choices, CancellationToken cancellationToken)
        => stepContext.PromptAsync(promptId, new PromptOptions
        {
            Prompt = question,
            RetryPrompt = $"Please answer yes or no. {question}",
            Choices = choices,
        }, cancellationToken);

    private async Task<TriageAnswers> AnswersAsync(WaterfallStepContext stepContext, CancellationToken cancellationToken)
        => (await _state.GetProfileAsync(stepContext.Context, cancellationToken)).Answers;
}
