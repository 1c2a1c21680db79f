using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging.Abstractions;
using Newtonsoft.Json.Linq;
using StretchBot.Dialogs.Engine;

namespace StretchBot.Tests.TestSupport;

/// <summary>Runs a root dialog through the engine the way the bot does: one DialogManager call, then save.</summary>
internal sealed class EngineHarness
{
    public EngineHarness(Dialog root, IStorage? storage = null, params IDialogInterruption[] interruptions)
    {
        Storage = storage ?? new MemoryStorage();
        ConversationState = new ConversationState(Storage);
        Manager = new DialogManager(root, ConversationState, interruptions, NullLogger<DialogManager>.Instance);
        Adapter = new TestAdapter(TestAdapter.CreateConversation(nameof(EngineHarness)));
        Adapter.Use(new RecordingMiddleware(Sent, Updates));
    }

    /// <summary>Every activity the bot sent, with the id the channel gave it.</summary>
    public List<IActivity> Sent { get; } = new();

    /// <summary>Every activity the bot updated in place (UpdateActivity), in order.</summary>
    public List<IActivity> Updates { get; } = new();

    public IStorage Storage { get; }

    public ConversationState ConversationState { get; }

    public DialogManager Manager { get; }

    public TestAdapter Adapter { get; }

    public TestFlow Flow() => new(Adapter, async (turnContext, cancellationToken) =>
    {
        await Manager.OnTurnAsync(turnContext, cancellationToken);
        await ConversationState.SaveChangesAsync(turnContext, false, cancellationToken);
    });

    /// <summary>A card submit as Web Chat and Teams send it: a message with Value and no text.</summary>
    public static IActivity Submit(object value) => new Activity
    {
        Type = ActivityTypes.Message,
        Value = JObject.FromObject(value),
    };
}

/// <summary>Records what the bot sends and updates in a turn (TestAdapter keeps only the replies).</summary>
internal sealed class RecordingMiddleware(List<IActivity> sent, List<IActivity> updates) : IMiddleware
{
    public Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        turnContext.OnSendActivities(async (context, activities, nextSend) =>
        {
            var responses = await nextSend();
            lock (sent)
            {
                sent.AddRange(activities);
            }

            return responses;
        });
        turnContext.OnUpdateActivity((context, activity, nextUpdate) =>
        {
            lock (updates)
            {
                // A copy as it was asked for (the adapter may change the object it is given).
                updates.Add(Newtonsoft.Json.JsonConvert.DeserializeObject<Activity>(Newtonsoft.Json.JsonConvert.SerializeObject(activity))!);
            }

            return nextUpdate();
        });
        return next(cancellationToken);
    }
}

/// <summary>Renders a card as its template name and data, so tests can read what the card would show.</summary>
internal sealed class FakeCardRenderer : ICardRenderer
{
    public const string ContentType = "application/vnd.microsoft.card.adaptive";

    public Attachment Render(string templateName, object data) => new()
    {
        ContentType = ContentType,
        Name = templateName,
        Content = data is System.Text.Json.Nodes.JsonNode node ? JObject.Parse(node.ToJsonString()) : JObject.FromObject(data),
    };

    /// <summary>The cardId a prompt's card carries.</summary>
    public static string CardIdOf(IActivity activity)
        => CardContent.Of(((IMessageActivity)activity).Attachments[0].Content)["cardId"]!.ToString();

    public static string TextOf(IActivity activity)
    {
        var message = (IMessageActivity)activity;
        return message.Attachments is { Count: > 0 }
            ? CardContent.Of(message.Attachments[0].Content)["text"]?.ToString() ?? string.Empty
            : message.Text ?? string.Empty;
    }
}
