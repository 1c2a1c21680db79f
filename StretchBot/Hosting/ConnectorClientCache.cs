using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Rest;
using StretchBot.Dialogs.Bots;

namespace StretchBot.Hosting;

/// <summary>
/// One connector client per app id, audience and service URL, reused by every turn and check-in for
/// <see cref="Lifetime"/> (then made again, so the HttpClient's handler follows IHttpClientFactory's rotation and DNS),
/// at most <see cref="MaxClients"/> at once. A reused client is never disposed by the adapter's end of turn.
/// </summary>
public sealed class ConnectorClientCache
{
    /// <summary>How long one client is reused: IHttpClientFactory's default handler lifetime.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(2);

    /// <summary>The most clients kept (a bound on memory whatever service URLs arrive).</summary>
    public const int MaxClients = 256;

    private readonly ConcurrentDictionary<string, Entry> _clients = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;

    public ConnectorClientCache(TimeProvider time) => _time = time ?? throw new ArgumentNullException(nameof(time));

    /// <summary>How many clients are kept right now.</summary>
    public int Count => _clients.Count;

    /// <summary>A factory handing out the cached clients, making them with <paramref name="inner"/> when needed.</summary>
    public ConnectorFactory Factory(ConnectorFactory inner, ClaimsIdentity? identity)
        => new CachingFactory(this, inner, IdentityKey(identity));

    /// <summary>The claims that decide which app id a client sends as (the bot's audience, the caller's app id).</summary>
    private static string IdentityKey(ClaimsIdentity? identity) => identity is null
        ? string.Empty
        : string.Join('\t', identity.Claims
            .Where(c => c.Type is AuthenticationConstants.AudienceClaim or AuthenticationConstants.AppIdClaim or AuthenticationConstants.AuthorizedParty)
            .Select(c => c.Type + "=" + c.Value));

    private async Task<IConnectorClient> GetAsync(ConnectorFactory inner, string appId, string serviceUrl, string? audience, CancellationToken cancellationToken)
    {
        var key = string.Join('\n', appId, audience ?? string.Empty, serviceUrl);
        var now = _time.GetUtcNow();
        if (_clients.TryGetValue(key, out var entry) && now - entry.Made < Lifetime)
        {
            return entry.Client;
        }

        var made = await inner.CreateAsync(serviceUrl, audience, cancellationToken).ConfigureAwait(false);
        if (made is not ConnectorClient client)
        {
            return made; // not the SDK's client: used for this turn only, as the SDK does
        }

        // The client the SDK made owns its HttpClient and would dispose it at the end of the turn: keep its parts in a
        // client that is not disposed, and let the SDK's go without disposing it.
        var shared = new SharedConnectorClient(client.BaseUri, client.Credentials, client.HttpClient);
        SharedConnectorContracts.Apply(shared);
        if (_clients.Count >= MaxClients)
        {
            Trim(now);
        }

        _clients[key] = new Entry(shared, now);
        return shared;
    }

    private void Trim(DateTimeOffset now)
    {
        foreach (var (key, entry) in _clients)
        {
            if (now - entry.Made >= Lifetime)
            {
                _clients.TryRemove(key, out _);
            }
        }

        if (_clients.Count >= MaxClients)
        {
            _clients.Clear();
        }
    }

    private sealed record Entry(ConnectorClient Client, DateTimeOffset Made);

    private sealed class CachingFactory(ConnectorClientCache cache, ConnectorFactory inner, string appId) : ConnectorFactory
    {
        public override Task<IConnectorClient> CreateAsync(string serviceUrl, string audience, CancellationToken cancellationToken)
            => cache.GetAsync(inner, appId, serviceUrl, audience, cancellationToken);
    }

    /// <summary>A connector client shared between turns: disposing it (as the adapter does at a turn's end) does nothing.</summary>
    private sealed class SharedConnectorClient(Uri baseUri, ServiceClientCredentials credentials, HttpClient httpClient)
        : ConnectorClient(baseUri, credentials, httpClient, disposeHttpClient: false)
    {
        protected override void Dispose(bool disposing)
        {
            // Shared: kept for later turns; the cache lets it go when it expires.
        }
    }
}
