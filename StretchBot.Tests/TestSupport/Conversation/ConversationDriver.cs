using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace StretchBot.Tests.TestSupport;

/// <summary>
/// Talks to the bot one turn at a time and returns its replies, so a test can press a button on the card the
/// bot just sent (a click carries that card's submit data, which is only known once the card has arrived).
/// </summary>
internal sealed class ConversationDriver : IConversationDriver
{
    private readonly TestAdapter _adapter;
    private readonly IBot _bot;

    public ConversationDriver(TestAdapter adapter, IBot bot)
    {
        _adapter = adapter;
        _bot = bot;
    }

    /// <summary>The replies of the most recent turn.</summary>
    public Replies Last { get; private set; } = new(Array.Empty<IMessageActivity>());

    public Task<Replies> SendAsync(string text) => SendAsync(new Activity { Type = ActivityTypes.Message, Text = text });

    public async Task<Replies> SendAsync(Activity activity)
    {
        activity.Type ??= ActivityTypes.Message;
        await _adapter.ProcessActivityAsync(activity, _bot.OnTurnAsync, CancellationToken.None);
        return Collect();
    }

    public async Task<Replies> ConversationStartsAsync()
    {
        var update = new Activity
        {
            Type = ActivityTypes.ConversationUpdate,
            MembersAdded = new List<ChannelAccount> { _adapter.Conversation.User },
        };
        await _adapter.ProcessActivityAsync(update, _bot.OnTurnAsync, CancellationToken.None);
        return Collect();
    }

    /// <summary>Presses the button titled <paramref name="title"/> on the last card that has one, with any input values.</summary>
    public Task<Replies> ClickAsync(string title, object? inputs = null) => ClickOnAsync(Last, title, inputs);

    public Task<Replies> ClickOnAsync(Replies replies, string title, object? inputs = null)
    {
        var data = replies.SubmitDataOf(title);
        if (inputs is not null)
        {
            data.Merge(JObject.FromObject(inputs));
        }

        return SendAsync(new Activity { Type = ActivityTypes.Message, Value = data });
    }

    /// <summary>Whatever the bot sent outside a turn of ours (a proactive check-in).</summary>
    public Replies Collect()
    {
        var replies = new List<IMessageActivity>();
        while (_adapter.ActiveQueue.Count > 0)
        {
            if (_adapter.ActiveQueue.Dequeue() is IMessageActivity message)
            {
                replies.Add(message);
            }
        }

        Last = new Replies(replies);
        return Last;
    }
}

/// <summary>One turn's replies, read as a person would: texts, cards and their buttons.</summary>
internal sealed class Replies
{
    public Replies(IReadOnlyList<IMessageActivity> activities)
    {
        Activities = activities;
    }

    public IReadOnlyList<IMessageActivity> Activities { get; }

    public IEnumerable<JObject> Cards => Activities
        .SelectMany(a => a.Attachments ?? new List<Attachment>())
        .Where(a => a.ContentType == "application/vnd.microsoft.card.adaptive")
        .Select(a => CardContent.Of(a.Content));

    /// <summary>Every text a person reads: message texts and the card texts.</summary>
    public string AllText => string.Join("\n", Activities.Select(a => a.Text).Where(t => !string.IsNullOrEmpty(t))
        .Concat(Cards.SelectMany(c => c.SelectTokens("$..text").Concat(c.SelectTokens("$..title")).Concat(c.SelectTokens("$..label")).Select(t => t.ToString()))));

    /// <summary>The stretch cards (they carry a stretch's picture).</summary>
    public IReadOnlyList<JObject> StretchCards => Cards
        .Where(c => c.SelectTokens("$..[?(@.type == 'Image')].url").Any(u => u.ToString().Contains("/images/stretches/", StringComparison.Ordinal)))
        .ToList();

    /// <summary>The progress cards ("my progress", and the pain so far after a check-in).</summary>
    public IReadOnlyList<JObject> ProgressCards => Cards
        .Where(c => c.SelectTokens("$..[?(@.type == 'Image')].url").Any(u => u.ToString().Contains("/progress/pictures/", StringComparison.Ordinal)))
        .ToList();

    public IReadOnlyList<string> StretchNames => StretchCards.Select(c => c["body"]![0]!["text"]!.ToString()).ToList();

    public bool Mentions(string text) => AllText.Contains(text, StringComparison.OrdinalIgnoreCase);

    public JObject SubmitDataOf(string title)
    {
        var action = Cards.Reverse()
            .SelectMany(c => c.SelectTokens("$..[?(@.type == 'Action.Submit')]"))
            .FirstOrDefault(a => string.Equals(a["title"]?.ToString(), title, StringComparison.OrdinalIgnoreCase))
            ?? throw new InvalidOperationException($"No button \"{title}\" in the replies:\n{AllText}");
        return (JObject)(action["data"]?.DeepClone() ?? new JObject());
    }

    public override string ToString() => AllText;
}
