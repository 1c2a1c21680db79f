using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace StretchBot.Bench;

public static class BenchJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals, // "NaN" where a run did not measure something
    };
}

/// <summary>The bench's results as a Markdown table (printed, and pasted into the README).</summary>
public static class BenchTable
{
    public static string Render(BenchResults r)
    {
        var s = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        var postgres = r.Levels.Any(l => l.StretchBotPostgres is not null);
        var floor = r.Floor == "echo" ? "echo bot" : "baseline StretchBot";
        s.AppendLine(postgres
            ? $"| | {floor} | StretchBot (SQLite) | ratio | StretchBot (PostgreSQL) | PostgreSQL / SQLite |"
            : $"| | {floor} | StretchBot | ratio |");
        s.AppendLine(postgres ? "| --- | --- | --- | --- | --- | --- |" : "| --- | --- | --- | --- |");
        foreach (var level in r.Levels)
        {
            var (e, b, p) = (level.Echo, level.StretchBot, level.StretchBotPostgres);
            s.AppendLine(c, $"| turns/s, {level.Concurrency} concurrent | {e.TurnsPerSecond:F0} | {b.TurnsPerSecond:F0} | {level.Ratio:F2} |{(p is null ? string.Empty : $" {p.TurnsPerSecond:F0} | {level.PostgresToSqlite:F2} |")}");
            s.AppendLine(c, $"| CPU per turn ms, {level.Concurrency} concurrent | {e.CpuMsPerTurn:F2} | {b.CpuMsPerTurn:F2} | {Ratio(b.CpuMsPerTurn, e.CpuMsPerTurn)}x |{(p is null ? string.Empty : $" {p.CpuMsPerTurn:F2} + server {p.ServerCpuMsPerTurn:F2} | {Ratio(p.CpuMsPerTurn + (double.IsNaN(p.ServerCpuMsPerTurn) ? 0 : p.ServerCpuMsPerTurn), b.CpuMsPerTurn)}x |")}");
            s.AppendLine(c, $"| load client's CPU per turn ms, {level.Concurrency} concurrent | {e.ClientCpuMsPerTurn:F3} | {b.ClientCpuMsPerTurn:F3} | |{(p is null ? string.Empty : $" {p.ClientCpuMsPerTurn:F3} | |")}");
            s.AppendLine(c, $"| p50 / p95 / p99 ms, {level.Concurrency} concurrent | {e.P50Ms:F1} / {e.P95Ms:F1} / {e.P99Ms:F1} | {b.P50Ms:F1} / {b.P95Ms:F1} / {b.P99Ms:F1} | p99 {Ratio(b.P99Ms, e.P99Ms)}x |{(p is null ? string.Empty : $" {p.P50Ms:F1} / {p.P95Ms:F1} / {p.P99Ms:F1} | p99 {Ratio(p.P99Ms, b.P99Ms)}x |")}");
        }

        var echoStart = Median(r.Startups.Where(x => x.Bot == r.Floor).Select(x => x.FirstReplyMs));
        var botStart = Median(r.Startups.Where(x => x.Bot == "stretchbot").Select(x => x.FirstReplyMs));
        s.AppendLine(c, $"| process start to first reply, ms (median of {r.Startups.Count(x => x.Bot == r.Floor)}) | {echoStart:F0} | {botStart:F0} | {Ratio(botStart, echoStart)}x |");
        var typed = Median(r.Startups.Where(x => x.FirstTypedAnswerMs is not null).Select(x => x.FirstTypedAnswerMs!.Value));
        s.AppendLine(c, $"| first typed answer after start-up (recognizers), ms | | {typed:F0} | |");
        if (r.StateSize is not null)
        {
            s.AppendLine(c, $"| state per user after a plan (Teams-shaped ids), bytes | | {r.StateSize.BytesPerUser} | |");
        }

        if (r.Memory is { Samples.Count: > 1 } memory)
        {
            var curve = string.Join(", ", memory.Samples.Select(x => x.ResidentMb.ToString("F0", c)));
            var verdict = memory.Flat ? "flat" : "growing";
            s.AppendLine(c, $"| resident memory every {memory.Samples[^1].Conversations / Math.Max(1, memory.Samples.Count - 1)} of {memory.Samples[^1].Conversations} finished conversations, MB | | {curve}: {verdict} ({memory.GrowthMbPerThousandSecondHalf:+0.00;-0.00} MB per 1,000 over the second half) | |");
        }

        if (r.CheckIns is { } checkIns)
        {
            s.AppendLine(c, $"| check-ins sent per second ({checkIns.Delivered}/{checkIns.Due} after {checkIns.WarmUp} to warm the instance up, {checkIns.TeamsTenants} Teams tenants of 100 users; tenant limit {CheckInRun.TenantLimit}: at most {checkIns.MaxRequestsPerTenantPerSecond} into one tenant in any second) | | {checkIns.PerSecond:F0} | |");
        }

        foreach (var multi in r.MultiHost)
        {
            s.AppendLine(c, $"| two instances on {multi.Provider}, {multi.Conversations} conversations with alternating turns: lost updates / double submits taken twice / duplicate check-ins | | {multi.LostUpdates} / {multi.DoubleSubmitsTakenTwice} / {multi.DuplicateCheckIns} ({multi.CheckInsDelivered}/{multi.CheckInsBooked} check-ins delivered) | |");
        }

        foreach (var stream in r.Streams)
        {
            s.AppendLine(c, $"| reply recorded to on the page's stream, p50 / p95 / max ms: {stream.Setup} | | {stream.WrittenToSocketP50Ms:F1} / {stream.WrittenToSocketP95Ms:F1} / {stream.WrittenToSocketMaxMs:F1} | |");
        }

        s.AppendLine();
        s.AppendLine(c, $"Machine: {r.Machine.Cores} cores, {r.Machine.Os}, {r.Machine.Runtime}; load average before {r.Machine.LoadBefore}, after {r.Machine.LoadAfter}.");
        return s.ToString();
    }

    private static string Ratio(double a, double b) => b <= 0 ? "-" : (a / b).ToString("F2", CultureInfo.InvariantCulture);

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted[sorted.Length / 2];
    }
}
