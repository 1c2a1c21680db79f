using System.Diagnostics;

namespace StretchBot.Bench;

/// <summary>Turn latencies of one run and what they add up to.</summary>
public sealed class LatencyStats
{
    private readonly List<double> _milliseconds;

    public LatencyStats(List<double> milliseconds, double seconds)
    {
        _milliseconds = milliseconds;
        _milliseconds.Sort();
        Seconds = seconds;
    }

    public int Turns => _milliseconds.Count;

    public double Seconds { get; }

    public double TurnsPerSecond => Seconds <= 0 ? 0 : Turns / Seconds;

    /// <summary>The bot process's CPU time during the run divided by the turns it answered, in milliseconds.</summary>
    public double CpuMsPerTurn { get; init; }

    /// <summary>The database server's CPU time during the run divided by the turns (NaN when not measured).</summary>
    public double ServerCpuMsPerTurn { get; init; } = double.NaN;

    /// <summary>
    /// The load client's own CPU per turn (it shares the machine's cores with the bot it measures, so what it spends
    /// reading a bot's replies is taken from that bot).
    /// </summary>
    public double ClientCpuMsPerTurn { get; init; } = double.NaN;

    public double P50 => Percentile(0.50);

    public double P95 => Percentile(0.95);

    public double P99 => Percentile(0.99);

    public double Percentile(double p)
    {
        if (_milliseconds.Count == 0)
        {
            return double.NaN;
        }

        var index = (int)Math.Ceiling(p * _milliseconds.Count) - 1;
        return _milliseconds[Math.Clamp(index, 0, _milliseconds.Count - 1)];
    }

    public static double ToMilliseconds(long start, long end) => (end - start) * 1000.0 / Stopwatch.Frequency;
}
