using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using StretchBot.Storage;

namespace StretchBot.Hosting;

/// <summary>
/// The bot's CloudAdapter: Bot Framework authentication from configuration, turns serialised per conversation
/// (<see cref="ConversationTurnLock"/>), and the one turn-error handler.
/// </summary>
public class AdapterWithErrorHandler : CloudAdapter
{
    /// <summary>What the user is told when a turn fails.</summary>
    public const string SomethingWentWrongText =
        "Sorry, something went wrong on my side. You can type \"start over\" at any time.";

    /// <summary>What the user is told when two turns of the conversation raced and this one lost.</summary>
    public const string TwoMessagesAtOnceText =
        "I received two messages at once; please answer the last question again.";

    private readonly ConversationState _conversationState;
    private readonly ILogger _logger;

    public AdapterWithErrorHandler(
        BotFrameworkAuthentication botFrameworkAuthentication,
        ConversationState conversationState,
        ConversationTurnLock turnLock,
        ILogger<AdapterWithErrorHandler> logger)
        : base(botFrameworkAuthentication, logger)
    {
        _conversationState = conversationState ?? throw new ArgumentNullException(nameof(conversationState));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        Use(new OrdinalTurnStateKeys());
        Use(turnLock ?? throw new ArgumentNullException(nameof(turnLock)));
        OnTurnError = HandleTurnErrorAsync;
    }

    /// <summary>
    /// Runs the turn for an activity whose request <see cref="BotRequestAuthenticator"/> has already authenticated: the
    /// rest of what CloudAdapter does for a POST (connector client, middleware, the bot, expectReplies, invoke responses).
    /// </summary>
    public Task<InvokeResponse> ProcessAuthenticatedActivityAsync(
        AuthenticateRequestResult authentication,
        Activity activity,
        BotCallbackHandler callback,
        CancellationToken cancellationToken) =>
        ProcessActivityAsync(authentication, activity, callback, cancellationToken);

    /// <summary>
    /// Logs the failure (conversation id and exception type/stack only: never the user's words, the activity's value
    /// or the exception message), tells the user, and deletes the conversation state so the broken dialog stack does
    /// not fail the next turn too. A lost race on the state (<see cref="StorageConcurrencyException"/>) keeps the
    /// state: the other turn's save is the good one, and the user is asked to answer again.
    /// </summary>
    protected virtual async Task HandleTurnErrorAsync(ITurnContext turnContext, Exception exception)
    {
        var activity = turnContext.Activity;
        var conversationId = activity?.Conversation?.Id;
        var conflict = IsConcurrencyConflict(exception);
        var cancelled = exception is OperationCanceledException;

        if (conflict)
        {
            _logger.LogWarning(
                RedactedException.From(exception),
                "Turn lost a race on stored state in conversation {ConversationId} (channel {ChannelId}, activity type {ActivityType}); state kept",
                conversationId,
                activity?.ChannelId,
                activity?.Type);
        }
        else
        {
            _logger.LogError(
                RedactedException.From(exception),
                "Turn failed in conversation {ConversationId} (channel {ChannelId}, activity type {ActivityType}) with {ExceptionType}",
                conversationId,
                activity?.ChannelId,
                activity?.Type,
                exception.GetType().FullName);
        }

        try
        {
            await turnContext.SendActivityAsync(
                MessageFactory.Text(conflict ? TwoMessagesAtOnceText : SomethingWentWrongText),
                CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception sendFailure)
        {
            _logger.LogError(
                RedactedException.From(sendFailure),
                "Could not tell the user about the failed turn in conversation {ConversationId}",
                conversationId);
        }

        // A cancelled turn (the caller went away) is not a broken dialog stack: keep the user's progress.
        if (conflict || cancelled)
        {
            return;
        }

        try
        {
            await _conversationState.DeleteAsync(turnContext, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception deleteFailure)
        {
            _logger.LogError(
                RedactedException.From(deleteFailure),
                "Could not clear the conversation state after a failed turn in conversation {ConversationId}",
                conversationId);
        }
    }

    private static bool IsConcurrencyConflict(Exception? exception) => exception switch
    {
        null => false,
        StorageConcurrencyException => true,
        AggregateException aggregate => aggregate.InnerExceptions.Any(IsConcurrencyConflict),
        _ => IsConcurrencyConflict(exception.InnerException),
    };
}
