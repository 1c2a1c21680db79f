using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;
using StretchBot.Dialogs.Domain.RedFlags;
using StretchBot.Dialogs.Engine;
using StretchBot.Dialogs.Engine.Prompts;
using StretchBot.Dialogs.Engine.Recognition;
using StretchBot.Dialogs.State;

namespace StretchBot.Dialogs.Triage;

/// <summary>
/// The safety questions, one card per tier so nobody is asked seventeen separate questions. Any emergency yes
/// ends with emergency advice; any see-a-doctor yes ends with that advice unless a clinician has since said
/// gentle exercise is fine. Returns the <see cref="RedFlagOutcome"/> that stops the conversation, or None.
/// </summary>
public sealed class RedFlagDialog : ComponentDialog
{
    public const string CardTemplate = "redflags";
    public const string NoneKey = "none";

    public const string ClearedQuestion =
        "Has a doctor or physio already checked you for this and said gentle exercise is fine for you now?";

    public const string NeedsCheckMessage =
        "One of those is worth a doctor's check before you start stretching.";

    private const string SeeDoctorKey = "seeDoctor";

    private static readonly string[] Qualifiers = ["but", "except", "apart from", "other than", "besides", "although", "though", "only", "just", "however", "maybe", "sometimes", "a bit", "a little"];

    private static readonly HashSet<string> NonePhrases = new(StringComparer.Ordinal)
    {
        "none", "none of these", "none of them", "none of those", "none apply", "none of these apply", "nothing", "nothing like that",
        "no", "nope", "no none", "no none of these", "no nothing", "neither", "n/a", "not really", "no to all", "all no", "nah",
    };

    private readonly StateAccessors _state;
    private readonly SafetyStop _safetyStop;
    private readonly TimeProvider _time;

    public RedFlagDialog(StateAccessors state, SafetyStop safetyStop, TimeProvider time, ICardRenderer cards)
        : base(nameof(RedFlagDialog))
    {
        _state = state;
        _safetyStop = safetyStop;
        _time = time;
        AddDialog(new WaterfallDialog(nameof(WaterfallDialog))
            .AddStep(AskEmergencyStepAsync)
            .AddStep(AskSeeDoctorStepAsync)
            .AddStep(AskClearedStepAsync)
            .AddStep(FinishStepAsync));
        AddDialog(new AdaptiveCardPrompt(nameof(AdaptiveCardPrompt), cards, ValidateAsync, ReadTypedAnswer, DescribeAnswer));
        AddDialog(new ConfirmPrompt(nameof(ConfirmPrompt), cards: cards));
        InitialDialogId = nameof(WaterfallDialog);
    }

    /// <summary>"Has a clinician since said gentle exercise is fine?", asked after any see-a-doctor sign.</summary>
    public static PromptOptions ClearancePrompt() => new()
    {
        Prompt = ClearedQuestion,
        RetryPrompt = "Please answer yes or no: has a clinician checked this and said gentle exercise is fine?",
        Choices = new List<Choice>
        {
            new(ConfirmPrompt.YesValue, "Yes, they have", "they have", "yes they said its fine"),
            new(ConfirmPrompt.NoValue, "No, not yet", "not yet", "no"),
        },
    };

    /// <summary>The prompt for one tier's card; the choices let every question be answered by typing too.</summary>
    public static PromptOptions CardFor(RedFlagTier tier)
        => tier == RedFlagTier.Emergency
            ? CardFor(RedFlagCatalog.Emergency, "Do any of these apply to you right now?", shortForm: false)
            : CardFor(RedFlagCatalog.SeeDoctorSoon, "A few more. Do any of these apply to you?", shortForm: false);

    /// <summary>A card of yes/no toggles for <paramref name="questions"/> (full questions, or their short forms).</summary>
    public static PromptOptions CardFor(IReadOnlyList<RedFlagQuestion> questions, string title, bool shortForm) => new()
    {
        Prompt = title,
        RetryPrompt = "Please tick any that apply and press Continue, choose \"None of these\", or type their numbers (for example \"2\").",
        CardTemplate = CardTemplate,
        Choices = questions.Select((q, i) => new Choice(q.Id, q.ShortForm, RedFlagKeywords.For(q.Id).Append((i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray())).ToList(),
        CardData = JObject.FromObject(new
        {
            questions = questions.Select((q, i) => new { id = q.Id, number = i + 1, text = shortForm ? Capitalise(q.ShortForm) : q.Question }).ToList(),
        }),
    };

    /// <summary>The ids answered yes on a submitted (or typed) card, or null when the values don't fit the card.</summary>
    public static IReadOnlyList<string>? ReadYesIds(JObject values, IReadOnlyCollection<string> askedIds)
    {
        var yes = new List<string>();
        foreach (var property in values.Properties())
        {
            if (property.Name == NoneKey)
            {
                continue;
            }

            if (!askedIds.Contains(property.Name))
            {
                return null; // A tampered or foreign card: refuse rather than guess.
            }

            if (IsTrue(property.Value))
            {
                yes.Add(property.Name);
            }
        }

        var saidNone = values[NoneKey] is { } none && IsTrue(none);
        return saidNone && yes.Count > 0 ? null : yes;
    }

    /// <summary>The answer in words for the answered card: "None of these", or the signs ticked.</summary>
    public static string DescribeAnswer(JObject values, PromptOptions options)
    {
        var choices = options.Choices ?? new List<Choice>();
        var yes = ReadYesIds(values, choices.Select(c => c.Value).ToHashSet(StringComparer.Ordinal)) ?? Array.Empty<string>();
        return yes.Count == 0
            ? "None of these"
            : string.Join("; ", yes.Select(id => Capitalise(choices.First(c => c.Value == id).Title)));
    }

    private static bool IsTrue(JToken token)
        => token.Type == JTokenType.Boolean ? token.Value<bool>() : string.Equals(token.ToString(), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Accepts card values that fit the card asked (no unknown ids, not "none" with a tick).</summary>
    public static Task<bool> ValidateAsync(PromptValidatorContext<JObject> promptContext, CancellationToken cancellationToken)
    {
        var asked = (promptContext.Options.Choices ?? new List<Choice>()).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        return Task.FromResult(ReadYesIds(promptContext.Recognized.Value!, asked) is not null);
    }

    /// <summary>
    /// Reads a typed answer to a red-flag card. Anything that names a warning sign (its words, or its number) is a
    /// yes for it, even next to a "no". Only a plain "none" (no "but", "except"...) answers none; anything else is
    /// asked again, because a wrong "none" here is the one mistake the bot must not make.
    /// </summary>
    public static JObject? ReadTypedAnswer(string text, PromptOptions options, string? culture)
    {
        var choices = options.Choices ?? new List<Choice>();
        var matches = ChoiceRecognition.RecognizeMany(text, choices.Select(c => new ChoiceOption(c.Value, c.Title, c.Synonyms)).ToList(), culture);
        if (matches.Count > 0)
        {
            var values = new JObject();
            foreach (var match in matches)
            {
                values[match.Value] = true;
            }

            return values;
        }

        var normalized = Normalize(text);
        var plainNo = NonePhrases.Contains(normalized)
            || (YesNoRecognition.Recognize(text, culture) == false && !Qualifiers.Any(q => $" {normalized} ".Contains($" {q} ", StringComparison.Ordinal)));
        return plainNo ? new JObject { [NoneKey] = true } : null;
    }

    private static string Normalize(string text)
        => string.Join(' ', new string(text.ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) || c is '\'' or '/' ? c : ' ').ToArray())
            .Split(' ', StringSplitOptions.RemoveEmptyEntries));

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private Task<DialogTurnResult> AskEmergencyStepAsync(WaterfallStepContext stepContext, CancellationToken cancellationToken)
        => stepContext.PromptAsync(nameof(AdaptiveCardPrompt), CardFor(RedFlagTier.Emergency), cancellationToken);

    private async Task<DialogTurnResult> AskSeeDoctorStepAsync(WaterfallStepContext stepContext, CancellationToken cancellationToken)
    {
        var outcome = await RecordAsync(stepContext, RedFlagCatalog.Emergency, cancellationToken);
        if (outcome == RedFlagOutcome.Emergency)
        {
            await _safetyStop.StopAsync(stepContext.Context, outcome, cancellationToken);
            return await stepContext.EndDialogAsync(outcome, cancellationToken);
        }

        return await stepContext.PromptAsync(nameof(AdaptiveCardPrompt), CardFor(RedFlagTier.SeeDoctorSoon), cancellationToken);
    }

    private async Task<DialogTurnResult> AskClearedStepAsync(WaterfallStepContext stepContext, CancellationToken cancellationToken)
    {
        var outcome = await RecordAsync(stepContext, RedFlagCatalog.SeeDoctorSoon, cancellationToken);
        stepContext.Values[SeeDoctorKey] = outcome == RedFlagOutcome.SeeDoctorSoon;
        if (outcome == RedFlagOutcome.None)
        {
            return await stepContext.NextAsync(true, cancellationToken);
        }

        await stepContext.Context.SendActivityAsync(MessageFactory.Text(NeedsCheckMessage), cancellationToken);
        return await stepContext.PromptAsync(nameof(ConfirmPrompt), ClearancePrompt(), cancellationToken);
    }

    private async Task<DialogTurnResult> FinishStepAsync(WaterfallStepContext stepContext, CancellationToken cancellationToken)
    {
        var cleared = stepContext.ResultAs<bool>();
        var askedAboutClearance = stepContext.Values.Get<bool>(SeeDoctorKey);
        if (!askedAboutClearance)
        {
            return await stepContext.EndDialogAsync(RedFlagOutcome.None, cancellationToken);
        }

        var answers = (await _state.GetProfileAsync(stepContext.Context, cancellationToken)).Answers;
        answers.ClinicianClearedRedFlags = cleared;
        answers.ClinicianClearedRedFlagsAt = cleared ? _time.GetUtcNow() : null;
        if (cleared)
        {
            await stepContext.Context.SendActivityAsync(MessageFactory.Text("Thank you. I'll keep the suggestions gentle."), cancellationToken);
            return await stepContext.EndDialogAsync(RedFlagOutcome.None, cancellationToken);
        }

        await _safetyStop.StopAsync(stepContext.Context, RedFlagOutcome.SeeDoctorSoon, cancellationToken);
        return await stepContext.EndDialogAsync(RedFlagOutcome.SeeDoctorSoon, cancellationToken);
    }

    private async Task<RedFlagOutcome> RecordAsync(WaterfallStepContext stepContext, IReadOnlyList<RedFlagQuestion> asked, CancellationToken cancellationToken)
    {
        var values = stepContext.ResultAs<JObject>() ?? new JObject();
        var yes = ReadYesIds(values, asked.Select(q => q.Id).ToHashSet(StringComparer.Ordinal)) ?? Array.Empty<string>();
        var answers = (await _state.GetProfileAsync(stepContext.Context, cancellationToken)).Answers;
        foreach (var question in asked)
        {
            answers.RedFlagAnswers[question.Id] = yes.Contains(question.Id);
        }

        return RedFlagRules.Assess(yes);
    }
}
