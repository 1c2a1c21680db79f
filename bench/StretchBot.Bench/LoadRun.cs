using System.Diagnostics;

namespace StretchBot.Bench;

/// <summary>
/// Keeps <c>concurrency</c> conversations going at once against one bot for a fixed time: each worker walks whole
/// conversations (Teams and Web Chat users alternating) one after another. Only turns that end inside the window count.
/// </summary>
public static class LoadRun
{
    /// <param name="serverCpu">The database server's CPU so far, when it is a process of its own (PostgreSQL).</param>
    public static async Task<LatencyStats> RunAsync(BotProcess bot, bool isEcho, int concurrency, TimeSpan duration, string serviceUrl, CancellationToken cancellationToken, Func<double>? serverCpu = null)
    {
        var walker = new ConversationWalker(bot.Http, serviceUrl);
        var cpuBefore = bot.CpuMilliseconds();
        var clientBefore = ClientCpuMilliseconds();
        var serverBefore = serverCpu?.Invoke() ?? 0;
        var latencies = new List<double>(capacity: 64 * 1024);
        var start = Stopwatch.GetTimestamp();
        var deadline = start + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);

        void Record(long turnStart, long turnEnd)
        {
            if (turnEnd <= deadline)
            {
                lock (latencies)
                {
                    latencies.Add(LatencyStats.ToMilliseconds(turnStart, turnEnd));
                }
            }
            else
            {
                stop.Cancel();
            }
        }

        var workers = Enumerable.Range(0, concurrency).Select(async worker =>
        {
            var n = 0;
            while (!stop.IsCancellationRequested && Stopwatch.GetTimestamp() < deadline)
            {
                var user = (worker + n++) % 2 == 0 ? BenchUser.Teams(TenantFor(worker)) : BenchUser.Web();
                try
                {
                    if (isEcho)
                    {
                        await walker.WalkEchoAsync(user, Record, stop.Token);
                    }
                    else
                    {
                        await walker.WalkToPlanAsync(user, Record, stop.Token);
                    }
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    return;
                }
            }
        }).ToList();
        await Task.WhenAll(workers);
        var cpu = bot.CpuMilliseconds() - cpuBefore;
        var client = ClientCpuMilliseconds() - clientBefore;
        var server = serverCpu is null ? double.NaN : serverCpu() - serverBefore;
        return new LatencyStats(latencies, duration.TotalSeconds)
        {
            CpuMsPerTurn = latencies.Count == 0 ? double.NaN : cpu / latencies.Count,
            ServerCpuMsPerTurn = latencies.Count == 0 ? double.NaN : server / latencies.Count,
            ClientCpuMsPerTurn = latencies.Count == 0 ? double.NaN : client / latencies.Count,
        };
    }

    /// <summary>This process's CPU so far: the load client's, as nothing else runs in it during a round.</summary>
    private static double ClientCpuMilliseconds()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime.TotalMilliseconds;
    }

    /// <summary>A handful of tenants, as a bot serving several organisations sees.</summary>
    public static string TenantFor(int index) => $"00000000-0000-4000-8000-{index % 8:D12}";
}
