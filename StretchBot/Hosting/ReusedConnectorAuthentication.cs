using System.Security.Claims;
using Microsoft.Bot.Builder.Skills;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;

namespace StretchBot.Hosting;

/// <summary>
/// Bot Framework authentication (the configured one, unchanged) whose connector clients are reused across turns and
/// check-ins, and whose user-token client is made only when a turn uses it.
/// </summary>
/// <remarks>
/// CloudAdapter asks for a new ConnectorClient and a new UserTokenClient on every turn and every proactive message and
/// disposes both at its end. Building one costs more CPU than the rest of an echo turn (user-agent headers found by
/// reflection over assembly attributes, regular expressions built, serialiser settings, an HttpClient) and leaves
/// dynamic methods for the finalizer; profiles of the bench showed about a third of a StretchBot turn's CPU there.
/// The older BotFrameworkAdapter kept one client per service URL and app id, as this does (see
/// <see cref="ConnectorClientCache"/>). StretchBot itself never uses the user-token client (no OAuth sign-in), so it is
/// made on first use, if ever.
/// </remarks>
public sealed class ReusedConnectorAuthentication : BotFrameworkAuthentication
{
    private readonly BotFrameworkAuthentication _inner;
    private readonly ConnectorClientCache _clients;

    public ReusedConnectorAuthentication(BotFrameworkAuthentication inner, ConnectorClientCache clients)
    {
        _inner = inner ?? throw new ArgumentNullException(nameof(inner));
        _clients = clients ?? throw new ArgumentNullException(nameof(clients));
    }

    public override async Task<AuthenticateRequestResult> AuthenticateRequestAsync(Activity activity, string authHeader, CancellationToken cancellationToken)
        => Reusing(await _inner.AuthenticateRequestAsync(activity, authHeader, cancellationToken).ConfigureAwait(false));

    public override async Task<AuthenticateRequestResult> AuthenticateStreamingRequestAsync(string authHeader, string channelIdHeader, CancellationToken cancellationToken)
        => Reusing(await _inner.AuthenticateStreamingRequestAsync(authHeader, channelIdHeader, cancellationToken).ConfigureAwait(false));

    public override ConnectorFactory CreateConnectorFactory(ClaimsIdentity claimsIdentity)
        => _clients.Factory(_inner.CreateConnectorFactory(claimsIdentity), claimsIdentity);

    public override Task<UserTokenClient> CreateUserTokenClientAsync(ClaimsIdentity claimsIdentity, CancellationToken cancellationToken)
        => Task.FromResult<UserTokenClient>(new LazyUserTokenClient(ct => _inner.CreateUserTokenClientAsync(claimsIdentity, ct)));

    public override BotFrameworkClient CreateBotFrameworkClient() => _inner.CreateBotFrameworkClient();

    public override string GetOriginatingAudience() => _inner.GetOriginatingAudience();

    public override Task<ClaimsIdentity> AuthenticateChannelRequestAsync(string authHeader, CancellationToken cancellationToken)
        => _inner.AuthenticateChannelRequestAsync(authHeader, cancellationToken);

    private AuthenticateRequestResult Reusing(AuthenticateRequestResult result)
    {
        if (result?.ConnectorFactory is not null)
        {
            result.ConnectorFactory = _clients.Factory(result.ConnectorFactory, result.ClaimsIdentity);
        }

        return result!;
    }
}
