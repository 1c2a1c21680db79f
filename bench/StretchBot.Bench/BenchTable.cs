using System.Globalization;
using System.Text;
using System.Text.Json;

namespace StretchBot.Bench;

public static class BenchJson
{
    public static JsonSerializerOptions Options { get; } = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };
}

/// <summary>The bench's results as a Markdown table (printed, and pasted into the README).</summary>
public static class BenchTable
{
    public static string Render(BenchResults r)
    {
        var s = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        s.AppendLine(r.Floor == "echo" ? "| | echo bot | StretchBot | ratio |" : "| | baseline StretchBot | StretchBot | ratio |");
        s.AppendLine("| --- | --- | --- | --- |");
        foreach (var level in r.Levels)
        {
            s.AppendLine(c, $"| turns/s, {level.Concurrency} concurrent | {level.EchoTurnsPerSecond:F0} | {level.StretchBotTurnsPerSecond:F0} | {level.Ratio:F2} |");
            s.AppendLine(c, $"| CPU per turn ms, {level.Concurrency} concurrent | {level.EchoCpuMsPerTurn:F2} | {level.StretchBotCpuMsPerTurn:F2} | {Ratio(level.StretchBotCpuMsPerTurn, level.EchoCpuMsPerTurn)}x |");
            s.AppendLine(c, $"| p50 / p95 / p99 ms, {level.Concurrency} concurrent | {level.EchoP50Ms:F1} / {level.EchoP95Ms:F1} / {level.EchoP99Ms:F1} | {level.StretchBotP50Ms:F1} / {level.StretchBotP95Ms:F1} / {level.StretchBotP99Ms:F1} | p99 {Ratio(level.StretchBotP99Ms, level.EchoP99Ms)}x |");
        }

        var echoStart = Median(r.Startups.Where(x => x.Bot == r.Floor).Select(x => x.FirstReplyMs));
        var botStart = Median(r.Startups.Where(x => x.Bot == "stretchbot").Select(x => x.FirstReplyMs));
        s.AppendLine(c, $"| process start to first reply, ms (median of {r.Startups.Count / 2}) | {echoStart:F0} | {botStart:F0} | {Ratio(botStart, echoStart)}x |");
        var typed = Median(r.Startups.Where(x => x.Bot == "stretchbot" && x.FirstTypedAnswerMs is not null).Select(x => x.FirstTypedAnswerMs!.Value));
        s.AppendLine(c, $"| first typed answer after start-up (recognizers), ms | | {typed:F0} | |");
        if (r.StateSize is not null)
        {
            s.AppendLine(c, $"| state per user after a plan (Teams-shaped ids), bytes | | {r.StateSize.BytesPerUser} | |");
        }

        if (r.Memory is { Samples.Count: > 1 } memory)
        {
            var second = memory.Samples[Math.Min(2, memory.Samples.Count - 1)];
            var last = memory.Samples[^1];
            s.AppendLine(c, $"| resident memory after {second.Conversations} / {last.Conversations} conversations, MB | | {second.ResidentMb:F0} / {last.ResidentMb:F0} | |");
        }

        if (r.CheckIns is { } checkIns)
        {
            s.AppendLine(c, $"| check-ins sent per second ({checkIns.Delivered}/{checkIns.Due}; max {checkIns.MaxRequestsPerTenantPerSecond} requests per tenant in any second) | | {checkIns.PerSecond:F0} | |");
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
