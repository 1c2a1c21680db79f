using System.Globalization;
using System.Text;

namespace StretchBot.Corpus;

/// <summary>The corpus run through the readers: per question, how many replies were handled, and every unsafe reading.</summary>
public sealed record CorpusReport(string Name, IReadOnlyList<(CorpusEntry Entry, ReaderOutcome Outcome, Verdict Verdict)> Results)
{
    public static CorpusReport Run(string name, IReadOnlyList<CorpusEntry> entries, CorpusReaders? readers = null)
    {
        readers ??= new CorpusReaders();
        return new CorpusReport(name, entries.Select(e =>
        {
            var outcome = readers.Read(e);
            return (e, outcome, Grader.Grade(e, outcome));
        }).ToList());
    }

    public int Total => Results.Count;

    public int Handled => Results.Count(r => r.Verdict.Handled);

    public double Rate => Total == 0 ? 0 : (double)Handled / Total;

    public IEnumerable<(CorpusEntry Entry, ReaderOutcome Outcome, Verdict Verdict)> Unsafe => Results.Where(r => r.Verdict.Unsafe);

    public IEnumerable<(CorpusEntry Entry, ReaderOutcome Outcome, Verdict Verdict)> Misses => Results.Where(r => !r.Verdict.Handled);

    public string Table()
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{Name}: {Handled} of {Total} handled ({Rate:P1}); unsafe readings: {Unsafe.Count()}; false emergency stops: {Results.Count(r => r.Verdict.FalseEmergency)}");
        text.AppendLine("| question | replies | handled | rate | confirmed first | unsafe |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|");
        foreach (var group in Results.GroupBy(r => r.Entry.Question).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var handled = group.Count(r => r.Verdict.Handled);
            var confirmed = group.Count(r => r.Outcome.Kind == ReaderOutcome.Unsure);
            text.AppendLine(CultureInfo.InvariantCulture, $"| {group.Key} | {group.Count()} | {handled} | {(double)handled / group.Count():P1} | {confirmed} | {group.Count(r => r.Verdict.Unsafe)} |");
        }

        return text.ToString();
    }

    public string Details(bool misses)
    {
        var text = new StringBuilder();
        foreach (var (entry, outcome, _) in Results.Where(r => r.Verdict.FalseEmergency))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{entry} -> {outcome.Kind} {outcome.Value?.ToJsonString()} :: FALSE EMERGENCY");
        }

        foreach (var (entry, outcome, verdict) in misses ? Misses : Unsafe)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{entry} -> {outcome.Kind} {outcome.Value?.ToJsonString()} {string.Join(",", outcome.Asked)} :: {verdict.Why}");
        }

        return text.ToString();
    }
}
