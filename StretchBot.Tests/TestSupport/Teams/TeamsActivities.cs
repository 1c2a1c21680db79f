using Microsoft.Bot.Schema;
using Microsoft.Bot.Schema.Teams;

namespace StretchBot.Tests.TestSupport;

/// <summary>Activities shaped like the ones Teams sends a bot in a personal (1:1) chat.</summary>
public static class TeamsActivities
{
    public const string BotId = "28:00000000-0000-0000-0000-00000000b07";
    public const string TenantId = "72f988bf-86f1-41af-91ab-2d7cd011db47";

    public static Activity Message(TeamsUser user, string? text, object? value = null) => Base(ActivityTypes.Message, user, a =>
    {
        a.Text = text;
        a.Value = value;
        a.TextFormat = TextFormatTypes.Plain;
        a.Locale = "en-GB";
    });

    public static Activity MembersAdded(TeamsUser user) => Base(ActivityTypes.ConversationUpdate, user, a =>
        a.MembersAdded = [new ChannelAccount(user.Id, user.Name, aadObjectId: user.AadObjectId)]);

    /// <summary>What Teams sends when the bot is added to the user's personal chat: the member added is the bot.</summary>
    public static Activity BotAdded(TeamsUser user) => Base(ActivityTypes.ConversationUpdate, user, a =>
        a.MembersAdded = [new ChannelAccount(BotId, "StretchBot")]);

    public static Activity InstallationAdd(TeamsUser user) => Base(ActivityTypes.InstallationUpdate, user, a => a.Action = "add");

    private static Activity Base(string type, TeamsUser user, Action<Activity> shape)
    {
        var activity = new Activity(type)
        {
            Id = "1:" + Guid.NewGuid().ToString("N"),
            ChannelId = "msteams",
            ServiceUrl = FakeTeamsConnector.ServiceUrl,
            Timestamp = DateTimeOffset.UtcNow,
            From = new ChannelAccount(user.Id, user.Name, aadObjectId: user.AadObjectId),
            Recipient = new ChannelAccount(BotId, "StretchBot"),
            Conversation = new ConversationAccount(isGroup: false, conversationType: "personal", id: user.ConversationId, tenantId: TenantId),
            ChannelData = new TeamsChannelData { Tenant = new TenantInfo(TenantId) },
        };
        shape(activity);
        return activity;
    }
}
