using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging;
using StretchBot.Dialogs.Engine;
using StretchBot.Dialogs.Engine.Prompts;
using StretchBot.Dialogs.State;

namespace StretchBot.Dialogs.Bots;

/// <summary>
/// The bot: welcomes a new conversation once, runs the dialogs for every message, and saves state once at the
/// end of each turn. Channel quirks (Teams' installationUpdate, card submits with Value and no text) are handled
/// here and in the prompts, never in the dialogs.
/// </summary>
public sealed class StretchBotActivityHandler : ActivityHandler
{
    private readonly Lazy<DialogManager> _dialogs;
    private readonly StateAccessors _state;
    private readonly WelcomeCard _welcome;
    private readonly ICardRenderer _cards;
    private readonly ILogger<StretchBotActivityHandler> _logger;

    /// <param name="dialogs">
    /// The dialogs, made when a turn first needs them: a welcome does not, so a new instance answers its first
    /// conversation without building every dialog and the stretch catalog first (the start-up warm-up builds them a
    /// moment later, off the first turn's path).
    /// </param>
    public StretchBotActivityHandler(Lazy<DialogManager> dialogs, StateAccessors state, WelcomeCard welcome, ICardRenderer cards, ILogger<StretchBotActivityHandler> logger)
    {
        _cards = cards;
        _dialogs = dialogs;
        _state = state;
        _welcome = welcome;
        _logger = logger;
    }

    public override async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        SharedConnectorContracts.Apply(turnContext);
        try
        {
            await base.OnTurnAsync(turnContext, cancellationToken);
            await _state.SaveChangesAsync(turnContext, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The turn's state was not saved (a lost race with another instance, or a failure): a question card it sent
            // is not the question the conversation is at, so it must not stay live. The winner's card is the live one.
            foreach (var (activityId, question) in AnsweredCards.SentThisTurn(turnContext))
            {
                await AnsweredCards.RetireAsync(turnContext, _cards, activityId, question, null, AnsweredCards.ReplacedNote, CancellationToken.None);
            }

            throw;
        }
    }

    protected override async Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(turnContext.Activity.Text) && turnContext.Activity.Value is null && (turnContext.Activity.Attachments?.Count ?? 0) > 0)
        {
            // A picture or file on its own: nothing the bot can read.
            await turnContext.SendActivityAsync(MessageFactory.Text("I can only read text and card buttons. Please type your answer."), cancellationToken);
            return;
        }

        var profile = await _state.GetProfileAsync(turnContext, cancellationToken);
        profile.RememberConversation(StateAccessors.ConversationStateKey(turnContext.Activity));
        await CloseWelcomeAsync(turnContext, cancellationToken);
        await _dialogs.Value.OnTurnAsync(turnContext, cancellationToken);
    }

    protected override async Task OnConversationUpdateActivityAsync(ITurnContext<IConversationUpdateActivity> turnContext, CancellationToken cancellationToken)
    {
        // Web Chat and Direct Line add the user; Teams adds the bot to a personal chat (and also sends
        // installationUpdate). ActivityHandler only reports members other than the bot, so decide here.
        var added = turnContext.Activity.MembersAdded ?? new List<ChannelAccount>();
        var userJoined = added.Any(m => m.Id != turnContext.Activity.Recipient?.Id);
        var botJoinedTeams = added.Count > 0 && turnContext.Activity.ChannelId == Microsoft.Bot.Connector.Channels.Msteams;
        if (userJoined || botJoinedTeams)
        {
            await WelcomeOnceAsync(turnContext, cancellationToken);
        }
    }

    protected override Task OnInstallationUpdateAddAsync(ITurnContext<IInstallationUpdateActivity> turnContext, CancellationToken cancellationToken)
        => WelcomeOnceAsync(turnContext, cancellationToken);

    /// <summary>The first message closes the welcome card: one live card at a time.</summary>
    private async Task CloseWelcomeAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var data = await _state.ConversationData.GetForUpdateAsync(turnContext, () => new ConversationData(), cancellationToken);
        if (data.WelcomeActivityId is not { } welcomeId)
        {
            if (!data.WelcomeSent)
            {
                // Begun without a welcome: nothing to remember, so nothing is stored (and the turn writes nothing new).
                await _state.ConversationData.DeleteAsync(turnContext, cancellationToken);
            }

            return;
        }

        data.WelcomeActivityId = null;
        var values = CardSubmit.GetValues(turnContext.Activity);
        var begun = CardSubmit.GetString(values, CardSubmit.CardIdKey) == WelcomeCard.CardId;
        await _welcome.CloseAsync(turnContext, welcomeId, begun, cancellationToken);
    }

    private async Task WelcomeOnceAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var data = await _state.ConversationData.GetForUpdateAsync(turnContext, () => new ConversationData(), cancellationToken);
        if (data.WelcomeSent)
        {
            return;
        }

        data.WelcomeSent = true;
        data.WelcomeActivityId = await _welcome.SendAsync(turnContext, cancellationToken);
        _logger.Welcomed(turnContext.Activity.Conversation?.Id, turnContext.Activity.ChannelId);
    }
}
