using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;
using StretchBot.Dialogs.Domain.Catalog;
using StretchBot.Dialogs.Domain.RedFlags;
using StretchBot.Dialogs.Domain.Swaps;
using StretchBot.Dialogs.Engine;
using StretchBot.Dialogs.Engine.Prompts;
using StretchBot.Dialogs.Engine.Recognition;
using StretchBot.Dialogs.Plans;
using StretchBot.Dialogs.State;
using StretchBot.Dialogs.Triage;
using StretchBot.Dialogs.Understanding;
using StretchBot.Dialogs.Understanding.Readers;

namespace StretchBot.Dialogs.CheckIns;

/// <summary>
/// The weekly check-in: one card asks how each stretch went (better / same / worse / didn't try), pain now and
/// the red-flag questions in short form; typed answers work too, and anything missing is asked one question at
/// a time. Then the swap rule: worse stretches are replaced (new cards), the rest kept (listed by name), a
/// clinician is advised when the rule says so, and the next check-in is booked a week on.
/// </summary>
public sealed class CheckInDialog : ComponentDialog
{
    public const string CardTemplate = "checkin";
    public const string Title = "How did this week go?";
    public const string FeedbackPrefix = "fb-";
    public const string PainKey = "pain";
    public const string RedFlagsKey = "redFlags";
    public const string NoRedFlags = "none";

    public const string TypedKey = "typed";
    public const string ChangesKey = "changes";
    public const string StretchIdKey = "stretchId";
    public const string RedFlagQuestion = "Since we last spoke, have any of these started?";

    private const string RedFlagPrompt = "RedFlagPrompt";
    private const string AnswersKey = "answers";
    private const string CheckInIdKey = "checkInId";
    private const string FeedbackLoop = "FeedbackLoop";
    private const string FeedbackPrompt = "FeedbackPrompt";
    private const string AskingKey = "asking";

    private readonly StateAccessors _state;
    private readonly StretchCatalog _catalog;
    private readonly SwapRule _swapRule;
    private readonly PlanPresenter _plans;
    private readonly ICheckInScheduler _scheduler;
    private readonly SafetyStop _safetyStop;
    private readonly CheckInSchedule _schedule;
    private readonly TimeProvider _time;

    public CheckInDialog(StateAccessors state, StretchCatalog catalog, SwapRule swapRule, PlanPresenter plans, ICheckInScheduler scheduler, SafetyStop safetyStop, CheckInSchedule schedule, TimeProvider time, ICardRenderer cards, AnswerReaders readers)
        : base(nameof(CheckInDialog))
    {
        _state = state;
        _catalog = catalog;
        _swapRule = swapRule;
        _plans = plans;
        _scheduler = scheduler;
        _safetyStop = safetyStop;
        _schedule = schedule;
        _time = time;

        AddDialog(new WaterfallDialog(nameof(WaterfallDialog))
            .AddStep(AskHowItWentStepAsync)
            .AddStep(ReadAnswersStepAsync)
            .AddStep(AskMissingFeedbackStepAsync)
            .AddStep(AskPainStepAsync)
            .AddStep(AskRedFlagsStepAsync)
            .AddStep(ApplyStepAsync));
        AddDialog(new WaterfallDialog(FeedbackLoop)
            .AddStep(AskFeedbackStepAsync)
            .AddStep(RecordFeedbackStepAsync));
        AddDialog(new AdaptiveCardPrompt(nameof(AdaptiveCardPrompt), cards, ValidateCardAsync, (text, c) => ReadTypedCheckIn(readers.CheckIn, text, c)));
        AddDialog(new ChoicePrompt(nameof(ChoicePrompt), cards: cards)); // kept for check-ins asked before the feedback prompt
        AddDialog(new AdaptiveCardPrompt(FeedbackPrompt, cards, ValidateFeedbackAsync, (text, c) => ReadTypedFeedback(readers.CheckIn, text, c)));
        AddDialog(new NumberPrompt(nameof(NumberPrompt), cards: cards, reader: (text, _) => readers.Pain.Read(text)));
        AddDialog(new ConfirmPrompt(nameof(ConfirmPrompt), cards: cards));
        AddDialog(new AdaptiveCardPrompt(RedFlagPrompt, cards, RedFlagDialog.ValidateAsync, RedFlagDialog.ReaderFor(readers.NewRedFlags)));
        InitialDialogId = nameof(WaterfallDialog);
    }

    public static List<Choice> FeedbackChoices() => new()
    {
        new(nameof(Feedback.Better), "Better", "helped", "improved", "good"),
        new(nameof(Feedback.Same), "Same", "no change", "the same", "no different"),
        new(nameof(Feedback.Worse), "Worse", "hurt", "made it worse", "painful"),
        new(nameof(Feedback.DidNotTry), "Didn't try", "did not try", "didnt try", "skipped", "not tried"),
    };

    private async Task<DialogTurnResult> AskHowItWentStepAsync(WaterfallStepContext stepContext, CancellationToken cancellationToken)
    {
        var profile = await _state.GetProfileAsync(stepContext.Context, cancellationToken);
        var plan = profile.CurrentPlan;
        if (plan is null || plan.Stretches.Count == 0)
        {
            await stepContext.Context.SendActivityAsync(MessageFactory.Text(PlanPresenter.NoPlanMessage), cancellationToken);
            return await stepContext.EndDialogAsync(null, cancellationToken);
        }

        var options = stepContext.OptionsAs<CheckInDialogOptions>() ?? new CheckInDialogOptions();
        stepContext.Values[CheckInIdKey] = options.CheckInId ?? plan.CheckInId;

        var stretches = plan.Stretches.Select(p => new { id = p.StretchId, inputId = FeedbackPrefix + p.StretchId, name = _plans.NameOf(p.StretchId) }).ToList();
        return await stepContext.PromptAsync(nameof(AdaptiveCardPrompt), new PromptOptions
        {
            Prompt = Title,
            RetryPrompt = "Please fill in the card, or tell me in your own words, for example \"the cobra made it worse, pain is 4\".",
            CardTemplate = CardTemplate,
            Choices = plan.Stretches.Select(p => StretchChoice(p.StretchId)).ToList(),
            CardData = JObject.FromObject(new
            {
                checkInId = stepContext.Values.Get<string>(CheckInIdKey),
                stretches,
                feedbackChoices = FeedbackChoices().Select(c => new { value = c.Value, title = c.Title }),
                painChoices = Triage.TriageQuestions.PainChoices().Select(c => new { value = c.Value, title = c.Title }),
                redFlags = RedFlagCatalog.All.Select(q => new { value = q.Id, title = Capitalise(q.ShortForm) }),
            }),
        }, cancellationToken);
    }

    private async Task<DialogTurnResult> ReadAnswersStepAsync(WaterfallStepContext stepContext, CancellationToken cancellationToken)
    {
        var values = stepContext.ResultAs<JObject>() ?? new JObject();
        var profile = await _state.GetProfileAsync(stepContext.Context, cancellationToken);
        var answers = ToAnswers(values, profile.CurrentPlan!.StretchIds.ToList()) ?? new CheckInAnswers();
        stepContext.Values[AnswersKey] = answers;

        // Words are easy to misread, and a misread "better" would keep a stretch that hurts: read them back.
        var typed = values[TypedKey]?.Type == JTokenType.Boolean && values.Value<bool>(TypedKey);
        if (!typed || (answers.Feedback.Count == 0 && answers.Changes.Count == 0))
        {
            return await stepContext.NextAsync(true, cancellationToken);
        }

        var feedback = string.Join("; ", answers.Feedback.Select(f => $"{_plans.NameOf(f.Key)}: {Domain.DomainLabels.Label(f.Value).ToLowerInvariant()}"));
        var understood = feedback.Length == 0 ? string.Empty : $" {feedback}.";
        var pain = answers.Pain is null ? string.Empty : $" Pain now: {answers.Pain} out of 10.";
        var changes = answers.Changes.Count == 0 ? string.Empty : $" You {(feedback.Length == 0 ? string.Empty : "also ")}said {string.Join(" and ", answers.Changes.Select(DescribeChange))}.";
        return await stepContext.PromptAsync(nameof(ConfirmPrompt), new PromptOptions
        {
            Prompt = $"Here's what I understood:{understood}{pain}{changes} Is that right?",
            RetryPrompt = "Please answer yes if I understood you, or no and I'll ask about each stretch in turn.",
        }, cancellationToken);
    }

    private async Task<DialogTurnResult> AskMissingFeedbackStepAsync(WaterfallStepContext stepContext, CancellationToken cancellationToken)
    {
        var answers = stepContext.Values.Get<CheckInAnswers>(AnswersKey)!;
        if (!stepContext.ResultAs<bool>())
        {
            answers.Feedback.Clear();
            answers.Pain = null;
            answers.Changes.Clear();
            await stepContext.Context.SendActivityAsync(MessageFactory.Text("Sorry about that. Let's go through them one at a time."), cancellationToken);
        }

        var profile = await _state.GetProfileAsync(stepContext.Context, cancellationToken);
        return answers.FirstMissing(profile.CurrentPlan!.StretchIds) is null
            ? await stepContext.NextAsync(answers, cancellationToken)
            : await stepContext.BeginDialogAsync(FeedbackLoop, answers, cancellationToken);
    }

    private async Task<DialogTurnResult> AskFeedbackStepAsync(WaterfallStepContext stepContext, CancellationToken cancellationToken)
    {
        var answers = stepContext.OptionsAs<CheckInAnswers>() ?? new CheckInAnswers();
        var profile = await _state.GetProfileAsync(stepContext.Context, cancellationToken);
        var missing = answers.FirstMissing(profile.CurrentPlan?.StretchIds ?? []);
        if (missing is null)
        {
            return await stepContext.EndDialogAsync(answers, cancellationToken);
        }

        stepContext.Values[AnswersKey] = answers;
        stepContext.Values[AskingKey] = missing;
        var question = $"How did the {_plans.NameOf(missing)} go this week?";
        return await stepContext.PromptAsync(FeedbackPrompt, new PromptOptions
        {
            Prompt = question,
            RetryPrompt = $"Please choose better, same, worse or didn't try, or tell me in a few words, for example \"it helped\". {question}",
            CardTemplate = "question",
            Choices = FeedbackChoices(),
            CardData = new JObject { [StretchIdKey] = missing },
        }, cancellationToken);
    }

    // A button gives the feedback; words may say more ("made my foot tingle": worse, and new tingling), all kept.
    private async Task<DialogTurnResult> RecordFeedbackStepAsync(WaterfallStepContext stepContext, CancellationToken cancellationToken)
    {
        var answers = stepContext.Values.Get<CheckInAnswers>(AnswersKey) ?? new CheckInAnswers();
        var asking = stepContext.Values.Get<string>(AskingKey)!;
        switch (stepContext.Result)
        {
            case FoundChoice choice when Enum.TryParse<Feedback>(choice.Value, out var picked):
                answers.Feedback[asking] = picked;
                break;
            case JObject values when FeedbackIn(values, asking) is { } said:
                answers.Merge(said);
                break;
        }

        return await stepContext.ReplaceDialogAsync(FeedbackLoop, answers, cancellationToken);
    }

    private async Task<DialogTurnResult> AskPainStepAsync(WaterfallStepContext stepContext, CancellationToken cancellationToken)
    {
        var answers = stepContext.ResultAs<CheckInAnswers>() ?? stepContext.Values.Get<CheckInAnswers>(AnswersKey) ?? new CheckInAnswers();
        stepContext.Values[AnswersKey] = answers;
        if (answers.Pain is not null)
        {
            return await stepContext.NextAsync(null, cancellationToken);
        }

        return await stepContext.PromptAsync(nameof(NumberPrompt), new PromptOptions
        {
            Prompt = "And your back pain right now, from 0 (none) to 10 (the worst you can imagine)?",
            RetryPrompt = "Please give a number from 0 to 10, for example \"4\".",
            CardTemplate = "score",
            Choices = Triage.TriageQuestions.PainChoices(),
            Validations = NumberPrompt.Range(0, 10),
        }, cancellationToken);
    }

    private async Task<DialogTurnResult> AskRedFlagsStepAsync(WaterfallStepContext stepContext, CancellationToken cancellationToken)
    {
        var answers = stepContext.Values.Get<CheckInAnswers>(AnswersKey)!;
        if (stepContext.Result is not null)
        {
            answers.Pain = stepContext.ResultAs<int>();
        }

        return answers.RedFlagsAnswered
            ? await stepContext.NextAsync(null, cancellationToken)
            : await stepContext.PromptAsync(RedFlagPrompt, RedFlagDialog.CardFor(RedFlagCatalog.All, RedFlagQuestion, shortForm: true), cancellationToken);
    }

    private async Task<DialogTurnResult> ApplyStepAsync(WaterfallStepContext stepContext, CancellationToken cancellationToken)
    {
        var turnContext = stepContext.Context;
        var answers = stepContext.Values.Get<CheckInAnswers>(AnswersKey)!;
        if (!answers.RedFlagsAnswered)
        {
            var values = stepContext.ResultAs<JObject>() ?? new JObject();
            answers.RedFlagsYes = RedFlagDialog.ReadYesIds(values, RedFlagCatalog.All.Select(q => q.Id).ToHashSet(StringComparer.Ordinal))?.ToList() ?? new List<string>();
            answers.RedFlagsAnswered = true;
        }

        var profile = await _state.GetProfileAsync(turnContext, cancellationToken);
        var plan = profile.CurrentPlan!;
        var userKey = UserKey.From(turnContext.Activity);
        var checkInId = stepContext.Values.Get<string>(CheckInIdKey);
        if (checkInId is not null)
        {
            await _scheduler.MarkAnsweredAsync(checkInId, cancellationToken);
            profile.LastAnsweredCheckInId = checkInId;
        }

        foreach (var id in answers.RedFlagsYes)
        {
            profile.Answers.RedFlagAnswers[id] = true;
        }

        // Swaps follow the answers this plan was made from (a later, unfinished "start over" has emptied
        // profile.Answers), plus whatever red flags were reported now.
        var planAnswers = (plan.Answers ?? profile.Answers).Clone();
        foreach (var id in answers.RedFlagsYes)
        {
            planAnswers.RedFlagAnswers[id] = true;
        }

        var result = _swapRule.Apply(new CheckInInput
        {
            Answers = planAnswers,
            CurrentPlan = plan.StretchIds.ToList(),
            Feedback = answers.Feedback,
            PainAtStart = plan.PainAtStart,
            PainNow = answers.Pain ?? plan.PainAtStart,
            RedFlagYesIds = answers.RedFlagsYes,
            FoundWorseBefore = profile.FoundWorse,
            PreviousFeedback = profile.LastFeedback,
            Changes = answers.Changes,
        });

        profile.FoundWorse = result.FoundWorse.ToList();
        profile.LastFeedback = new Dictionary<string, Feedback>(answers.Feedback);
        profile.Answers.PainNow = answers.Pain ?? profile.Answers.PainNow;

        if (result.RedFlag != RedFlagOutcome.None || result.NoPlan)
        {
            var advice = result.RedFlag != RedFlagOutcome.None ? [RedFlagRules.AdviceFor(result.RedFlag)!] : result.AdviceLines;
            await _safetyStop.StopAsync(turnContext, advice, cancellationToken);
            return await stepContext.EndDialogAsync(null, cancellationToken);
        }

        await ReportAsync(turnContext, plan, result, cancellationToken);
        UpdatePlan(plan, result);

        if (profile.CheckInsStopped)
        {
            plan.CheckInId = null;
            plan.NextCheckInUtc = null;
            await turnContext.SendActivityAsync(MessageFactory.Text("You've stopped check-ins, so I won't book another. Type \"my plan\" any time."), cancellationToken);
            return await stepContext.EndDialogAsync(null, cancellationToken);
        }

        var zone = UserTimeZone.Resolve(plan.TimeZoneId);
        var timeOfDay = TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(plan.NextCheckInUtc ?? _time.GetUtcNow(), zone).DateTime);
        var due = _schedule.DueAt(_time.GetUtcNow(), zone, timeOfDay);
        var next = await _scheduler.ScheduleAsync(userKey, turnContext.Activity.GetConversationReference(), due, cancellationToken);
        plan.CheckInId = next.Id;
        plan.NextCheckInUtc = next.DueUtc;
        plan.CheckInCount++;

        await turnContext.SendActivityAsync(MessageFactory.Text($"I'll check in again on {CheckInTimes.Describe(next.DueUtc, plan.TimeZoneId)}."), cancellationToken);
        return await stepContext.EndDialogAsync(null, cancellationToken);
    }

    private async Task ReportAsync(ITurnContext turnContext, StretchPlan plan, SwapResult result, CancellationToken cancellationToken)
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
            var intro = $"The {_plans.NameOf(offer.CurrentId)} has stayed the same for two check-ins. If you'd like a change, you could try this instead (or keep going, it's your choice):";
            var planned = new PlannedStretch { StretchId = offer.Alternative.Stretch.Id, Reason = offer.Alternative.Reason };
            await _plans.ShowStretchesAsync(turnContext, intro, new[] { planned }, cancellationToken);
        }

        foreach (var advice in result.AdviceLines)
        {
            await turnContext.SendActivityAsync(MessageFactory.Text(advice), cancellationToken);
        }
    }

    private static void UpdatePlan(StretchPlan plan, SwapResult result)
    {
        var reasons = plan.Stretches.ToDictionary(s => s.StretchId, s => s.Reason);
        foreach (var replacement in result.Replacements)
        {
            reasons[replacement.New.Stretch.Id] = replacement.New.Reason;
        }

        plan.Stretches = result.NewPlan.Select(id => new PlannedStretch { StretchId = id, Reason = reasons.GetValueOrDefault(id, string.Empty) }).ToList();
    }

    /// <summary>The card's (or typed) values as answers; null when they don't fit this plan (a tampered card).</summary>
    private static CheckInAnswers? ToAnswers(JObject values, IReadOnlyCollection<string> planIds)
    {
        var answers = new CheckInAnswers();
        foreach (var property in values.Properties())
        {
            var raw = property.Value.Type == JTokenType.Null ? string.Empty : property.Value.ToString().Trim();
            if (property.Name.StartsWith(FeedbackPrefix, StringComparison.Ordinal))
            {
                var id = property.Name[FeedbackPrefix.Length..];
                if (!planIds.Contains(id))
                {
                    return null;
                }

                if (raw.Length == 0)
                {
                    continue;
                }

                if (!Enum.TryParse<Feedback>(raw, out var feedback) || !Enum.IsDefined(feedback))
                {
                    return null;
                }

                answers.Feedback[id] = feedback;
            }
            else if (property.Name == PainKey)
            {
                if (raw.Length == 0)
                {
                    continue;
                }

                if (!int.TryParse(raw, out var pain) || pain is < 0 or > 10)
                {
                    return null;
                }

                answers.Pain = pain;
            }
            else if (property.Name == RedFlagsKey)
            {
                var ids = raw.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                if (ids.Length == 0)
                {
                    continue;
                }

                if (ids.Any(id => id != NoRedFlags && !RedFlagCatalog.IsKnown(id)))
                {
                    return null;
                }

                answers.RedFlagsYes = ids.Where(id => id != NoRedFlags).ToList();
                answers.RedFlagsAnswered = true;
            }
            else if (property.Name == ChangesKey)
            {
                var changes = raw.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(c => Enum.TryParse<SymptomChange>(c, out var change) && Enum.IsDefined(change) ? change : (SymptomChange?)null).ToList();
                if (changes.Any(c => c is null))
                {
                    return null;
                }

                answers.Changes = changes.Select(c => c!.Value).Distinct().ToList();
            }
            else if (property.Name is not ("checkInId" or TypedKey))
            {
                return null;
            }
        }

        return answers;
    }

    private static Task<bool> ValidateCardAsync(PromptValidatorContext<JObject> promptContext, CancellationToken cancellationToken)
    {
        var planIds = (promptContext.Options.Choices ?? new List<Choice>()).Select(c => c.Value).ToList();
        var answers = promptContext.Recognized.Succeeded ? ToAnswers(promptContext.Recognized.Value!, planIds) : null;
        var readSomething = answers is not null && (answers.Feedback.Count > 0 || answers.Pain is not null || answers.RedFlagsAnswered || answers.Changes.Count > 0);
        return Task.FromResult(readSomething);
    }

    // A typed check-in as the values the card would have submitted (see CheckInReader).
    private static Reading<JObject> ReadTypedCheckIn(CheckInReader reader, string text, TypedReplyContext context)
    {
        var plan = (context.Options.Choices ?? new List<Choice>()).Select(c => c.Value).ToList();
        return reader.Read(text, plan).Map(ToValues);
    }

    private static JObject ToValues(CheckInReply reply)
    {
            var values = new JObject { [TypedKey] = true };
            foreach (var (id, feedback) in reply.Feedback)
            {
                values[FeedbackPrefix + id] = feedback.ToString();
            }

            if (reply.Pain is not null)
            {
                values[PainKey] = reply.Pain.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            if (reply.RedFlags.Count > 0 || reply.NoNewRedFlags)
            {
                values[RedFlagsKey] = reply.RedFlags.Count > 0 ? string.Join(",", reply.RedFlags) : NoRedFlags;
            }

            if (reply.Changes.Count > 0)
            {
                values[ChangesKey] = string.Join(",", reply.Changes);
            }

            return values;
    }

    // "How did the cobra go?" answered by button, or in words ("it helped", "made my foot tingle") read as the
    // check-in card's values for that one stretch.
    private static Reading<JObject> ReadTypedFeedback(CheckInReader reader, string text, TypedReplyContext context)
    {
        var id = context.Options.CardData?.Value<string>(StretchIdKey);
        var options = context.Options.Choices ?? new List<Choice>();
        var titled = ChoiceRecognition.Recognize(text, options.Select(c => c.ToOption()).ToList(), context.Culture);
        if (titled is not null || id is null)
        {
            return titled is null ? Reading<JObject>.NotUnderstood() : Reading<JObject>.Understood(new JObject { [CardSubmit.ChoiceKey] = titled.Value });
        }

        return reader.Read(text, [id], withPain: false).Map(ToValues);
    }

    private static Task<bool> ValidateFeedbackAsync(PromptValidatorContext<JObject> promptContext, CancellationToken cancellationToken)
    {
        var id = promptContext.Options.CardData?.Value<string>(StretchIdKey);
        var valid = promptContext.Recognized.Succeeded && id is not null && FeedbackIn(promptContext.Recognized.Value!, id) is not null;
        return Task.FromResult(valid);
    }

    // A pressed button ({"choice": "Worse"}) or typed values, as answers that rate the stretch asked about; null otherwise.
    private static CheckInAnswers? FeedbackIn(JObject values, string id)
    {
        if (CardSubmit.GetString(values, CardSubmit.ChoiceKey) is { } choice)
        {
            return Enum.TryParse<Feedback>(choice, out var picked) && Enum.IsDefined(picked) && FeedbackChoices().Any(c => c.Value == choice)
                ? new CheckInAnswers { Feedback = { [id] = picked } }
                : null;
        }

        var answers = ToAnswers(values, [id]);
        return answers is not null && answers.Feedback.ContainsKey(id) ? answers : null;
    }

    private static string DescribeChange(SymptomChange change) => change switch
    {
        SymptomChange.FurtherDownLeg => "your symptoms have gone further down your leg",
        SymptomChange.NewNumbnessOrTingling => "you have new numbness or tingling in your leg or foot",
        SymptomChange.NewWeakness => "your leg or foot feels weaker",
        SymptomChange.BothLegs => "it is now in both legs",
        _ => "your leg symptoms have moved back towards your back",
    };

    private Choice StretchChoice(string id)
    {
        var name = _catalog.TryGet(id, out var stretch) ? stretch.Name : id;
        return new Choice(id, name, StretchSynonyms.For(id));
    }

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
