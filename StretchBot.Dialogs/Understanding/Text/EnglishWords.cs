using System.Collections.Frozen;
using System.IO.Compression;

namespace StretchBot.Dialogs.Understanding.Text;

/// <summary>
/// English words of five or more letters (SCOWL, see Data/english-words.LICENSE.txt), loaded once from the
/// assembly: a typed word found here is a real word, never a typo to mend.
/// </summary>
public static class EnglishWords
{
    private const string ResourceName = "understanding.english-words.txt.gz";

    private static readonly Lazy<FrozenSet<string>> Words = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    public static FrozenSet<string> All => Words.Value;

    private static FrozenSet<string> Load()
    {
        using var stream = typeof(EnglishWords).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The word list '{ResourceName}' is missing from the assembly.");
        using var gzip = new GZipStream(stream, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        var words = new List<string>(64_000);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                words.Add(line);
            }
        }

        return words.ToFrozenSet(StringComparer.Ordinal);
    }
}
