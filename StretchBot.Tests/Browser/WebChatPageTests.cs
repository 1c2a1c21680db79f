using System.Diagnostics;
using StretchBot.Tests.Teams;
using Xunit.Abstractions;

namespace StretchBot.Tests.Browser;

/// <summary>
/// A person's visit in a real headless Chromium: the page renders Web Chat, the bot welcomes them, they click and type
/// their way to a plan, and after a reload (desktop and phone-sized) the same conversation is still there. Screenshots are saved
/// under the test output's artifacts/browser folder. The journey itself is journeys/*.json (see webchat-journey.mjs).
/// </summary>
public class WebChatPageTests
{
    private static readonly string Chromium = Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path : "/usr/bin/chromium";
    private readonly ITestOutputHelper _output;

    public WebChatPageTests(ITestOutputHelper output)
    {
        _output = output;
    }

    /// <summary>
    /// Welcome, consent, both red-flag cards and the triage (card buttons for most answers, typed answers for the pain
    /// score and the diagnoses), 1-3 stretch cards whose pictures load, the check-in booked by its button, then the
    /// same conversation with its stretch cards after reloading on a desktop and a phone-sized screen. Any page error,
    /// console error or failed request on the way fails the journey.
    /// </summary>
    [Fact]
    public async Task VisitorGetsAPlanByClickingAndTypingAndFindsItAfterReloading()
    {
        var result = await RunJourneyAsync("plan.json", "plan");

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.True(File.Exists(Path.Combine(result.ArtifactsFolder, "webchat-desktop.png")), result.Output);
        Assert.True(File.Exists(Path.Combine(result.ArtifactsFolder, "webchat-phone.png")), result.Output);
    }

    private async Task<JourneyResult> RunJourneyAsync(string journey, string name)
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: run ./stretchbot.sh test (it installs Chromium when run as root) or apt-get install -y chromium.");
        var playwright = RepositoryPaths.Combine("node_modules", "playwright-core", "package.json");
        Assert.True(File.Exists(playwright), "playwright-core is missing: run npm ci in the repository root.");

        using var factory = new BrowserAppFactory();
        var url = factory.Start();
        var artifacts = Path.Combine(AppContext.BaseDirectory, "artifacts", "browser", name);
        if (Directory.Exists(artifacts))
        {
            Directory.Delete(artifacts, recursive: true); // no screenshot of an earlier run is mistaken for this one's
        }

        Directory.CreateDirectory(artifacts);

        var script = RepositoryPaths.Combine("StretchBot.Tests", "Browser", "webchat-journey.mjs");
        var start = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepositoryPaths.Root,
        };
        foreach (var argument in new[]
                 {
                     script, "--url", url.ToString(), "--journey", RepositoryPaths.Combine("StretchBot.Tests", "Browser", "journeys", journey),
                     "--out", artifacts, "--chromium", Chromium,
                 })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        var output = await stdout + await stderr;
        _output.WriteLine(output);
        _output.WriteLine($"Screenshots: {artifacts}");
        Console.WriteLine($"Browser test screenshots: {artifacts}");
        return new JourneyResult(process.ExitCode, output, artifacts);
    }

    private sealed record JourneyResult(int ExitCode, string Output, string ArtifactsFolder);
}
