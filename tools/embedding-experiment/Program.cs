using System.Diagnostics;
using System.Globalization;
using EmbeddingExperiment;
using StretchBot.Corpus;

// dotnet bin/Release/net10.0/EmbeddingExperiment.dll [--t 0.xx --m 0.xx] [--list]
// Tunes T and M on corpus A (unless given), then reports A, B and C. Writes nothing outside results/.
for (var i = 0; i < args.Length - 1; i++)
{
    if (args[i] == "--exclude")
    {
        Fallback.Excluded.Add(args[i + 1]);
    }
}

var corpusDir = "/work/main/corpus";
var files = new[] { ("A", "typed-answers.jsonl"), ("B", "typed-answers-independent.jsonl"), ("C", "typed-answers-final-check.jsonl") };
var entries = files.ToDictionary(f => f.Item1, f => CorpusEntry.Load(Path.Combine(corpusDir, f.Item2)));

// The 200 replies for the encode benchmark: the first 200 distinct short replies of corpus A (any question).
var benchReplies = entries["A"].Select(e => e.Text).Where(t => t.Length <= 60).Distinct().Take(200).ToList();
var (encoder, bench) = Bench.LoadAndMeasure(benchReplies, args.Contains("--single-thread"));
Console.WriteLine(bench);
if (args.Contains("--bench-only"))
{
    return;
}

var clock = Stopwatch.StartNew();
var fallback = new Fallback(encoder);
Console.WriteLine($"encoding {fallback.ExemplarCount} exemplars: {clock.ElapsedMilliseconds} ms");
Console.WriteLine();

var dialogs = typeof(CorpusReaders).Assembly.Location.Replace("StretchBot.Corpus.dll", "StretchBot.Dialogs.dll");
Console.WriteLine($"readers: {dialogs} sha256 {Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(dialogs)))[..16]}");
var readers = new CorpusReaders();
var scored = files.ToDictionary(f => f.Item1, f => new ScoredCorpus($"{f.Item1} ({f.Item2})", entries[f.Item1], readers, fallback));

double t, m;
var ti = Array.IndexOf(args, "--t");
var mi = Array.IndexOf(args, "--m");
if (ti >= 0 && mi >= 0)
{
    (t, m) = (double.Parse(args[ti + 1], CultureInfo.InvariantCulture), double.Parse(args[mi + 1], CultureInfo.InvariantCulture));
    Console.WriteLine($"T and M given: {t:0.00}, {m:0.00}");
}
else
{
    string grid;
    (t, m, grid) = Experiment.Tune(scored["A"]);
    Console.WriteLine(grid);
    Console.WriteLine($"Chosen on A: T = {t:0.00}, M = {m:0.00}");
    Console.WriteLine();
    Console.WriteLine(Experiment.Tune(scored["A"], null, 1.0, 0.5).Grid);
    Console.WriteLine(Experiment.PerQuestion(scored, 2.0, 1.0));
    Console.WriteLine(Experiment.PerQuestion(scored, 1.0, 0.5));
}

Console.WriteLine();
foreach (var (name, corpus) in scored)
{
    var results = Experiment.Apply(corpus, t, m);
    Console.WriteLine(Experiment.Table(corpus, results, t, m));
    if (args.Contains("--list"))
    {
        Console.WriteLine(Experiment.Listing(corpus, results));
    }
}
