using StretchBot.Corpus;

// ./stretchbot.sh understanding [--misses] [files]: the understanding rate per question on every corpus (corpus/*.jsonl).
var root = FindRepositoryRoot();
var showMisses = args.Contains("--misses");
var files = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToList();
if (files.Count == 0)
{
    files = Directory.GetFiles(Path.Combine(root, "corpus"), "*.jsonl").Order(StringComparer.Ordinal).ToList();
}

var readers = new CorpusReaders();
var unsafeCount = 0;
foreach (var file in files)
{
    var report = CorpusReport.Run(Path.GetFileName(file), CorpusEntry.Load(file), readers);
    Console.WriteLine(report.Table());
    Console.Write(report.Details(misses: showMisses));
    Console.WriteLine();
    unsafeCount += report.Unsafe.Count();
}

return unsafeCount == 0 ? 0 : 1;

static string FindRepositoryRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "StretchBot.sln")))
        {
            return dir.FullName;
        }
    }

    return Directory.GetCurrentDirectory();
}
