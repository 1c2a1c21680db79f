using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace StretchBot.DirectLine;

/// <summary>
/// The serviceUrl stamped on local Direct Line activities: where the adapter posts the bot's replies and proactive
/// messages. By default this instance's own loopback address, so the connector endpoints can refuse everyone else.
/// </summary>
public sealed class ConnectorServiceUrl
{
    public const string ConnectorPath = "/directline-connector";

    private readonly IOptions<DirectLineOptions> _options;
    private readonly IServer _server;

    public ConnectorServiceUrl(IOptions<DirectLineOptions> options, IServer server)
    {
        _options = options;
        _server = server;
    }

    /// <summary>The serviceUrl for activities received through <paramref name="request"/>.</summary>
    public string For(HttpRequest request)
    {
        var configured = _options.Value.ConnectorBaseUrl;
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured.TrimEnd('/') + ConnectorPath + "/";
        }

        var listening = LoopbackListeningAddress();
        var baseUrl = listening ?? $"{request.Scheme}://{request.Host}{request.PathBase}";
        return baseUrl.TrimEnd('/') + ConnectorPath + "/";
    }

    /// <summary>
    /// Whether <paramref name="uri"/> is this service's connector: the connector path on the configured
    /// <see cref="DirectLineOptions.ConnectorBaseUrl"/>, or on loopback (any local instance sharing the database). The
    /// bot's adapter sends the <see cref="ConnectorSecret"/> only there; /api/messages refuses activities whose serviceUrl
    /// points at the connector path, so no caller can steer the bot's replies (and the key) to an address of its choice.
    /// </summary>
    public bool IsOwnConnector(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        if (!uri.IsAbsoluteUri || !uri.AbsolutePath.StartsWith(ConnectorPath + "/", StringComparison.Ordinal))
        {
            return false;
        }

        var configured = _options.Value.ConnectorBaseUrl;
        if (!string.IsNullOrWhiteSpace(configured) && Uri.TryCreate(configured, UriKind.Absolute, out var baseUrl))
        {
            return Uri.Compare(uri, baseUrl, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;
        }

        return Hosting.ServiceUrlPolicy.IsLoopback(uri);
    }

    private string? LoopbackListeningAddress()
    {
        var addresses = _server.Features.Get<IServerAddressesFeature>()?.Addresses;
        if (addresses is null)
        {
            return null;
        }

        foreach (var address in addresses.OrderBy(a => a.StartsWith("https", StringComparison.OrdinalIgnoreCase) ? 1 : 0))
        {
            if (!Uri.TryCreate(address.Replace("://+", "://localhost", StringComparison.Ordinal)
                                      .Replace("://*", "://localhost", StringComparison.Ordinal), UriKind.Absolute, out var uri))
            {
                continue;
            }

            var host = uri.Host is "0.0.0.0" or "[::]" or "::" ? "localhost" : uri.Host;
            return $"{uri.Scheme}://{(host.Contains(':') && !host.StartsWith('[') ? $"[{host}]" : host)}:{uri.Port}";
        }

        return null;
    }
}
