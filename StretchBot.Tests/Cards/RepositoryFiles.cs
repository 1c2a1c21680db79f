namespace StretchBot.Tests.Cards;

/// <summary>Files of the repository the card tests read: the templates, their sample data and the node tools.</summary>
internal static class RepositoryFiles
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    /// <summary>The folder holding StretchBot.sln, found by walking up from the test assembly's folder.</summary>
    public static string Root => LazyRoot.Value;

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
