namespace StretchBot.Tests.TestSupport;

/// <summary>
/// Files of the repository the tests read (the card templates and their sample data, scripts, node_modules, corpora),
/// found from the test assembly's folder.
/// </summary>
public static class RepositoryFiles
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    /// <summary>The folder holding StretchBot.sln, found by walking up from the test assembly's folder.</summary>
    public static string Root => LazyRoot.Value;

    /// <summary>A path under the repository root.</summary>
    public static string Combine(params string[] parts) => Path.Combine([Root, .. parts]);

    public static string CardsFolder => Path.Combine(Root, "cards");

    public static string SamplesFolder => Path.Combine(CardsFolder, "samples");

    public static string TemplatePath(string name) => Path.Combine(CardsFolder, name + ".json");

    public static string SamplePath(string name) => Path.Combine(SamplesFolder, name + ".json");

    /// <summary>Every template in cards/*.json, by name ("stretch").</summary>
    public static IReadOnlyList<string> TemplateNames()
        => Directory.GetFiles(CardsFolder, "*.json")
            .Select(Path.GetFileNameWithoutExtension)
            .OfType<string>()
            .Order(StringComparer.Ordinal)
            .ToList();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "StretchBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No StretchBot.sln above {AppContext.BaseDirectory}.");
    }
}
