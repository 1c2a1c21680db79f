using System.Security.Claims;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;

namespace StretchBot.DirectLine;

/// <summary>
/// Hands local Direct Line activities to the same adapter and bot that serve every other channel, in process. The
/// adapter then posts the bot's replies to the activity's serviceUrl (our connector endpoints) as it would to Azure.
/// </summary>
public sealed class DirectLineBotBridge
{
    private readonly IServiceProvider _services;
    private readonly IConfiguration _configuration;

    public DirectLineBotBridge(IServiceProvider services, IConfiguration configuration)
    {
        _services = services;
        _configuration = configuration;
    }

    /// <summary>The bot's id on this channel: its Microsoft App Id, or a fixed name when it has none.</summary>
    public ChannelAccount BotAccount
    {
        get
        {
            var appId = _configuration["MicrosoftAppId"];
            return new ChannelAccount(string.IsNullOrWhiteSpace(appId) ? "stretchbot" : appId, "StretchBot", RoleTypes.Bot);
        }
    }

    public async Task ProcessAsync(Activity activity, CancellationToken cancellationToken)
    {
        var adapter = _services.GetRequiredService<BotAdapter>();
        using var scope = _services.CreateScope();
        var bot = scope.ServiceProvider.GetRequiredService<IBot>();
        // CloudAdapter's only public in-process entry point that takes a whole incoming activity and runs the full
        // pipeline (middleware, OnTurnError, the bot) is ContinueConversationAsync(identity, activity, ...): the turn
        // context's activity is exactly the one given, so the bot sees an ordinary message or conversationUpdate.
        await adapter.ContinueConversationAsync(CreateIdentity(), activity, bot.OnTurnAsync, cancellationToken);
    }

    private ClaimsIdentity CreateIdentity()
    {
        // The same identity CloudAdapter builds for a proactive turn: the bot talking as itself. With no app id
        // (local development) the connector client is anonymous, exactly like the Emulator.
        var appId = _configuration["MicrosoftAppId"] ?? string.Empty;
        return new ClaimsIdentity(
        [
            new Claim(AuthenticationConstants.AudienceClaim, appId),
            new Claim(AuthenticationConstants.AppIdClaim, appId),
        ]);
    }
}
