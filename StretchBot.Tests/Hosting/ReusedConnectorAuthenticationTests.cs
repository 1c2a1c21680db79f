using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using StretchBot.Hosting;

namespace StretchBot.Tests.Hosting;

/// <summary>
/// Connector clients reused across turns (the adapter disposes its client at each turn's end): every message still
/// reaches the channel, one client serves one service URL until its lifetime is over, and the user-token client
/// (OAuth) is never made for turns that do not use it.
/// </summary>
public sealed class ReusedConnectorAuthenticationTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
    private FakeConnectorChannel _channel = null!;
    private ConnectorClientCache _cache = null!;
    private CloudAdapter _adapter = null!;

    public async Task InitializeAsync()
    {
        _channel = await FakeConnectorChannel.StartAsync();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["MicrosoftAppId"] = string.Empty, ["MicrosoftAppPassword"] = string.Empty })
            .Build();
        _cache = new ConnectorClientCache(_time);
        var authentication = new ReusedConnectorAuthentication(
            new ConfigurationBotFrameworkAuthentication(configuration, httpClientFactory: _channel, logger: NullLogger.Instance), _cache);
        _adapter = new CloudAdapter(authentication, NullLogger<CloudAdapter>.Instance);
    }

    public async Task DisposeAsync() => await _channel.DisposeAsync();

    [Fact]
    public async Task MessagesOfLaterTurnsStillReachTheChannelThroughTheSameClient()
    {
        var first = await SendAsync("ana", "one");
        var second = await SendAsync("ana", "two");
        var third = await SendAsync("ben", "three");

        Assert.Same(first.Client, second.Client);
        Assert.Same(first.Client, third.Client);
        Assert.Equal(["one", "two", "three"], _channel.Delivered.Select(d => (string?)d.Activity["text"]));
        Assert.Equal(1, _cache.Count);
    }

    [Fact]
    public async Task AClientIsMadeAgainOnceItsLifetimeIsOver()
    {
        var first = await SendAsync("ana", "one");
        _time.Advance(ConnectorClientCache.Lifetime);
        var second = await SendAsync("ana", "two");

        Assert.NotSame(first.Client, second.Client);
        Assert.Equal(2, _channel.Delivered.Count);
    }

    [Fact]
    public async Task TheUserTokenClientIsOnlyMadeWhenUsed()
    {
        var turn = await SendAsync("ana", "one");

        var tokens = Assert.IsType<LazyUserTokenClient>(turn.Tokens);
        Assert.Single(_channel.Delivered);
        tokens.Dispose(); // never made: nothing to dispose, no error
    }

    private async Task<(IConnectorClient? Client, UserTokenClient? Tokens)> SendAsync(string conversation, string text)
    {
        IConnectorClient? client = null;
        UserTokenClient? tokens = null;
        var reference = new ConversationReference
        {
            ChannelId = "msteams",
            ServiceUrl = FakeConnectorChannel.ServiceUrl,
            Conversation = new ConversationAccount(id: conversation),
            Bot = new ChannelAccount(id: "bot"),
            User = new ChannelAccount(id: "user-" + conversation),
        };
        await _adapter.ContinueConversationAsync(string.Empty, reference, async (context, ct) =>
        {
            client = context.TurnState.Get<IConnectorClient>();
            tokens = context.TurnState.Get<UserTokenClient>();
            await context.SendActivityAsync(MessageFactory.Text(text), ct);
        }, CancellationToken.None);
        return (client, tokens);
    }
}
