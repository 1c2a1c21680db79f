using StretchBot.Corpus;
using StretchBot.Tests.Teams;

namespace StretchBot.Tests.Understanding;

/// <summary>
/// The labelled corpora of typed answers (corpus/*.jsonl) through the real readers: no unsafe reading, no
/// emergency stop from a number or position word, nonsense always asked again, and the understanding rate held.
/// </summary>
public class CorpusTests
{
    /// <summary>The share of replies each corpus must have handled as a careful reader would.</summary>
    public const double RequiredRate = 0.95;

    private static readonly CorpusReaders Readers = new();
    private static readonly Dictionary<string, CorpusReport> Reports = new(StringComparer.Ordinal);

    public static TheoryData<string> Corpora => new()
    {
        "typed-answers.jsonl",
        "typed-answers-independent.jsonl",
        "typed-answers-final-check.jsonl",
        "typed-answers-holdout.jsonl",
    };

    private static CorpusReport Report(string file)
    {
        lock (Reports)
        {
            if (!Reports.TryGetValue(file, out var report))
            {
                report = CorpusReport.Run(file, CorpusEntry.Load(RepositoryFiles.Combine("corpus", file)), Readers);
                Reports[file] = report;
            }

            return report;
        }
    }

    [Theory]
    [MemberData(nameof(Corpora))]
    public void NoReplyIsReadUnsafely(string file)
    {
        var report = Report(file);
        Assert.True(!report.Unsafe.Any(), report.Details(misses: false));
    }

    [Theory]
    [MemberData(nameof(Corpora))]
    public void NoEmergencyStopComesFromANumberOrAPositionWord(string file)
    {
        var positionWords = new[] { "first", "second", "third", "last", "1st", "2nd", "3rd" };
        var falseStops = Report(file).Results
            .Where(r => r.Verdict.FalseEmergency)
            .Where(r => r.Entry.Text.Any(char.IsDigit) || positionWords.Any(w => r.Entry.Text.Contains(w, StringComparison.OrdinalIgnoreCase)))
            .Select(r => r.Entry.ToString())
            .ToList();
        Assert.Empty(falseStops);
    }

    /// <summary>
    /// A reply that answers nothing is asked again. (A "don't know" to a yes/no question about one warning sign is the
    /// one exception, by design: it is taken as the safe answer, a yes.)
    /// </summary>
    [Theory]
    [MemberData(nameof(Corpora))]
    public void NonsenseIsAlwaysAskedAgain(string file)
    {
        var taken = Report(file).Results
            .Where(r => r.Entry.Kind == "not-understood" && r.Entry.Question != "command" && r.Outcome.Kind == ReaderOutcome.Understood)
            .Where(r => !(r.Entry.Question == "sign-follow-up" && r.Outcome.Value?.ToString() == "yes"))
            .Select(r => $"{r.Entry} -> {r.Outcome.Value?.ToJsonString()}")
            .ToList();
        Assert.Empty(taken);
    }

    [Theory]
    [MemberData(nameof(Corpora))]
    public void AtLeastNinetyFivePercentOfRepliesAreUnderstoodAsACarefulReaderWould(string file)
    {
        var report = Report(file);
        Assert.True(report.Rate >= RequiredRate, report.Table() + report.Details(misses: true));
    }

    [Theory]
    [MemberData(nameof(Corpora))]
    public void TheCorpusCoversEveryQuestionAndHasEnoughReplies(string file)
    {
        var entries = CorpusEntry.Load(RepositoryFiles.Combine("corpus", file));
        Assert.True(entries.Count >= 500, $"{file} has {entries.Count} replies");
        var questions = entries.Select(e => e.Question).ToHashSet();
        Assert.Superset(questions, new HashSet<string>(["consent", "emergency", "see-doctor", "clearance", "sign-follow-up", "pain", "duration", "location", "worse-with", "diagnoses", "floor", "sitting", "running", "age", "check-in", "check-in-time", "command"]));
        Assert.Equal(entries.Count, entries.Select(e => e.Id).Distinct().Count());
    }
}
