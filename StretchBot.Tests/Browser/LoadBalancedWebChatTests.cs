using Xunit.Abstractions;

namespace StretchBot.Tests.Browser;

/// <summary>
/// The web page behind a load balancer in front of two hosts on one PostgreSQL database: the page's stream is held by
/// host A while host B takes every other request (the token, the conversation, every message, the check-in's booking),
/// so every answer the page shows was written by B and reached A's socket through the database (LISTEN/NOTIFY). No
/// session affinity anywhere. Both hosts' check-in dispatchers run; the week-later check-in arrives once.
/// </summary>
public sealed class LoadBalancedWebChatTests(ITestOutputHelper output)
{
    [Fact]
    public async Task ThroughALoadBalancerThePageStreamsFromOneHostWhatTheOtherAnswers()
    {
        using var database = new PostgresTestDatabase();
        var site = new Uri($"http://127.0.0.1:{BrowserAppFactory.FreeLoopbackPort()}");
        using var hostA = new BrowserAppFactory(site.ToString().TrimEnd('/'), database.HostSettings);
        using var hostB = new BrowserAppFactory(site.ToString().TrimEnd('/'), database.HostSettings);
        var streams = hostA.Start();
        var everythingElse = hostB.Start();
        await using var balancer = await LoadBalancer.StartAsync(site, [streams], [everythingElse]);

        var result = await JourneyRunner.RunAsync(site, "desktop.json", "load-balanced", by =>
        {
            hostA.Time.Advance(by);
            hostB.Time.Advance(by);
        }, output);

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains("\"event\":\"transport\",\"expected\":\"stream\"", result.Output);
        Assert.True(File.Exists(Path.Combine(result.ArtifactsFolder, "emergency-desktop.png")), result.Output);
    }
}
