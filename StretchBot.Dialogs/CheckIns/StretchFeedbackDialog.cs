using Newtonsoft.Json.Linq;
using StretchBot.Domain.Swaps;
using StretchBot.Dialogs.Engine;
using StretchBot.Dialogs.Engine.Prompts;
using StretchBot.Dialogs.Engine.Recognition;
using StretchBot.Dialogs.Understanding;
using StretchBot.Dialogs.Understanding.Readers;

namespace StretchBot.Dialogs.CheckIns;

/// <summary>What <see cref="StretchFeedbackDialog"/> starts from: the answers so far and the plan's stretches (id, name).</summary>
public sealed record StretchFeedbackOptions(CheckInAnswers Answers, IReadOnlyList<StretchName> Stretches);

/// <summary>A stretch of the plan and the name it is asked about by.</summary>
public sealed record StretchName(string Id, string Name);

/// <summary>
/// "How did the cobra go this week?", one stretch at a time, for every stretch the check-in has no feedback on yet. A
/// button gives the feedback; typed words may say more ("made my foot tingle": worse, and new tingling), all kept.
/// Takes <see cref="StretchFeedbackOptions"/>; returns the completed <see cref="CheckInAnswers"/>.
/// </summary>
public sealed class StretchFeedbackDialog : ComponentDialog
{
    public const string StretchIdKey = "stretchId";

    private const string FeedbackPrompt = "FeedbackPrompt";
    private const string AskingKey = "asking";

    public StretchFeedbackDialog(ICardRenderer cards, AnswerReaders readers)
        : base(nameof(StretchFeedbackDialog))
    {
        AddDialog(new WaterfallDialog(nameof(WaterfallDialog))
            .AddStep(AskFeedbackStepAsync)
            .AddStep(RecordFeedbackStepAsync));
        AddDialog(new AdaptiveCardPrompt(FeedbackPrompt, cards, ValidateAsync, (text, c) => ReadTyped(readers.CheckIn, text, c)));
        InitialDialogId = nameof(WaterfallDialog);
    }

    private static async Task<DialogTurnResult> AskFeedbackStepAsync(WaterfallStepContext stepContext, CancellationToken cancellationToken)
    {
        var options = stepContext.OptionsAs<StretchFeedbackOptions>()!;
        var missing = options.Stretches.FirstOrDefault(s => !options.Answers.Feedback.ContainsKey(s.Id));
        if (missing is null)
        {
            return await stepContext.EndDialogAsync(options.Answers, cancellationToken);
        }

        stepContext.Values[AskingKey] = missing.Id;
        var question = $"How did the {missing.Name} go this week?";
        return await stepContext.PromptAsync(FeedbackPrompt, new PromptOptions
        {
            Prompt = question,
            RetryPrompt = $"Please choose better, same, worse or didn't try, or tell me in a few words, for example \"it helped\". {question}",
            CardTemplate = "question",
            Choices = CheckInCard.FeedbackChoices(),
            CardData = new JObject { [StretchIdKey] = missing.Id },
        }, cancellationToken);
    }

    private static async Task<DialogTurnResult> RecordFeedbackStepAsync(WaterfallStepContext stepContext, CancellationToken cancellationToken)
    {
        var options = stepContext.OptionsAs<StretchFeedbackOptions>()!;
        var asking = stepContext.Values.Get<string>(AskingKey)!;
        if (stepContext.ResultAs<JObject>() is { } values && FeedbackIn(values, asking) is { } said)
        {
            options.Answers.Merge(said);
        }

        return await stepContext.ReplaceDialogAsync(nameof(WaterfallDialog), options, cancellationToken);
    }

    // By button, or in words ("it helped", "made my foot tingle") read as the check-in card's values for that one stretch.
    private static Reading<JObject> ReadTyped(CheckInReader reader, string text, TypedReplyContext context)
    {
        var id = context.Options.CardData?.Value<string>(StretchIdKey);
        var choices = context.Options.Choices ?? new List<Choice>();
        var titled = ChoiceRecognition.Recognize(text, choices.Select(c => c.ToOption()).ToList(), context.Culture);
        if (titled is not null || id is null)
        {
            return titled is null ? Reading<JObject>.NotUnderstood() : Reading<JObject>.Understood(new JObject { [CardSubmit.ChoiceKey] = titled.Value });
        }

        return CheckInCard.ReadTyped(reader, text, [id], withPain: false);
    }

    private static Task<bool> ValidateAsync(PromptValidatorContext<JObject> promptContext, CancellationToken cancellationToken)
    {
        var id = promptContext.Options.CardData?.Value<string>(StretchIdKey);
        return Task.FromResult(promptContext.Recognized.Succeeded && id is not null && FeedbackIn(promptContext.Recognized.Value!, id) is not null);
    }

    // A pressed button ({"choice": "Worse"}) or typed values, as answers that rate the stretch asked about; null otherwise.
    private static CheckInAnswers? FeedbackIn(JObject values, string id)
    {
        if (CardSubmit.GetString(values, CardSubmit.ChoiceKey) is { } choice)
        {
            return CheckInCard.FeedbackChoices().Any(c => c.Value == choice) && Enum.TryParse<Feedback>(choice, out var picked)
                ? new CheckInAnswers { Feedback = { [id] = picked } }
                : null;
        }

        var answers = CheckInCard.ToAnswers(values, [id]);
        return answers is not null && answers.Feedback.ContainsKey(id) ? answers : null;
    }
}
