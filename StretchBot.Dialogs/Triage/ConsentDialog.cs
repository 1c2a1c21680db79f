using Microsoft.Bot.Builder;
using StretchBot.Dialogs.Engine;
using StretchBot.Dialogs.Engine.Prompts;
using StretchBot.Dialogs.State;
using StretchBot.Dialogs.Understanding.Readers;

namespace StretchBot.Dialogs.Triage;

/// <summary>
/// Nothing is recommended until the user confirms a doctor or physiotherapist has said gentle stretching is OK
/// for them. Takes what is remembered and returns the answer with its time (<see cref="ConsentResult"/>); "not yet"
/// explains why it matters and stops there.
/// </summary>
public sealed class ConsentDialog : ComponentDialog
{
    public const string Question =
        "Before I suggest anything: has a doctor or physiotherapist told you that gentle stretching is OK for your back?";

    public const string ReturningQuestion =
        "Welcome back. Have you been able to check with a doctor or physiotherapist that gentle stretching is OK for you?";

    public const string NotYetMessage =
        "That's fine, and it's the safe choice. Back pain has many causes, and a stretch that helps one person can " +
        "make another worse, so a doctor or physio should check you first. I won't suggest any stretches until then. " +
        "Once you've checked, just message me and we'll carry on from here.";

    public const string ThanksMessage = "Thank you. First, a few quick safety questions.";

    /// <summary>Said instead of asking again when consent is remembered (a returning user, "start over", another chat).</summary>
    public static string RememberedMessage(string day) =>
        $"You told me on {day} that a doctor or physio has said gentle stretching is OK for you, so I won't ask that again. First, a few quick safety questions.";

    private readonly TimeProvider _time;

    public ConsentDialog(TimeProvider time, ICardRenderer cards)
        : base(nameof(ConsentDialog))
    {
        _time = time;
        AddDialog(new WaterfallDialog(nameof(WaterfallDialog))
            .AddStep(AskStepAsync)
            .AddStep(RecordStepAsync));
        AddDialog(new ConfirmPrompt(nameof(ConfirmPrompt), cards: cards, reader: (text, _) => ClinicianOkReader.Consent.Read(text)));
        InitialDialogId = nameof(WaterfallDialog);
    }

    private async Task<DialogTurnResult> AskStepAsync(WaterfallStepContext stepContext, CancellationToken cancellationToken)
    {
        var remembered = stepContext.OptionsAs<ConsentResult>() ?? new ConsentResult(null, null);
        if (remembered.Confirmed == true)
        {
            var day = remembered.At is { } at ? Plans.CheckInTimes.Day(at, Plans.UserTimeZone.Capture(stepContext.Context.Activity)) : "an earlier visit";
            await stepContext.Context.SendActivityAsync(MessageFactory.Text(RememberedMessage(day)), cancellationToken);
            return await stepContext.EndDialogAsync(remembered, cancellationToken);
        }

        return await stepContext.PromptAsync(nameof(ConfirmPrompt), new PromptOptions
        {
            Prompt = remembered.Confirmed == false ? ReturningQuestion : Question,
            RetryPrompt = "Please answer yes if a doctor or physio has said gentle stretching is OK for you, or \"not yet\".",
            Choices = new List<Choice>
            {
                new(ConfirmPrompt.YesValue, "Yes, I've checked", "i have checked", "they said it's ok", "yes they did"),
                new(ConfirmPrompt.NoValue, "Not yet", "no", "haven't checked", "i haven't"),
            },
        }, cancellationToken);
    }

    private async Task<DialogTurnResult> RecordStepAsync(WaterfallStepContext stepContext, CancellationToken cancellationToken)
    {
        var confirmed = stepContext.ResultAs<bool>();
        await stepContext.Context.SendActivityAsync(MessageFactory.Text(confirmed ? ThanksMessage : NotYetMessage), cancellationToken);
        return await stepContext.EndDialogAsync(new ConsentResult(confirmed, confirmed ? _time.GetUtcNow() : null), cancellationToken);
    }
}

/// <summary>
/// Consent in and out of <see cref="ConsentDialog"/>: as options, what is remembered (a yes with its time is said, not
/// asked again; a no asks the returning question); as the result, the answer and when it was given.
/// </summary>
public sealed record ConsentResult(bool? Confirmed, DateTimeOffset? At);
