using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;
using StretchBot.Domain.RedFlags;
using StretchBot.Dialogs.Engine;
using StretchBot.Dialogs.Engine.Prompts;
using StretchBot.Dialogs.Safety;
using StretchBot.Domain.Triage;
using StretchBot.Dialogs.Understanding.Readers;

namespace StretchBot.Dialogs.Triage;

/// <summary>
/// The safety questions, one card per tier so nobody is asked seventeen separate questions. Any emergency yes
/// ends with emergency advice; any see-a-doctor yes ends with that advice unless a clinician has since said
/// gentle exercise is fine. Takes the user's <see cref="TriageAnswers"/> and returns them with the safety answers
/// added, and the <see cref="RedFlagOutcome"/> that stops the conversation, or None (<see cref="RedFlagScreenResult"/>).
/// </summary>
public sealed class RedFlagDialog : ComponentDialog
{
    private const string SeeDoctorKey = "seeDoctor";
    private const string CarriedYesKey = "carriedYes";
    private const string AnswersKey = "answers";

    private readonly SafetyStop _safetyStop;
    private readonly TimeProvider _time;

    public RedFlagDialog(SafetyStop safetyStop, TimeProvider time, ICardRenderer cards)
        : base(nameof(RedFlagDialog))
    {
        _safetyStop = safetyStop;
        _time = time;
        AddDialog(new WaterfallDialog(nameof(WaterfallDialog))
            .AddStep(AskEmergencyStepAsync)
            .AddStep(AskSeeDoctorStepAsync)
            .AddStep(AskClearedStepAsync)
            .AddStep(FinishStepAsync));
        AddDialog(new AdaptiveCardPrompt(nameof(AdaptiveCardPrompt), cards, RedFlagCards.ValidateAsync, RedFlagCards.ReaderFor(RedFlagReader.Default), RedFlagCards.DescribeAnswer));
        AddDialog(new ConfirmPrompt(nameof(ConfirmPrompt), cards: cards, reader: (text, _) => ClinicianOkReader.Clearance.Read(text)));
        InitialDialogId = nameof(WaterfallDialog);
    }

    private Task<DialogTurnResult> AskEmergencyStepAsync(WaterfallStepContext stepContext, CancellationToken cancellationToken)
    {
        stepContext.Values[AnswersKey] = stepContext.OptionsAs<TriageAnswers>() ?? new TriageAnswers();
        return stepContext.PromptAsync(nameof(AdaptiveCardPrompt), RedFlagCards.CardFor(RedFlagTier.Emergency), cancellationToken);
    }

    private async Task<DialogTurnResult> AskSeeDoctorStepAsync(WaterfallStepContext stepContext, CancellationToken cancellationToken)
    {
        var outcome = Record(stepContext, RedFlagCatalog.Emergency);
        if (outcome == RedFlagOutcome.Emergency)
        {
            return await StopAsync(stepContext, outcome, cancellationToken);
        }

        return await stepContext.PromptAsync(nameof(AdaptiveCardPrompt), RedFlagCards.CardFor(RedFlagTier.SeeDoctorSoon), cancellationToken);
    }

    private async Task<DialogTurnResult> AskClearedStepAsync(WaterfallStepContext stepContext, CancellationToken cancellationToken)
    {
        var outcome = Record(stepContext, RedFlagCatalog.SeeDoctorSoon);
        stepContext.Values[SeeDoctorKey] = outcome == RedFlagOutcome.SeeDoctorSoon;
        if (outcome == RedFlagOutcome.None)
        {
            return await stepContext.NextAsync(true, cancellationToken);
        }

        if (outcome == RedFlagOutcome.Emergency)
        {
            // An emergency sign typed on the second card ("no, but my bum's gone numb").
            return await StopAsync(stepContext, outcome, cancellationToken);
        }

        await stepContext.Context.SendActivityAsync(MessageFactory.Text(RedFlagCards.NeedsCheckMessage), cancellationToken);
        return await stepContext.PromptAsync(nameof(ConfirmPrompt), RedFlagCards.ClearancePrompt(), cancellationToken);
    }

    private async Task<DialogTurnResult> FinishStepAsync(WaterfallStepContext stepContext, CancellationToken cancellationToken)
    {
        var cleared = stepContext.ResultAs<bool>();
        var askedAboutClearance = stepContext.Values.Get<bool>(SeeDoctorKey);
        if (!askedAboutClearance)
        {
            return await stepContext.EndDialogAsync(Result(stepContext, RedFlagOutcome.None), cancellationToken);
        }

        var answers = Answers(stepContext);
        answers.ClinicianClearedRedFlags = cleared;
        answers.ClinicianClearedRedFlagsAt = cleared ? _time.GetUtcNow() : null;
        if (cleared)
        {
            await stepContext.Context.SendActivityAsync(MessageFactory.Text(RedFlagCards.ClearedMessage), cancellationToken);
            return await stepContext.EndDialogAsync(Result(stepContext, RedFlagOutcome.None), cancellationToken);
        }

        return await StopAsync(stepContext, RedFlagOutcome.SeeDoctorSoon, cancellationToken);
    }

    private async Task<DialogTurnResult> StopAsync(WaterfallStepContext stepContext, RedFlagOutcome outcome, CancellationToken cancellationToken)
    {
        await _safetyStop.StopAsync(stepContext.Context, outcome, Answers(stepContext).RedFlagYesIds(), cancellationToken);
        return await stepContext.EndDialogAsync(Result(stepContext, outcome), cancellationToken);
    }

    private static RedFlagScreenResult Result(WaterfallStepContext stepContext, RedFlagOutcome outcome) => new(outcome, Answers(stepContext));

    private static TriageAnswers Answers(WaterfallStepContext stepContext) => stepContext.Values.Get<TriageAnswers>(AnswersKey)!;

    private static RedFlagOutcome Record(WaterfallStepContext stepContext, IReadOnlyList<RedFlagQuestion> asked)
    {
        var values = stepContext.ResultAs<JObject>() ?? new JObject();
        var yes = (RedFlagCards.ReadYesIds(values, asked.Select(q => q.Id).ToHashSet(StringComparer.Ordinal)) ?? Array.Empty<string>()).ToList();
        var carriedBefore = stepContext.Values.Get<List<string>>(CarriedYesKey) ?? new List<string>();
        yes.AddRange(carriedBefore.Where(id => asked.Any(q => q.Id == id) && !yes.Contains(id)));
        var carried = RedFlagCards.ReadCarriedIds(values);
        stepContext.Values[CarriedYesKey] = carriedBefore.Concat(carried).Distinct().ToList();

        var answers = Answers(stepContext);
        foreach (var question in asked)
        {
            answers.RedFlagAnswers[question.Id] = yes.Contains(question.Id);
        }

        foreach (var id in carried)
        {
            answers.RedFlagAnswers[id] = true;
        }

        return RedFlagRules.Assess(yes.Concat(carried));
    }
}

/// <summary>What <see cref="RedFlagDialog"/> returns: the outcome, and the answers with the safety answers added.</summary>
public sealed record RedFlagScreenResult(RedFlagOutcome Outcome, TriageAnswers Answers);
