using Microsoft.Bot.Connector.Authentication;
using Microsoft.Rest;

namespace StretchBot.DirectLine;

/// <summary>
/// The adapter's credentials, as configuration makes them (app id and password, or none), plus the
/// <see cref="ConnectorSecret"/> on requests to this service's own Direct Line connector and nowhere else.
/// </summary>
public sealed class ConnectorCredentialsFactory : ServiceClientCredentialsFactory
{
    private readonly ServiceClientCredentialsFactory _inner;
    private readonly ConnectorSecret _secret;
    private readonly ConnectorServiceUrl _connector;

    public ConnectorCredentialsFactory(ServiceClientCredentialsFactory inner, ConnectorSecret secret, ConnectorServiceUrl connector)
    {
        _inner = inner;
        _secret = secret;
        _connector = connector;
    }

    public override Task<bool> IsValidAppIdAsync(string appId, CancellationToken cancellationToken) =>
        _inner.IsValidAppIdAsync(appId, cancellationToken);

    public override Task<bool> IsAuthenticationDisabledAsync(CancellationToken cancellationToken) =>
        _inner.IsAuthenticationDisabledAsync(cancellationToken);

    public override async Task<ServiceClientCredentials> CreateCredentialsAsync(string appId, string audience, string loginEndpoint, bool validateAuthority, CancellationToken cancellationToken)
    {
        var inner = await _inner.CreateCredentialsAsync(appId, audience, loginEndpoint, validateAuthority, cancellationToken).ConfigureAwait(false);
        return new SecretAddingCredentials(inner, this);
    }

    private sealed class SecretAddingCredentials(ServiceClientCredentials? inner, ConnectorCredentialsFactory factory) : ServiceClientCredentials
    {
        public override void InitializeServiceClient<T>(ServiceClient<T> client) => inner?.InitializeServiceClient(client);

        public override async Task ProcessHttpRequestAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (inner is not null)
            {
                await inner.ProcessHttpRequestAsync(request, cancellationToken).ConfigureAwait(false);
            }

            if (request.RequestUri is { } uri && factory._connector.IsOwnConnector(uri))
            {
                request.Headers.Remove(ConnectorSecret.HeaderName);
                request.Headers.Add(ConnectorSecret.HeaderName, await factory._secret.GetAsync(cancellationToken).ConfigureAwait(false));
            }
        }
    }
}
