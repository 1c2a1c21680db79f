using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using StretchBot.Tests.DirectLine;

namespace StretchBot.Tests.Browser;

/// <summary>The real host listening on a free loopback port, so a real browser can reach it.</summary>
public sealed class BrowserAppFactory : StretchBotAppFactory
{
    private static readonly SocketsHttpHandler Loopback = new();

    public BrowserAppFactory()
    {
        // Replies go over real loopback HTTP to the host's own connector endpoints; other hosts stay unreachable.
        HttpClients = new RoutingHttpClientFactory(() => Loopback);
        With("Urls", "http://127.0.0.1:0");
        UseKestrel(0);
    }

    /// <summary>Starts the host and returns its address, e.g. http://127.0.0.1:41234.</summary>
    public Uri Start()
    {
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new Uri(address.Replace("://[::]", "://127.0.0.1", StringComparison.Ordinal).Replace("://localhost", "://127.0.0.1", StringComparison.Ordinal));
    }
}
