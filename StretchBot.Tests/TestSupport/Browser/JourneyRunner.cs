using System.Diagnostics;
using StretchBot.Tests.Teams;
using Xunit.Abstractions;

namespace StretchBot.Tests.TestSupport;

/// <summary>Runs a journey (journeys/*.json) in headless Chromium against a running site (webchat-journey.mjs).</summary>
internal static class JourneyRunner
{
    private static readonly string Chromium = Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    /// <summary>
    /// Walks <paramref name="journey"/> on <paramref name="url"/>; screenshots go to artifacts/browser/<paramref name="name"/>.
    /// When the journey asks to move the clock on, <paramref name="advanceClock"/> does it (on every host behind the site).
    /// </summary>
    public static Task<JourneyResult> RunAsync(Uri url, string journey, string name, Action<TimeSpan> advanceClock, ITestOutputHelper output)
        => RunScriptAsync("webchat-journey.mjs", ["--url", url.ToString(), "--journey", RepositoryFiles.Combine("StretchBot.Tests", "Browser", "journeys", journey)], name, advanceClock, output);

    /// <summary>
    /// Runs one of this folder's browser scripts with <paramref name="arguments"/> (plus --out and --chromium); its
    /// files go to artifacts/browser/<paramref name="name"/>.
    /// </summary>
    public static async Task<JourneyResult> RunScriptAsync(string script, IEnumerable<string> arguments, string name, Action<TimeSpan>? advanceClock, ITestOutputHelper output)
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: run ./stretchbot.sh test (it installs Chromium when run as root) or apt-get install -y chromium.");
        var playwright = RepositoryFiles.Combine("node_modules", "playwright-core", "package.json");
        Assert.True(File.Exists(playwright), "playwright-core is missing: run npm ci in the repository root.");

        var artifacts = Path.Combine(AppContext.BaseDirectory, "artifacts", "browser", name);
        if (Directory.Exists(artifacts))
        {
            Directory.Delete(artifacts, recursive: true); // no screenshot of an earlier run is mistaken for this one's
        }

        Directory.CreateDirectory(artifacts);

        var start = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepositoryFiles.Root,
        };
        foreach (var argument in new[] { RepositoryFiles.Combine("StretchBot.Tests", "Browser", script) }.Concat(arguments).Concat(["--out", artifacts, "--chromium", Chromium]))
        {
            start.ArgumentList.Add(argument);
        }

        start.RedirectStandardInput = true;
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = new System.Text.StringBuilder();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        try
        {
            // The journey asks the host for things a browser cannot do (move the clock on for the check-in).
            while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                stdout.AppendLine(line);
                if (line.StartsWith("{\"event\":\"host\"", StringComparison.Ordinal))
                {
                    var request = System.Text.Json.Nodes.JsonNode.Parse(line)!;
                    advanceClock!(TimeSpan.Parse((string)request["advanceClock"]!, System.Globalization.CultureInfo.InvariantCulture));
                    await process.StandardInput.WriteLineAsync("done".AsMemory(), timeout.Token);
                    await process.StandardInput.FlushAsync(timeout.Token);
                }
            }

            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        var text = stdout + await stderr;
        output.WriteLine(text);
        output.WriteLine($"Screenshots: {artifacts}");
        Console.WriteLine($"Browser test screenshots: {artifacts}");
        return new JourneyResult(process.ExitCode, text, artifacts);
    }
}

/// <summary>How a journey ended: the script's exit code and output, and where its screenshots are.</summary>
internal sealed record JourneyResult(int ExitCode, string Output, string ArtifactsFolder);
