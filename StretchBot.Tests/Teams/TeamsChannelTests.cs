using System.Net;
using System.Text;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using StretchBot.CheckIns;
using StretchBot.Dialogs.Bots;
using StretchBot.Dialogs.CheckIns;
using StretchBot.Dialogs.Triage;
using StretchBot.Tests.DirectLine;

namespace StretchBot.Tests.Teams;

/// <summary>The bot reached the way Teams reaches it: POST /api/messages, replies to the activity's serviceUrl.</summary>
public class TeamsChannelTests : IDisposable
{
    private readonly StretchBotAppFactory _factory = new();
    private readonly FakeTeamsConnector _connector = new();
    private int _seen;

    public TeamsChannelTests()
    {
        // Authentication is off in these tests, so the fake Teams connector must be allowed as a reply address.
        _factory.With("Bot:AllowedServiceUrls:0", FakeTeamsConnector.ServiceUrl);
        _factory.HttpClients.Route(FakeTeamsConnector.Host, _connector.Handler);
    }

    public void Dispose()
    {
        _factory.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task NewTeamsUserIsWelcomedInTheirPersonalChat()
    {
        var user = TeamsUser.NewUser();

        using var response = await PostAsync(TeamsActivities.MembersAdded(user));

        Assert.True(response.IsSuccessStatusCode);
        var welcome = Assert.Single(_connector.Messages);
        var read = Read(welcome);
        Assert.True(read.Mentions(WelcomeCard.Title), read.AllText);
        Assert.True(read.Mentions("not a doctor"), read.AllText);
        Assert.NotNull(read.SubmitDataOf("Let's begin"));
        Assert.Equal(user.ConversationId, welcome.Conversation.Id);
        var sent = Assert.Single(_connector.Sent);
        Assert.StartsWith($"/emea/v3/conversations/{Uri.EscapeDataString(user.ConversationId)}/activities", sent.Path);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task InstallingTheAppAndBeingAddedToTheChatWelcomesOnce(bool installationFirst)
    {
        var user = TeamsUser.NewUser();
        var first = installationFirst ? TeamsActivities.InstallationAdd(user) : TeamsActivities.BotAdded(user);
        var second = installationFirst ? TeamsActivities.BotAdded(user) : TeamsActivities.InstallationAdd(user);

        using (await PostAsync(first))
        using (await PostAsync(second))
        {
        }

        var welcome = Assert.Single(_connector.Messages);
        Assert.True(Read(welcome).Mentions("not a doctor"), Read(welcome).AllText);
        Assert.Equal(user.ConversationId, welcome.Conversation.Id);
    }

    [Fact]
    public async Task BeingAddedToTheChatWithoutAnInstallationUpdateWelcomes()
    {
        var user = TeamsUser.NewUser();

        var welcomed = await SendAsync(TeamsActivities.BotAdded(user));

        Assert.True(welcomed.Mentions("not a doctor"), welcomed.AllText);
    }

    [Fact]
    public async Task TeamsMessageIsAnsweredThroughTheConnectorAtItsServiceUrl()
    {
        var user = TeamsUser.NewUser();
        var message = TeamsActivities.Message(user, "hi");

        using var response = await PostAsync(message);

        Assert.True(response.IsSuccessStatusCode);
        var reply = Assert.Single(_connector.Messages);
        var read = Read(reply);
        Assert.True(read.Mentions(ConsentDialog.Question), read.AllText);
        Assert.NotNull(read.SubmitDataOf("Yes, I've checked"));
        Assert.Equal(user.ConversationId, reply.Conversation.Id);
        Assert.Equal(user.Id, reply.Recipient?.Id);
        Assert.Equal(message.Id, reply.ReplyToId);
    }

    [Fact]
    public async Task CardSubmitWithAValueAndNoTextAnswersTheOpenQuestion()
    {
        var user = TeamsUser.NewUser();
        var question = await SendAsync(TeamsActivities.Message(user, "hi"));

        var answered = await ClickAsync(user, question, "Yes, I've checked");

        Assert.True(answered.Mentions(ConsentDialog.ThanksMessage), answered.AllText);
        Assert.NotNull(answered.SubmitDataOf("None of these"));
        Assert.All(answered.Activities, m => Assert.Equal(user.ConversationId, m.Conversation.Id));
    }

    /// <summary>
    /// In Teams a pressed card is updated in place (UpdateActivity, a PUT to the connector with the id Teams gave the card
    /// when it was sent): it shows the question and the answer and has no buttons left.
    /// </summary>
    [Fact]
    public async Task AnAnsweredCardIsUpdatedInPlaceWithTheIdTeamsGaveIt()
    {
        var user = TeamsUser.NewUser();
        var question = await SendAsync(TeamsActivities.Message(user, "hi"));
        var sentBefore = _connector.Sent.Count;

        await ClickAsync(user, question, "Yes, I've checked");

        // The consent card was the only card sent in the first turn; Teams numbered it in the order it was sent.
        var consentCardId = $"1:{_connector.Sent.Take(sentBefore).ToList().FindLastIndex(s => s.Activity.Attachments?.Count > 0) + 1}";
        var update = Assert.Single(_connector.Updated, u => u.ActivityId == consentCardId);
        var card = CardContent.Of(update.Activity.Attachments.Single().Content);
        Assert.Contains(ConsentDialog.Question, card.ToString());
        Assert.Contains("✓ Yes, I've checked", card.ToString());
        Assert.Empty(card.SelectTokens("$..[?(@.type == 'Action.Submit')]"));
        Assert.Equal(user.ConversationId, update.Activity.Conversation.Id);
    }

    [Fact]
    public async Task OnePersonInTwoTeamsChatsHasOneProfile()
    {
        var phone = TeamsUser.NewUser();
        var desktop = phone.OnAnotherDevice();
        var question = await SendAsync(TeamsActivities.Message(phone, "hi"));
        await ClickAsync(phone, question, "Yes, I've checked");

        var elsewhere = await SendAsync(TeamsActivities.Message(desktop, "hi"));

        Assert.False(elsewhere.Mentions(ConsentDialog.Question), elsewhere.AllText);
        Assert.NotNull(elsewhere.SubmitDataOf("None of these"));
        Assert.All(elsewhere.Activities, m => Assert.Equal(desktop.ConversationId, m.Conversation.Id));
    }

    [Fact]
    public async Task ProactiveCheckInIsDeliveredThroughTheSameConnector()
    {
        _factory.With("CheckIn:DispatcherEnabled", "false").With("CheckIn:TenantSpacing", "00:00:00");
        var user = TeamsUser.NewUser();
        var replies = await ThroughTriageToThePlanAsync(user);

        Assert.InRange(replies.StretchCards.Count, 1, 3);
        var booked = await ClickAsync(user, replies, ButtonStartingWith(replies, "Same time next week"));
        Assert.True(booked.Mentions("I'll check in on"), booked.AllText);

        _factory.Time.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));
        var dispatcher = _factory.Services.GetRequiredService<CheckInDispatcher>();
        Assert.Equal(1, await dispatcher.DispatchDueAsync(CancellationToken.None));

        var checkIn = Collect();
        Assert.True(checkIn.Mentions(CheckInCard.Title), checkIn.AllText);
        Assert.All(checkIn.Activities, m => Assert.Equal(user.ConversationId, m.Conversation.Id));
        Assert.All(_connector.Sent.TakeLast(checkIn.Activities.Count), s => Assert.StartsWith($"/emea/v3/conversations/{Uri.EscapeDataString(user.ConversationId)}/activities", s.Path));
    }

    [Fact]
    public async Task MalformedTeamsActivityIsRefusedWithoutReachingTheConnector()
    {
        using var content = new StringContent("{ this is not json", Encoding.UTF8, "application/json");
        using var response = await _factory.CreateClient().PostAsync("/api/messages", content);

        Assert.True((int)response.StatusCode is >= 400 and < 500, $"expected a 4xx, got {(int)response.StatusCode}");
        Assert.Empty(_connector.Sent);
    }

    [Fact]
    public async Task TheCheckInButtonBooksTheCheckIn()
    {
        var user = TeamsUser.NewUser();
        var replies = await ThroughTriageToThePlanAsync(user);

        var booked = await ClickAsync(user, replies, ButtonStartingWith(replies, "Same time next week"));

        Assert.True(booked.Mentions("I'll check in on"), booked.AllText);
    }

    [Fact]
    public async Task ATeamsUserGetsTheSummaryLinkAsACardButtonThatOpensTheirSummary()
    {
        var user = TeamsUser.NewUser();
        await ThroughTriageToThePlanAsync(user);
        await SendAsync(TeamsActivities.Message(user, "share with my physio"));

        var link = _connector.Messages.SelectMany(m => Read(m).Cards).SelectMany(c => c.SelectTokens("$.actions[?(@.type == 'Action.OpenUrl')].url")).Single().ToString();
        using var page = await _factory.CreateClient().GetAsync(new Uri(link).PathAndQuery);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Back pain stretching summary", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>Consent, no red flags and the triage, every answer a card button pressed in Teams; returns the plan.</summary>
    private async Task<Replies> ThroughTriageToThePlanAsync(TeamsUser user)
    {
        var replies = await SendAsync(TeamsActivities.Message(user, "hi"));
        foreach (var (title, inputs) in new (string, object?)[]
                 {
                     ("Yes, I've checked", null), ("None of these", null), ("None of these", null),
                     ("4", null), ("6 to 12 weeks", null), ("Lower back only", null),
                     ("Bending forward or sitting", null), ("Neither, or not sure", null), ("Done", new { choices = "NoneOrDontKnow" }),
                     ("Yes, I can", null), ("Yes", null), ("No", null), ("20 to 50", null),
                 })
        {
            replies = await ClickAsync(user, replies, title, inputs);
        }

        return replies;
    }

    private static Replies Read(IMessageActivity message) => new(new[] { message });

    private static string ButtonStartingWith(Replies replies, string prefix)
        => replies.Cards.SelectMany(c => c.SelectTokens("$..[?(@.type == 'Action.Submit')]"))
            .Select(a => a["title"]?.ToString())
            .LastOrDefault(t => t?.StartsWith(prefix, StringComparison.Ordinal) == true)
            ?? throw new InvalidOperationException($"No button starting \"{prefix}\" in:\n{replies.AllText}");

    /// <summary>What the connector received since the last time we looked.</summary>
    private Replies Collect()
    {
        var all = _connector.Messages.ToList();
        var fresh = all.Skip(_seen).ToList<IMessageActivity>();
        _seen = all.Count;
        return new Replies(fresh);
    }

    /// <summary>Posts the activity as Teams would and returns what the bot sent back through the connector.</summary>
    private async Task<Replies> SendAsync(Activity activity)
    {
        Collect();
        using var response = await PostAsync(activity);
        Assert.True(response.IsSuccessStatusCode, $"POST /api/messages gave {(int)response.StatusCode}");
        return Collect();
    }

    /// <summary>Presses a card button in Teams: a message with the button's data (and any inputs) as Value and no text.</summary>
    private Task<Replies> ClickAsync(TeamsUser user, Replies on, string title, object? inputs = null)
    {
        var data = on.SubmitDataOf(title);
        if (inputs is not null)
        {
            data.Merge(JObject.FromObject(inputs));
        }

        return SendAsync(TeamsActivities.Message(user, text: null, value: data));
    }

    private async Task<HttpResponseMessage> PostAsync(Activity activity)
    {
        using var content = new StringContent(JsonConvert.SerializeObject(activity), Encoding.UTF8, "application/json");
        return await _factory.CreateClient().PostAsync("/api/messages", content);
    }
}
