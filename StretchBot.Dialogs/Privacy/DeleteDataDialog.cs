using Microsoft.Bot.Builder;
using StretchBot.Dialogs.Engine;
using StretchBot.Dialogs.Engine.Prompts;
using StretchBot.Dialogs.State;

namespace StretchBot.Dialogs.Privacy;

/// <summary>
/// "delete my data": asks to confirm, then removes everything stored for this user and conversation - their
/// answers and plans (user state), this conversation's state, the check-in schedule, the progress history with its
/// share links and any transcript - and says so. "No" returns to whatever question was open.
/// </summary>
public sealed class DeleteDataDialog : ComponentDialog
{
    public const string Question =
        "This will delete everything I've stored about you: your answers, your plans, your progress and any summary links you shared, your check-in schedule and this conversation's history. Delete it all?";

    public const string DeletedMessage =
        "Done. I've deleted everything I stored about you. If you message me again, we'll start from the beginning.";

    public const string KeptMessage = "Okay, I haven't deleted anything.";

    private readonly StateAccessors _state;
    private readonly IEnumerable<IPersonalDataEraser> _erasers;
    private readonly IStorage _storage;
    private readonly IEnumerable<IErasureFinisher> _finishers;
    private readonly ICardRenderer _cards;

    public DeleteDataDialog(StateAccessors state, IEnumerable<IPersonalDataEraser> erasers, IStorage storage, ICardRenderer cards, IEnumerable<IErasureFinisher>? finishers = null)
        : base(nameof(DeleteDataDialog))
    {
        _state = state;
        _erasers = erasers;
        _storage = storage;
        _finishers = finishers ?? [];
        _cards = cards;
        AddDialog(new WaterfallDialog(nameof(WaterfallDialog))
            .AddStep(ConfirmStepAsync)
            .AddStep(DeleteStepAsync));
        AddDialog(new ConfirmPrompt(nameof(ConfirmPrompt), cards: cards));
        InitialDialogId = nameof(WaterfallDialog);
    }

    private Task<DialogTurnResult> ConfirmStepAsync(WaterfallStepContext stepContext, CancellationToken cancellationToken)
        => stepContext.PromptAsync(nameof(ConfirmPrompt), new PromptOptions
        {
            Prompt = Question,
            RetryPrompt = "Please answer yes to delete everything, or no to keep it.",
            Choices = new List<Choice>
            {
                new(ConfirmPrompt.YesValue, "Yes, delete everything", "delete", "delete it", "delete everything"),
                new(ConfirmPrompt.NoValue, "No, keep it", "keep", "keep it", "cancel"),
            },
        }, cancellationToken);

    private async Task<DialogTurnResult> DeleteStepAsync(WaterfallStepContext stepContext, CancellationToken cancellationToken)
    {
        var turnContext = stepContext.Context;
        if (!stepContext.ResultAs<bool>())
        {
            await turnContext.SendActivityAsync(MessageFactory.Text(KeptMessage), cancellationToken);
            return await stepContext.EndDialogAsync(null, cancellationToken);
        }

        // The question this interrupted is left: its card closes (before the erasure, so nothing is written after it).
        var result = await stepContext.Root.CancelAllDialogsAsync(cancellationToken);
        var activity = turnContext.Activity;
        var owner = new PersonalDataOwner(activity.ChannelId, UserKey.From(activity), activity.Conversation.Id);
        foreach (var eraser in _erasers)
        {
            await eraser.EraseAsync(owner, cancellationToken);
        }

        // The user's other conversations (other Teams chats, older web visits); this one is deleted below.
        var profile = await _state.GetProfileAsync(turnContext, cancellationToken);
        var current = StateAccessors.ConversationStateKey(activity);
        var others = profile.ConversationStateKeys.Where(k => k != current).ToArray();
        if (others.Length > 0)
        {
            await _storage.DeleteAsync(others, cancellationToken);
        }

        // Nothing may write state after this in this turn: the stack was emptied in memory and both states are
        // deleted from storage (BotState drops its cached copy, so the end-of-turn save writes nothing).
        await _state.UserState.DeleteAsync(turnContext, cancellationToken);
        await _state.ConversationState.DeleteAsync(turnContext, cancellationToken);

        // Then no old copy of the erased bytes may stay behind (a database's write-ahead log).
        foreach (var finisher in _finishers)
        {
            await finisher.FinishAsync(cancellationToken);
        }

        // The erased transcript took the closed cards with it, but an open page still shows them: close them again.
        await AnsweredCards.RetireAgainWithoutAnswersAsync(turnContext, _cards, cancellationToken);
        await turnContext.SendActivityAsync(MessageFactory.Text(DeletedMessage), cancellationToken);
        return result;
    }
}
