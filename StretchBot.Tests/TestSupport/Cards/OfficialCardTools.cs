using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;

namespace StretchBot.Tests.TestSupport;

/// <summary>
/// Runs the official Adaptive Cards packages through tools/cards/*.js under Node: the templating engine
/// (adaptivecards-templating) and the renderer's parser (adaptivecards). Calls are batched: one node process per
/// batch. If node or node_modules is missing the test FAILS (run `npm ci`); it never passes silently.
/// </summary>
internal static class OfficialCardTools
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    /// <summary>A template + data pair for <see cref="ExpandAsync"/>.</summary>
    public sealed record ExpansionJob(string Name, JsonNode? Template, JsonNode? Data);

    /// <summary>The official expansion of one job: the expanded JSON, or the error the engine threw.</summary>
    public sealed record ExpansionResult(string Name, JsonNode? Result, string? Error);

    /// <summary>Expands every job with <c>new Template(template).expand({ $root: data })</c>.</summary>
    public static async Task<IReadOnlyDictionary<string, ExpansionResult>> ExpandAsync(IEnumerable<ExpansionJob> jobs)
    {
        var input = new JsonArray(jobs.Select(j => (JsonNode)new JsonObject
        {
            ["name"] = j.Name,
            ["template"] = j.Template?.DeepClone(),
            ["data"] = j.Data?.DeepClone(),
        }).ToArray());
        var output = await RunAsync("expand.js", ["--batch"], input.ToJsonString());
        var results = JsonNode.Parse(output)!.AsArray();
        return results.Select(r => new ExpansionResult(
                (string)r!["name"]!,
                r.AsObject().TryGetPropertyValue("result", out var value) ? value?.DeepClone() : null,
                r.AsObject().TryGetPropertyValue("error", out var error) ? (string?)error : null))
            .ToDictionary(r => r.Name);
    }

    /// <summary>Parses every card with the official parser; returns the parse and validation events of each.</summary>
    public static async Task<IReadOnlyList<IReadOnlyList<string>>> ValidateAsync(IReadOnlyList<JsonNode> cards)
    {
        var input = new JsonArray(cards.Select(c => c.DeepClone()).ToArray());
        var output = await RunAsync("validate.js", [], input.ToJsonString(), allowExitCodeOne: true);
        return JsonNode.Parse(output)!.AsArray()
            .Select(r => (IReadOnlyList<string>)r!["events"]!.AsArray()
                .Select(e => $"{e!["phase"]}/{e["event"]}: {e["message"]}")
                .ToList())
            .ToList();
    }

    private static async Task<string> RunAsync(string script, string[] arguments, string stdin, bool allowExitCodeOne = false)
    {
        var root = RepositoryFiles.Root;
        foreach (var package in new[] { "adaptivecards", "adaptivecards-templating" })
        {
            if (!Directory.Exists(Path.Combine(root, "node_modules", package)))
            {
                Assert.Fail($"node_modules/{package} is missing: run `npm ci` in {root} (the card tests need the official Adaptive Cards packages).");
            }
        }

        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = root,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add(Path.Combine(root, "tools", "cards", script));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            Assert.Fail($"Could not run node ({ex.Message}); the card tests need Node.js on PATH and `npm ci`.");
            throw;
        }

        using (process)
        using (var timeout = new CancellationTokenSource(Timeout))
        {
            var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
            var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
            await process.StandardInput.WriteAsync(stdin.AsMemory(), timeout.Token);
            process.StandardInput.Close();
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail($"node tools/cards/{script} did not finish within {Timeout.TotalSeconds} s.");
            }

            var output = await stdout;
            var errors = await stderr;
            if (process.ExitCode != 0 && !(allowExitCodeOne && process.ExitCode == 1))
            {
                Assert.Fail($"node tools/cards/{script} exited with {process.ExitCode}: {errors}");
            }

            return output;
        }
    }
}
