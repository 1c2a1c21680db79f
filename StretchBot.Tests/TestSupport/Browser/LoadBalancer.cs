using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Yarp.ReverseProxy.Configuration;

namespace StretchBot.Tests.TestSupport;

/// <summary>
/// A load balancer in front of bot hosts (YARP, in process, on a free loopback port): conversations' streams
/// (<c>/v3/directline/conversations/{id}/stream</c>) go to one set of hosts, every other request to another, with no
/// session affinity. YARP adds X-Forwarded-Proto and X-Forwarded-Host as load balancers do.
/// </summary>
public sealed class LoadBalancer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LoadBalancer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<LoadBalancer> StartAsync(Uri address, IReadOnlyList<Uri> streamHosts, IReadOnlyList<Uri> otherHosts)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(address.ToString());
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddReverseProxy().LoadFromMemory(
            [
                new RouteConfig { RouteId = "streams", ClusterId = "streams", Order = 0, Match = new RouteMatch { Path = "/v3/directline/conversations/{id}/stream" } },
                new RouteConfig { RouteId = "everything-else", ClusterId = "others", Order = 1, Match = new RouteMatch { Path = "/{**rest}" } },
            ],
            [Cluster("streams", streamHosts), Cluster("others", otherHosts)]);
        var app = builder.Build();
        app.MapReverseProxy();
        await app.StartAsync();
        return new LoadBalancer(app, address);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static ClusterConfig Cluster(string id, IReadOnlyList<Uri> hosts) => new()
    {
        ClusterId = id,
        LoadBalancingPolicy = "RoundRobin",
        Destinations = hosts.Select((host, i) => (Key: $"{id}-{i}", Value: new DestinationConfig { Address = host.ToString() }))
            .ToDictionary(d => d.Key, d => d.Value),
    };
}
