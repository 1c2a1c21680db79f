using Microsoft.Bot.Builder;
using StretchBot.Dialogs.Engine;
using StretchBot.Dialogs.Engine.Prompts;
using StretchBot.Dialogs.State;
using StretchBot.Dialogs.Understanding.Readers;

namespace StretchBot.Dialogs.Triage;

/// <summary>
/// Nothing is recommended until the user confirms a doctor or physiotherapist has said gentle stretching is OK
/// for them. The answer is remembered with its time; "not yet" explains why it matters and stops there.
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

    public const string ThanksMessage = "Thank you. Next, a few quick safety questions.";

    private readonly StateAccessors _state;
    private readonly TimeProvider _time;

    public ConsentDialog(StateAccessors state, TimeProvider time, ICardRenderer cards)
        : base(nameof(ConsentDialog))
    {
        _state = state;
        _time = time;
        AddDialog(new WaterfallDialog(nameof(WaterfallDialog))
            .AddStep(AskStepAsync)
            .AddStep(RecordStepAsync));
        AddDialog(new ConfirmPrompt(nameof(ConfirmPrompt), cards: cards, reader: (text, _) => ClinicianOkReader.Consent.Read(text)));
        InitialDialogId = nameof(WaterfallDialog);
    }

    private async Task<DialogTurnResult> AskStepAsync(WaterfallStepContext stepContext, CancellationToken cancellationToken)
    {
        var answers = (await _state.GetProfileAsync(stepContext.Context, cancellationToken)).Answers;
        if (answers.ConsentConfirmed == true)
        {
            return await stepContext.EndDialogAsync(true, cancellationToken);
        }

        return await stepContext.PromptAsync(nameof(ConfirmPrompt), new PromptOptions
        {
            Prompt = answers.ConsentConfirmed == false ? ReturningQuestion : Question,
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
        var answers = (await _state.GetProfileAsync(stepContext.Context, cancellationToken)).Answers;
        answers.ConsentConfirmed = confirmed;
        answers.ConsentConfirmedAt = confirmed ? _time.GetUtcNow() : null;

        await stepContext.Context.SendActivityAsync(MessageFactory.Text(confirmed ? ThanksMessage : NotYetMessage), cancellationToken);
        return await stepContext.EndDialogAsync(confirmed, cancellationToken);
    }
}
