using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using StretchBot.Tests.DirectLine;

namespace StretchBot.Tests.TestSupport;

/// <summary>The real host listening on a free loopback port, so a real browser can reach it.</summary>
public sealed class BrowserAppFactory : StretchBotAppFactory
{
    private static readonly SocketsHttpHandler Loopback = new();

    /// <param name="publicBaseUrl">The address the browser uses (a load balancer's); by default the host's own.</param>
    /// <param name="settings">More configuration (a shared database, say).</param>
    public BrowserAppFactory(string? publicBaseUrl = null, IReadOnlyDictionary<string, string?>? settings = null)
    {
        // Replies go over real loopback HTTP to the host's own connector endpoints; other hosts stay unreachable.
        HttpClients = new RoutingHttpClientFactory(() => Loopback);

        // The cards' picture URLs are absolute (Bot:PublicBaseUrl), so the host must know its address before it starts.
        var address = $"http://127.0.0.1:{FreeLoopbackPort()}";
        With("Urls", address);
        With("Bot:PublicBaseUrl", publicBaseUrl ?? address);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            With(key, value);
        }

        UseKestrel(new Uri(address).Port);
    }

    /// <summary>A free port on 127.0.0.1 (for a host or a load balancer that must know its address before it starts).</summary>
    public static int FreeLoopbackPort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    /// <summary>Starts the host and returns its address, e.g. http://127.0.0.1:41234.</summary>
    public Uri Start()
    {
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new Uri(address.Replace("://[::]", "://127.0.0.1", StringComparison.Ordinal).Replace("://localhost", "://127.0.0.1", StringComparison.Ordinal));
    }
}
