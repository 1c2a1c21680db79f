using System.Diagnostics;

namespace StretchBot.Bench;

/// <summary>
/// Resident memory of a StretchBot process sampled every tenth of the way through many conversations walked to a plan
/// (64 at a time, half Teams, half Web Chat), and its growth over the second half (the first is caches filling up).
/// </summary>
public static class MemoryRun
{
    public static async Task<MemoryResult> RunAsync(BotProcess stretch, int total, string serviceUrl, TextWriter log, CancellationToken cancellationToken)
    {
        var result = new MemoryResult { Conversations = total };
        result.Samples.Add(new MemorySample(0, Round1(stretch.ResidentMegabytes())));
        var walker = new ConversationWalker(stretch.Http, serviceUrl);
        var next = 0;
        var done = 0;
        var step = Math.Max(1, total / 10);
        var stopwatch = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, Math.Min(64, total)).Select(async worker =>
        {
            while (Interlocked.Increment(ref next) <= total)
            {
                var user = next % 2 == 0 ? BenchUser.Teams(LoadRun.TenantFor(worker)) : BenchUser.Web();
                await walker.WalkToPlanAsync(user, null, cancellationToken);
                var finished = Interlocked.Increment(ref done);
                if (finished % step == 0)
                {
                    var sample = new MemorySample(finished, Round1(stretch.ResidentMegabytes()));
                    lock (result.Samples)
                    {
                        result.Samples.Add(sample);
                    }
                }
            }
        });
        await Task.WhenAll(workers);
        result.Seconds = Round1(stopwatch.Elapsed.TotalSeconds);
        result.Samples.Sort((a, b) => a.Conversations.CompareTo(b.Conversations));
        result.GrowthMbPerThousandSecondHalf = MemoryResult.Slope(result.Samples);
        log.WriteLine($"  memory over {total} conversations ({result.Seconds:F0} s): {string.Join(", ", result.Samples.Select(s => $"{s.Conversations}: {s.ResidentMb:F0} MB"))}; second half {result.GrowthMbPerThousandSecondHalf:+0.00;-0.00} MB per 1,000");
        return result;
    }

    private static double Round1(double value) => Math.Round(value, 1);
}
