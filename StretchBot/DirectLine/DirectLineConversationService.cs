using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace StretchBot.DirectLine;

/// <summary>
/// The local Direct Line's conversations: creates them, greets once, turns what the browser posts into Bot Framework
/// activities for the bot, and records what the bot sends back. Never logs activity content.
/// </summary>
public sealed class DirectLineConversationService
{
    public const string ChannelId = "directline";

    private readonly ITranscriptStore _store;
    private readonly TranscriptFeed _feed;
    private readonly DirectLineBotBridge _bridge;
    private readonly TimeProvider _time;
    private readonly ILogger<DirectLineConversationService> _logger;

    public DirectLineConversationService(ITranscriptStore store, TranscriptFeed feed, DirectLineBotBridge bridge, TimeProvider time, ILogger<DirectLineConversationService> logger)
    {
        _store = store;
        _feed = feed;
        _bridge = bridge;
        _time = time;
        _logger = logger;
    }

    /// <summary>Creates a conversation with a fresh, server-chosen user id. The bot is told when the client starts it.</summary>
    public async Task<DirectLineConversation> CreateAsync(CancellationToken cancellationToken)
    {
        var conversation = new DirectLineConversation(NewId(), "dl_" + NewId(), Started: false);
        await _store.CreateConversationAsync(conversation.ConversationId, conversation.UserId, _time.GetUtcNow(), cancellationToken);
        _logger.ConversationCreated(conversation.ConversationId);
        return conversation;
    }

    public Task<DirectLineConversation?> FindAsync(string conversationId, CancellationToken cancellationToken)
        => _store.GetConversationAsync(conversationId, cancellationToken);

    /// <summary>Sends the bot the conversation start (members added: bot and user) the first time a client connects.</summary>
    public async Task EnsureStartedAsync(DirectLineConversation conversation, string serviceUrl, CancellationToken cancellationToken)
    {
        if (conversation.Started || !await _store.TryMarkStartedAsync(conversation.ConversationId, cancellationToken))
        {
            return;
        }

        var user = UserAccount(conversation);
        var update = new Activity(ActivityTypes.ConversationUpdate)
        {
            Id = NewId(),
            ChannelId = ChannelId,
            ServiceUrl = serviceUrl,
            Conversation = new ConversationAccount(id: conversation.ConversationId),
            From = user,
            Recipient = _bridge.BotAccount,
            MembersAdded = [_bridge.BotAccount, user],
            Timestamp = _time.GetUtcNow(),
        };
        await _bridge.ProcessAsync(update, cancellationToken);
    }

    /// <summary>
    /// Records the client's activity and runs the bot's turn. The server decides who sent it (the token's user),
    /// where replies go and when it arrived; the client decides only the content.
    /// </summary>
    public async Task<string?> PostFromUserAsync(DirectLineConversation conversation, JObject posted, string serviceUrl, CancellationToken cancellationToken)
    {
        var activity = FromClient(posted, conversation, serviceUrl);
        var now = _time.GetUtcNow();
        activity.Timestamp = now;
        var seq = await AppendAsync(conversation.ConversationId, now, s =>
        {
            activity.Id = ActivityId(conversation.ConversationId, s);
            return ActivityJson.Serialize(activity);
        }, cancellationToken);
        if (seq is null)
        {
            return null;
        }

        _logger.ActivityReceived(activity.Type, seq.Value, conversation.ConversationId);
        await _bridge.ProcessAsync(activity, cancellationToken);
        return activity.Id;
    }

    /// <summary>Records an activity the bot sent; returns its id, or null when the conversation is unknown.</summary>
    public async Task<string?> RecordFromBotAsync(string conversationId, Activity activity, string? replyToId, CancellationToken cancellationToken)
    {
        if (activity.Type == ActivityTypes.Typing)
        {
            // Typing indicators are momentary: not worth replaying after a reload.
            return await _store.GetConversationAsync(conversationId, cancellationToken) is null ? null : NewId();
        }

        var now = _time.GetUtcNow();
        activity.ChannelId = ChannelId;
        activity.Conversation = new ConversationAccount(id: conversationId);
        activity.From ??= _bridge.BotAccount;
        activity.From.Role ??= RoleTypes.Bot;
        activity.Timestamp = now;
        activity.ReplyToId = replyToId ?? activity.ReplyToId;
        activity.ServiceUrl = null;
        var seq = await AppendAsync(conversationId, now, s =>
        {
            activity.Id = ActivityId(conversationId, s);
            return ActivityJson.Serialize(activity);
        }, cancellationToken);
        if (seq is null)
        {
            return null;
        }

        _logger.ActivitySent(activity.Type, seq.Value, conversationId);
        return activity.Id;
    }

    /// <summary>
    /// Replaces an activity the bot sent (UpdateActivity: an answered card). The new version is appended to the
    /// transcript with the same id and the original's time and sender, so the page, polling from its watermark,
    /// receives it and Web Chat shows it in the original's place; after a reload only the latest version shows (Web Chat
    /// keeps one activity per id, and <see cref="SequenceOf"/> orders every version by the original's place). After "delete
    /// my data" the original is gone but the page still shows it: the bot then closes it with a version that holds no
    /// answers (only the bot's own adapter reaches this, behind the connector key). Returns the id, or null when the
    /// conversation or activity is unknown.
    /// </summary>
    public async Task<string?> UpdateFromBotAsync(string conversationId, string activityId, Activity activity, CancellationToken cancellationToken)
    {
        var seq = SequenceOf(conversationId, activityId);
        if (seq is null)
        {
            return null;
        }

        var page = await _store.GetActivitiesAsync(conversationId, seq.Value - 1, 1, cancellationToken);
        var stored = page.Watermark == seq && page.Activities.Count == 1;
        var original = stored ? ActivityJson.ParseObject(page.Activities[0]) is { } json ? ActivityJson.ToActivity(json) : null : null;
        if (!stored && await _store.GetConversationAsync(conversationId, cancellationToken) is { } conversation && seq <= conversation.LastSequence)
        {
            // Erased: the page still shows it.
            original = new Activity { Id = activityId, From = new ChannelAccount(_bridge.BotAccount.Id, _bridge.BotAccount.Name, RoleTypes.Bot) };
        }

        if (original is null || original.Id != activityId || original.From?.Role != RoleTypes.Bot)
        {
            return null; // only the bot's own activities can be replaced
        }

        activity.Id = activityId;
        activity.ChannelId = ChannelId;
        activity.Conversation = new ConversationAccount(id: conversationId);
        activity.From = original.From;
        activity.Timestamp = original.Timestamp ?? activity.Timestamp;
        activity.ReplyToId = original.ReplyToId;
        activity.ServiceUrl = null;
        var appended = await AppendAsync(conversationId, _time.GetUtcNow(), _ => ActivityJson.Serialize(activity), cancellationToken);
        return appended is null ? null : activityId;
    }

    /// <summary>
    /// The transcript position of an activity this service stored, from its id ("conversation|0000042"): the place Web
    /// Chat shows it in (channelData "webchat:sequence-id"), for every version of it.
    /// </summary>
    public static long? SequenceOf(string conversationId, string? activityId)
        => activityId is not null && activityId.Length == conversationId.Length + 8 && activityId.StartsWith(conversationId + "|", StringComparison.Ordinal)
            && long.TryParse(activityId.AsSpan(conversationId.Length + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var seq)
            ? seq
            : null;

    public ChannelAccount UserAccount(DirectLineConversation conversation) => new(conversation.UserId, role: RoleTypes.User);

    private Activity FromClient(JObject posted, DirectLineConversation conversation, string serviceUrl)
    {
        var parsed = ActivityJson.ToActivity(posted) ?? throw new ArgumentException("The body is not an activity.");
        var type = string.IsNullOrWhiteSpace(parsed.Type) ? ActivityTypes.Message : parsed.Type;
        if (type is not (ActivityTypes.Message or ActivityTypes.Event or ActivityTypes.Typing))
        {
            throw new ArgumentException("Only message, event and typing activities can be posted.");
        }

        var userName = parsed.From?.Name;
        return new Activity(type)
        {
            ChannelId = ChannelId,
            ServiceUrl = serviceUrl,
            Conversation = new ConversationAccount(id: conversation.ConversationId),
            From = new ChannelAccount(conversation.UserId, string.IsNullOrWhiteSpace(userName) ? null : userName, RoleTypes.User),
            Recipient = _bridge.BotAccount,
            Text = parsed.Text,
            TextFormat = parsed.TextFormat,
            Value = parsed.Value,
            ValueType = parsed.ValueType,
            Name = parsed.Name,
            Locale = parsed.Locale,
            LocalTimestamp = parsed.LocalTimestamp,
            LocalTimezone = parsed.LocalTimezone,
            ChannelData = parsed.ChannelData,
            Entities = parsed.Entities,
            ReplyToId = parsed.ReplyToId,
        };
    }

    /// <summary>Appends to the transcript and wakes this instance's streams of the conversation (other instances hear of it from the store).</summary>
    private async Task<long?> AppendAsync(string conversationId, DateTimeOffset now, Func<long, string> render, CancellationToken cancellationToken)
    {
        var seq = await _store.AppendAsync(conversationId, now, render, cancellationToken);
        if (seq is { } appended)
        {
            _feed.Notify(conversationId, appended);
        }

        return seq;
    }

    private static string ActivityId(string conversationId, long seq) => conversationId + "|" + seq.ToString("D7", CultureInfo.InvariantCulture);

    private static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}
