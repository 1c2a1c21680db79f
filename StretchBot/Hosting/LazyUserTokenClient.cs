using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;

namespace StretchBot.Hosting;

/// <summary>
/// The Bot Framework's user-token client (OAuth sign-in), made on its first use: the adapter asks for one on every turn,
/// and StretchBot's turns never use it. Disposing it disposes the client if one was made.
/// </summary>
public sealed class LazyUserTokenClient : UserTokenClient
{
    private readonly Lazy<Task<UserTokenClient>> _client;

    public LazyUserTokenClient(Func<CancellationToken, Task<UserTokenClient>> create)
    {
        ArgumentNullException.ThrowIfNull(create);
        _client = new Lazy<Task<UserTokenClient>>(() => create(CancellationToken.None));
    }

    public override async Task<TokenResponse> GetUserTokenAsync(string userId, string connectionName, string channelId, string magicCode, CancellationToken cancellationToken)
        => await (await Client().ConfigureAwait(false)).GetUserTokenAsync(userId, connectionName, channelId, magicCode, cancellationToken).ConfigureAwait(false);

    public override async Task<SignInResource> GetSignInResourceAsync(string connectionName, Activity activity, string finalRedirect, CancellationToken cancellationToken)
        => await (await Client().ConfigureAwait(false)).GetSignInResourceAsync(connectionName, activity, finalRedirect, cancellationToken).ConfigureAwait(false);

    public override async Task SignOutUserAsync(string userId, string connectionName, string channelId, CancellationToken cancellationToken)
        => await (await Client().ConfigureAwait(false)).SignOutUserAsync(userId, connectionName, channelId, cancellationToken).ConfigureAwait(false);

    public override async Task<TokenStatus[]> GetTokenStatusAsync(string userId, string channelId, string includeFilter, CancellationToken cancellationToken)
        => await (await Client().ConfigureAwait(false)).GetTokenStatusAsync(userId, channelId, includeFilter, cancellationToken).ConfigureAwait(false);

    public override async Task<Dictionary<string, TokenResponse>> GetAadTokensAsync(string userId, string connectionName, string[] resourceUrls, string channelId, CancellationToken cancellationToken)
        => await (await Client().ConfigureAwait(false)).GetAadTokensAsync(userId, connectionName, resourceUrls, channelId, cancellationToken).ConfigureAwait(false);

    public override async Task<TokenResponse> ExchangeTokenAsync(string userId, string connectionName, string channelId, TokenExchangeRequest exchangeRequest, CancellationToken cancellationToken)
        => await (await Client().ConfigureAwait(false)).ExchangeTokenAsync(userId, connectionName, channelId, exchangeRequest, cancellationToken).ConfigureAwait(false);

    protected override void Dispose(bool disposing)
    {
        if (disposing && _client.IsValueCreated && _client.Value.IsCompletedSuccessfully)
        {
            _client.Value.Result.Dispose();
        }

        base.Dispose(disposing);
    }

    private Task<UserTokenClient> Client() => _client.Value;
}
