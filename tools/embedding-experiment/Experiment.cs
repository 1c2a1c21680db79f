using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using StretchBot.Corpus;

namespace EmbeddingExperiment;

/// <summary>One corpus read by the lexical readers, with the fallback's scores for every covered not-understood reply.</summary>
public sealed class ScoredCorpus
{
    public sealed record Row(CorpusEntry Entry, ReaderOutcome Lexical, Verdict LexicalVerdict, Fallback.Scores? Scores);

    public string Name { get; }

    public IReadOnlyList<Row> Rows { get; }

    public ScoredCorpus(string name, IReadOnlyList<CorpusEntry> entries, CorpusReaders readers, Fallback fallback)
    {
        Name = name;
        Rows = entries.Select(e =>
        {
            var outcome = readers.Read(e);
            var scores = outcome.Kind == ReaderOutcome.NotUnderstood && Fallback.Covers(e.Question) ? fallback.Score(e.Question, e.Text) : null;
            return new Row(e, outcome, Grader.Grade(e, outcome), scores);
        }).ToList();
    }
}

public enum Change { None, Correct, Wrong, Nonsense }

public sealed record Result(ScoredCorpus.Row Row, ReaderOutcome Outcome, Verdict Verdict, Change Change)
{
    // The grader counts any "unsure" on a not-understood label (and on an unsure label) as handled; a confirmation
    // of the wrong option or of nonsense is not counted as handled here.
    public bool HonestlyHandled => Verdict.Handled && Change is not (Change.Wrong or Change.Nonsense);
}

public static class Experiment
{
    public static List<Result> Apply(ScoredCorpus corpus, double t, double m) => corpus.Rows.Select(row =>
    {
        if (row.Scores is not { } s || s.BestScore < t || s.Margin < m)
        {
            return new Result(row, row.Lexical, row.LexicalVerdict, Change.None);
        }

        var outcome = ReaderOutcome.Of(ReaderOutcome.Unsure, Fallback.Format(row.Entry.Question, s.Best), "embedding");
        var change = row.Entry.Kind == "not-understood" ? Change.Nonsense
            : SameValue(row.Entry, outcome.Value) ? Change.Correct : Change.Wrong;
        return new Result(row, outcome, Grader.Grade(row.Entry, outcome), change);
    }).ToList();

    private static bool SameValue(CorpusEntry entry, JsonNode? value)
        => entry.Question == "diagnoses"
            ? Ids(entry.Value).SetEquals(Ids(value))
            : JsonNode.DeepEquals(entry.Value, value);

    private static HashSet<string> Ids(JsonNode? node)
        => node is JsonArray a ? a.Select(n => n!.GetValue<string>()).ToHashSet() : [];

    public sealed record Tally(int Correct, int Wrong, int Nonsense, int CorrectOnUnderstood)
    {
        public static Tally Of(IEnumerable<Result> results)
        {
            var list = results.ToList();
            return new Tally(
                list.Count(r => r.Change == Change.Correct),
                list.Count(r => r.Change == Change.Wrong),
                list.Count(r => r.Change == Change.Nonsense),
                list.Count(r => r.Change == Change.Correct && r.Row.Entry.Kind == "understood"));
        }
    }

    /// <summary>Grid search on the development corpus: utility = correct - 2 x wrong - nonsense.</summary>
    public static (double T, double M, string Grid) Tune(ScoredCorpus dev) => Tune(dev, null, 2.0, 1.0);

    public static (double T, double M, string Grid) Tune(ScoredCorpus dev, string? question, double wrongWeight, double nonsenseWeight)
    {
        var candidates = new List<(double T, double M, Tally Tally, double Utility)>();
        for (var ti = 30; ti <= 95; ti++)
        {
            for (var mi = 0; mi <= 20; mi++)
            {
                var (t, m) = (ti / 100.0, mi / 100.0);
                var tally = Tally.Of(Apply(dev, t, m).Where(r => question is null || r.Row.Entry.Question == question));
                candidates.Add((t, m, tally, tally.Correct - (wrongWeight * tally.Wrong) - (nonsenseWeight * tally.Nonsense)));
            }
        }

        // Ties go to the stricter setting (higher T, then higher M): fewer confirmations on unseen replies.
        var best = candidates.OrderByDescending(c => c.Utility).ThenByDescending(c => c.T).ThenByDescending(c => c.M).First();
        var text = new StringBuilder();
        var scope = question is null ? string.Empty : $" [{question}]";
        text.AppendLine(CultureInfo.InvariantCulture, $"Grid on A{scope}, T 0.30..0.95 and M 0.00..0.20 in steps of 0.01 (utility = correct - {wrongWeight}*wrong - {nonsenseWeight}*nonsense); the Pareto front over (correct, wrong+nonsense), strictest setting per point:");
        text.AppendLine("| T | M | correct | wrong | nonsense | utility |");
        text.AppendLine("|---:|---:|---:|---:|---:|---:|");
        var front = candidates
            .GroupBy(c => (c.Tally.Correct, c.Tally.Wrong, c.Tally.Nonsense))
            .Select(g => g.OrderByDescending(c => c.T).ThenByDescending(c => c.M).First())
            .Where(c => !candidates.Any(o => o.Tally.Correct >= c.Tally.Correct && o.Tally.Wrong + o.Tally.Nonsense <= c.Tally.Wrong + c.Tally.Nonsense
                && (o.Tally.Correct > c.Tally.Correct || o.Tally.Wrong + o.Tally.Nonsense < c.Tally.Wrong + c.Tally.Nonsense)))
            .OrderBy(c => c.Tally.Correct);
        foreach (var c in front)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {c.T:0.00} | {c.M:0.00} | {c.Tally.Correct} | {c.Tally.Wrong} | {c.Tally.Nonsense} | {c.Utility} |");
        }

        return (best.T, best.M, text.ToString());
    }

    /// <summary>Each question tuned alone on A, then applied alone to every corpus.</summary>
    public static string PerQuestion(IReadOnlyDictionary<string, ScoredCorpus> corpora, double wrongWeight, double nonsenseWeight)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Per-question tuning on A (utility = correct - {wrongWeight}*wrong - {nonsenseWeight}*nonsense; ties to the stricter setting), applied to each corpus: correct (on understood labels) / wrong / nonsense");
        text.AppendLine("| question | T | M | A | B | C |");
        text.AppendLine("|---|---:|---:|---|---|---|");
        foreach (var question in Exemplars.ByQuestion.Keys.Where(Fallback.Covers))
        {
            var (t, m, _) = Tune(corpora["A"], question, wrongWeight, nonsenseWeight);
            var cells = corpora.Values.Select(c =>
            {
                var tally = Tally.Of(Apply(c, t, m).Where(r => r.Row.Entry.Question == question));
                return $"{tally.Correct} ({tally.CorrectOnUnderstood}) / {tally.Wrong} / {tally.Nonsense}";
            });
            text.AppendLine(CultureInfo.InvariantCulture, $"| {question} | {t:0.00} | {m:0.00} | {string.Join(" | ", cells)} |");
        }

        return text.ToString();
    }

    public static string Table(ScoredCorpus corpus, List<Result> results, double t, double m)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"### {corpus.Name} (T = {t:0.00}, M = {m:0.00})");
        text.AppendLine("| question | replies | lexical not-understood (label NU / other) | handled before | handled after (grader) | handled after (honest) | correct conf. (of which on understood labels) | wrong conf. | conf. on nonsense |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        var covered = results.Where(r => Fallback.Covers(r.Row.Entry.Question)).ToList();
        foreach (var g in covered.GroupBy(r => r.Row.Entry.Question).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            text.AppendLine(Line(g.Key, g.ToList()));
        }

        text.AppendLine(Line("**covered questions**", covered));
        text.AppendLine(Line("**whole corpus**", results));
        return text.ToString();
    }

    private static string Line(string name, List<Result> rs)
    {
        var tally = Tally.Of(rs);
        var nu = rs.Where(r => r.Row.Scores is not null).ToList();
        var before = rs.Count(r => r.Row.LexicalVerdict.Handled);
        var after = rs.Count(r => r.Verdict.Handled);
        var honest = rs.Count(r => r.HonestlyHandled);
        return string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {rs.Count} | {nu.Count} ({nu.Count(r => r.Row.Entry.Kind == "not-understood")} / {nu.Count(r => r.Row.Entry.Kind != "not-understood")}) | {before} ({Pct(before, rs.Count)}) | {after} ({Pct(after, rs.Count)}) | {honest} ({Pct(honest, rs.Count)}) | {tally.Correct} ({tally.CorrectOnUnderstood}) | {tally.Wrong} | {tally.Nonsense} |");
    }

    private static string Pct(int n, int d) => d == 0 ? "-" : ((double)n / d).ToString("P1", CultureInfo.InvariantCulture);

    public static string Listing(ScoredCorpus corpus, List<Result> results)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{corpus.Name}: every covered reply the lexical reader did not understand (score = best cosine, margin = best - second; * = turned into a confirmation)");
        foreach (var r in results.Where(r => r.Row.Scores is not null).OrderBy(r => r.Row.Entry.Question, StringComparer.Ordinal).ThenByDescending(r => r.Row.Scores!.BestScore))
        {
            var s = r.Row.Scores!;
            var label = r.Row.Entry.Kind == "not-understood" ? "NU" : $"{r.Row.Entry.Kind} {r.Row.Entry.Value?.ToJsonString()}";
            text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"{(r.Change == Change.None ? " " : "*")} {r.Row.Entry.Id} [{r.Row.Entry.Question}] {JsonSerializer.Serialize(r.Row.Entry.Text)} -> {s.Best} {s.BestScore:0.000} (2nd {s.Second} {s.SecondScore:0.000}, margin {(s.Second is null ? "-" : s.Margin.ToString("0.000", CultureInfo.InvariantCulture))}) | label: {label}{(r.Change == Change.None ? "" : " => " + r.Change.ToString().ToUpperInvariant())}"));
        }

        return text.ToString();
    }
}
