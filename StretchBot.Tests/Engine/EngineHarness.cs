using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging.Abstractions;
using Newtonsoft.Json.Linq;
using StretchBot.Dialogs.Engine;

namespace StretchBot.Tests.Engine;

/// <summary>Runs a root dialog through the engine the way the bot does: one DialogManager call, then save.</summary>
internal sealed class EngineHarness
{
    public EngineHarness(Dialog root, IStorage? storage = null, params IDialogInterruption[] interruptions)
    {
        Storage = storage ?? new MemoryStorage();
        ConversationState = new ConversationState(Storage);
        Manager = new DialogManager(root, ConversationState, interruptions, NullLogger<DialogManager>.Instance);
        Adapter = new TestAdapter(TestAdapter.CreateConversation(nameof(EngineHarness)));
    }

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

/// <summary>Renders a card as its template name and data, so tests can read what the card would show.</summary>
internal sealed class FakeCardRenderer : ICardRenderer
{
    public const string ContentType = "application/vnd.microsoft.card.adaptive";

    public Attachment Render(string templateName, object data) => new()
    {
        ContentType = ContentType,
        Name = templateName,
        Content = JObject.FromObject(data),
    };

    /// <summary>The cardId a prompt's card carries.</summary>
    public static string CardIdOf(IActivity activity)
        => ((JObject)((IMessageActivity)activity).Attachments[0].Content)["cardId"]!.ToString();

    public static string TextOf(IActivity activity)
    {
        var message = (IMessageActivity)activity;
        return message.Attachments is { Count: > 0 }
            ? ((JObject)message.Attachments[0].Content)["text"]?.ToString() ?? string.Empty
            : message.Text ?? string.Empty;
    }
}
