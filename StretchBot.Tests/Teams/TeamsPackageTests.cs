using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json.Nodes;

namespace StretchBot.Tests.Teams;

/// <summary>The documented command ./teams/package.sh (teams/package.mjs) builds a package Teams accepts.</summary>
public class TeamsPackageTests : IDisposable
{
    private const string AppId = "0b5c0c3e-6f1a-4d2b-9c8e-7a6b5c4d3e2f";
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "stretchbot-teams-" + Guid.NewGuid().ToString("N"));

    public TeamsPackageTests()
    {
        Directory.CreateDirectory(_directory);
    }

    public void Dispose()
    {
        Directory.Delete(_directory, recursive: true);
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task PackageCarriesTheBotsAppIdAndItsCommands()
    {
        var zip = await BuildAsync(AppId, "bot.example.org");

        using var archive = ZipFile.OpenRead(zip);
        Assert.Equal(new[] { "color.png", "manifest.json", "outline.png" }, archive.Entries.Select(e => e.FullName).Order());
        var manifest = JsonNode.Parse(Read(archive, "manifest.json"))!.AsObject();
        Assert.Equal(AppId, (string?)manifest["id"]);
        Assert.Equal("1.22", (string?)manifest["manifestVersion"]);
        Assert.Equal("https://developer.microsoft.com/json-schemas/teams/v1.22/MicrosoftTeams.schema.json", (string?)manifest["$schema"]);
        var bot = manifest["bots"]!.AsArray().Single()!;
        Assert.Equal(AppId, (string?)bot["botId"]);
        Assert.Equal(new[] { "personal" }, bot["scopes"]!.AsArray().Select(s => (string?)s));
        var commandList = bot["commandLists"]!.AsArray().Single()!;
        Assert.Equal(new[] { "personal" }, commandList["scopes"]!.AsArray().Select(s => (string?)s));
        Assert.Equal(
            new[] { "help", "start over", "my plan", "stop check-ins", "my progress", "share with my physio", "stop sharing", "delete my data" },
            commandList["commands"]!.AsArray().Select(c => (string?)c!["title"]));
        Assert.All(commandList["commands"]!.AsArray(), c => Assert.InRange(((string)c!["description"]!).Length, 1, 128));
        Assert.Equal("https://bot.example.org/privacy.html", (string?)manifest["developer"]!["privacyUrl"]);
        Assert.Equal(new[] { "bot.example.org" }, manifest["validDomains"]!.AsArray().Select(d => (string?)d));
        Assert.InRange(((string)manifest["name"]!["short"]!).Length, 1, 30);
        Assert.InRange(((string)manifest["description"]!["short"]!).Length, 1, 80);
        Assert.DoesNotContain("{{", manifest.ToJsonString());
    }

    /// <summary>
    /// The generated manifest against the official v1.22 JSON schema (npm @microsoft/app-manifest 1.1.2 ships it and
    /// the validator; nothing is fetched), not only the $schema string.
    /// </summary>
    [Fact]
    public async Task TheGeneratedManifestIsValidAgainstTheOfficialSchema()
    {
        using var archive = ZipFile.OpenRead(await BuildAsync(AppId, "bot.example.org"));
        var manifest = Path.Combine(_directory, "manifest.json");
        await File.WriteAllTextAsync(manifest, Read(archive, "manifest.json"));

        var (exitCode, output) = await RunNodeAsync(RepositoryFiles.Combine("teams", "validate-manifest.mjs"), manifest);

        Assert.True(exitCode == 0, output);
        Assert.Contains("valid against the official v1.22 schema", output);
    }

    [Fact]
    public async Task TheSchemaCheckRefusesAManifestTeamsWouldRefuse()
    {
        using var archive = ZipFile.OpenRead(await BuildAsync(AppId, "bot.example.org"));
        var manifest = JsonNode.Parse(Read(archive, "manifest.json"))!.AsObject();
        manifest["bots"]![0]!["scopes"] = new JsonArray("everywhere");
        manifest["name"]!["short"] = new string('x', 31);
        var path = Path.Combine(_directory, "bad-manifest.json");
        await File.WriteAllTextAsync(path, manifest.ToJsonString());

        var (exitCode, output) = await RunNodeAsync(RepositoryFiles.Combine("teams", "validate-manifest.mjs"), path);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("/bots/0/scopes/0", output);
        Assert.Contains("/name/short", output);
    }

    [Fact]
    public async Task IconsHaveTheSizesTeamsRequiresAndTheOutlineIsWhiteOnTransparent()
    {
        using var archive = ZipFile.OpenRead(await BuildAsync(AppId, null));

        var color = PngImage.Read(ReadBytes(archive, "color.png"));
        var outline = PngImage.Read(ReadBytes(archive, "outline.png"));

        Assert.Equal((192, 192), (color.Width, color.Height));
        Assert.Equal((32, 32), (outline.Width, outline.Height));
        Assert.Equal(6, outline.ColorType);
        var pixels = outline.Rgba!;
        var transparent = 0;
        var visible = 0;
        for (var i = 0; i < pixels.Length; i += 4)
        {
            if (pixels[i + 3] == 0)
            {
                transparent++;
                continue;
            }

            visible++;
            Assert.True(pixels[i] >= 245 && pixels[i + 1] >= 245 && pixels[i + 2] >= 245, $"outline pixel {i / 4} is not white");
        }

        Assert.Equal(0, pixels[3]); // the corner is see-through
        Assert.True(transparent > 32 * 32 / 2, "most of the outline icon should be transparent");
        Assert.True(visible > 20, "the outline icon should draw something");
    }

    [Fact]
    public async Task AnAppIdThatIsNotAGuidIsRefusedWithoutAPackage()
    {
        var (exitCode, output) = await RunAsync("not-a-guid", null);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("GUID", output);
        Assert.False(File.Exists(Path.Combine(_directory, "stretchbot-teams.zip")));
    }

    private async Task<string> BuildAsync(string appId, string? host)
    {
        var (exitCode, output) = await RunAsync(appId, host);
        Assert.True(exitCode == 0, output);
        return Path.Combine(_directory, "stretchbot-teams.zip");
    }

    private static async Task<(int ExitCode, string Output)> RunNodeAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepositoryFiles.Root };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }

    private async Task<(int ExitCode, string Output)> RunAsync(string appId, string? host)
    {
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepositoryFiles.Root };
        start.ArgumentList.Add(RepositoryFiles.Combine("teams", "package.mjs"));
        start.ArgumentList.Add(appId);
        if (host is not null)
        {
            start.ArgumentList.Add(host);
        }

        start.ArgumentList.Add("--out");
        start.ArgumentList.Add(Path.Combine(_directory, "stretchbot-teams.zip"));
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }

    private static string Read(ZipArchive archive, string name)
    {
        using var reader = new StreamReader(archive.GetEntry(name)!.Open());
        return reader.ReadToEnd();
    }

    private static byte[] ReadBytes(ZipArchive archive, string name)
    {
        using var stream = archive.GetEntry(name)!.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
