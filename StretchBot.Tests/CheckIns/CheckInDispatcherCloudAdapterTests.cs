using System.Net;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using StretchBot.CheckIns;
using StretchBot.Dialogs.CheckIns;

namespace StretchBot.Tests.CheckIns;

/// <summary>
/// The dispatcher with the real CloudAdapter (empty app id, as in local development) sending to an in-memory
/// Bot Connector: the channel's real error responses drive retries and the end of a schedule.
/// </summary>
public sealed class CheckInDispatcherCloudAdapterTests : IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly CheckInHarness _bot = new();
    private FakeConnectorChannel _channel = null!;
    private CheckInDispatcher _dispatcher = null!;

    public async Task InitializeAsync()
    {
        _channel = await FakeConnectorChannel.StartAsync();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["MicrosoftAppId"] = string.Empty, ["MicrosoftAppPassword"] = string.Empty })
            .Build();
        var authentication = new ConfigurationBotFrameworkAuthentication(configuration, httpClientFactory: _channel, logger: NullLogger.Instance);
        var adapter = new CloudAdapter(authentication, NullLogger<CloudAdapter>.Instance);
        adapter.Use(_resolvers);
        _dispatcher = _bot.NewDispatcher(_bot.Store, adapter);
    }

    private readonly ResolverRecorder _resolvers = new();

    [Fact]
    public async Task EveryProactiveTurnsConnectorClientReusesOneJsonContractResolver()
    {
        await ScheduleAsync("ana");
        await ScheduleAsync("ben");
        _bot.Advance(TimeSpan.FromDays(7));

        Assert.Equal(2, await _dispatcher.DispatchDueAsync(None));

        // A new resolver per client would compile Activity's serialisers again for every message.
        Assert.Equal(2, _resolvers.Seen.Count);
        Assert.Same(_resolvers.Seen[0], _resolvers.Seen[1]);
    }

    /// <summary>Records the JSON contract resolver of the connector client each message is sent with.</summary>
    private sealed class ResolverRecorder : Microsoft.Bot.Builder.IMiddleware
    {
        public List<Newtonsoft.Json.Serialization.IContractResolver> Seen { get; } = new();

        public Task OnTurnAsync(Microsoft.Bot.Builder.ITurnContext turnContext, Microsoft.Bot.Builder.NextDelegate next, CancellationToken cancellationToken = default)
        {
            turnContext.OnSendActivities((context, activities, send) =>
            {
                if (context.TurnState.Get<Microsoft.Bot.Connector.IConnectorClient>() is Microsoft.Bot.Connector.ConnectorClient client)
                {
                    lock (Seen)
                    {
                        Seen.Add(client.SerializationSettings.ContractResolver!);
                    }
                }

                return send();
            });
            return next(cancellationToken);
        }
    }

    public async Task DisposeAsync()
    {
        await _channel.DisposeAsync();
        _bot.Dispose();
    }

    [Fact]
    public async Task ACheckInGoesOutThroughCloudAdapterIntoTheUsersConversation()
    {
        var checkIn = await ScheduleAsync("ana");
        _bot.Advance(TimeSpan.FromDays(7));

        Assert.Equal(1, await _dispatcher.DispatchDueAsync(None));

        var (conversationId, activity) = Assert.Single(_channel.Delivered);
        Assert.Equal("a:conversation-ana", conversationId);
        Assert.Equal($"How did this week go? [{checkIn.Id}]", (string?)activity["text"]);
        Assert.Equal("29:ana", (string?)activity["recipient"]?["id"]);
    }

    [Fact]
    public async Task AThrottledCheckInIsSentAgainAfterTheChannelsRetryAfter()
    {
        var checkIn = await ScheduleAsync("ana");
        _bot.Advance(TimeSpan.FromDays(7));
        _channel.Answer(HttpStatusCode.TooManyRequests, retryAfter: "60");

        Assert.Equal(0, await _dispatcher.DispatchDueAsync(None));
        Assert.Empty(_channel.Delivered);
        Assert.Equal(CheckInStatus.Pending, (await _bot.Store.FindAsync(checkIn.Id, None))!.Status);

        _bot.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal(0, await _dispatcher.DispatchDueAsync(None));

        _bot.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await _dispatcher.DispatchDueAsync(None));
        Assert.Single(_channel.Delivered);
        Assert.Equal(CheckInStatus.Sent, (await _bot.Store.FindAsync(checkIn.Id, None))!.Status);
    }

    [Fact]
    public async Task ABotRemovedFromTeamsEndsTheUsersSchedule()
    {
        var checkIn = await ScheduleAsync("ana");
        _bot.Advance(TimeSpan.FromDays(7));
        _channel.Answer(HttpStatusCode.Forbidden);

        Assert.Equal(0, await _dispatcher.DispatchDueAsync(None));

        Assert.Equal(CheckInStatus.Ended, (await _bot.Store.FindAsync(checkIn.Id, None))!.Status);
        _bot.Advance(TimeSpan.FromDays(30));
        Assert.Equal(0, await _dispatcher.DispatchDueAsync(None));
        Assert.Equal(1, _channel.Posts);
    }

    private Task<ScheduledCheckIn> ScheduleAsync(string user)
    {
        var reference = CheckInHarness.Reference(user);
        reference.ServiceUrl = FakeConnectorChannel.ServiceUrl;
        return _bot.Store.ScheduleAsync(CheckInHarness.UserKey(user), reference, _bot.Schedule.DefaultDue(_bot.Clock.GetUtcNow()), None);
    }
}
