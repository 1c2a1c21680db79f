namespace StretchBot.Bench;

/// <summary>Everything one bench run measured; written as JSON and printed as a table.</summary>
public sealed class BenchResults
{
    public string Label { get; set; } = string.Empty;

    /// <summary>What StretchBot was measured against: "echo" (the bare echo bot) or "baseline" (another StretchBot build).</summary>
    public string Floor { get; set; } = "echo";

    /// <summary>The baseline StretchBot build, when <see cref="Floor"/> is "baseline".</summary>
    public string? BaselineDll { get; set; }

    public DateTimeOffset StartedUtc { get; set; }

    public MachineInfo Machine { get; set; } = new();

    public List<StartupResult> Startups { get; set; } = new();

    public List<LevelResult> Levels { get; set; } = new();

    public StateSizeResult? StateSize { get; set; }

    public MemoryResult? Memory { get; set; }

    public CheckInResult? CheckIns { get; set; }

    /// <summary>Two instances on one database, turns alternating between them (one entry per provider).</summary>
    public List<MultiHostResult> MultiHost { get; set; } = new();

    /// <summary>How fast a reply reaches a web page's stream (one entry per setup).</summary>
    public List<StreamLatencyResult> Streams { get; set; } = new();
}

public sealed class MachineInfo
{
    public string Host { get; set; } = Environment.MachineName;

    public int Cores { get; set; } = Environment.ProcessorCount;

    public string Os { get; set; } = System.Runtime.InteropServices.RuntimeInformation.OSDescription;

    public string Runtime { get; set; } = System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription;

    public string LoadBefore { get; set; } = string.Empty;

    public string LoadAfter { get; set; } = string.Empty;

    public static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "unknown";
}

public sealed record StartupResult(string Bot, double FirstReplyMs, double? FirstTypedAnswerMs);

/// <param name="ServerCpuMsPerTurn">StretchBot on PostgreSQL: the database server's CPU per turn (NaN for the others).</param>
/// <param name="ClientCpuMsPerTurn">The load client's own CPU per turn of this bot.</param>
public sealed record RunResult(string Bot, int Round, double TurnsPerSecond, int Turns, double P50Ms, double P95Ms, double P99Ms, double CpuMsPerTurn, double ServerCpuMsPerTurn, double ClientCpuMsPerTurn);

/// <summary>One bot at one level: medians over the rounds.</summary>
public sealed class BotLevelSummary
{
    public double TurnsPerSecond { get; set; }

    public double P50Ms { get; set; }

    public double P95Ms { get; set; }

    public double P99Ms { get; set; }

    /// <summary>The bot process's CPU per turn.</summary>
    public double CpuMsPerTurn { get; set; }

    /// <summary>On PostgreSQL: the database server's CPU per turn besides (NaN otherwise).</summary>
    public double ServerCpuMsPerTurn { get; set; }

    /// <summary>The load client's own CPU per turn of this bot (on the same cores).</summary>
    public double ClientCpuMsPerTurn { get; set; }
}

public sealed class LevelResult
{
    public int Concurrency { get; set; }

    public List<RunResult> Runs { get; set; } = new();

    public BotLevelSummary Echo { get; set; } = new();

    /// <summary>StretchBot on SQLite (the default).</summary>
    public BotLevelSummary StretchBot { get; set; } = new();

    /// <summary>StretchBot / echo turns per second.</summary>
    public double Ratio { get; set; }

    /// <summary>StretchBot on PostgreSQL, when a server was given.</summary>
    public BotLevelSummary? StretchBotPostgres { get; set; }

    /// <summary>PostgreSQL / SQLite turns per second.</summary>
    public double? PostgresToSqlite { get; set; }
}

/// <summary>
/// Two StretchBot instances on one database: conversations walked to a booked check-in with turns alternating between
/// them (the first answer sent to both at once), both dispatchers sending the check-ins.
/// </summary>
public sealed class MultiHostResult
{
    public string Provider { get; set; } = string.Empty;

    public int Conversations { get; set; }

    public int Turns { get; set; }

    public double Seconds { get; set; }

    /// <summary>Conversations that did not move on exactly as answered (an answer lost, or taken twice).</summary>
    public int LostUpdates { get; set; }

    /// <summary>Double submits both instances took (must be 0).</summary>
    public int DoubleSubmitsTakenTwice { get; set; }

    /// <summary>Double submits where the slower instance asked for the answer again (the ETag refused its write).</summary>
    public int DoubleSubmitsRefused { get; set; }

    public int CheckInsBooked { get; set; }

    public int CheckInsDelivered { get; set; }

    public int DuplicateCheckIns { get; set; }

    /// <summary>Check-ins each instance's dispatcher sent (by the instance a delivery came from).</summary>
    public Dictionary<string, int> CheckInsByInstance { get; set; } = new();
}

/// <summary>How long a bot reply takes to reach a web page's open stream.</summary>
public sealed class StreamLatencyResult
{
    public string Setup { get; set; } = string.Empty;

    public int Replies { get; set; }

    /// <summary>From the moment the bot recorded its reply (the activity's timestamp) to its arrival on the socket.</summary>
    public double WrittenToSocketP50Ms { get; set; }

    public double WrittenToSocketP95Ms { get; set; }

    public double WrittenToSocketMaxMs { get; set; }

    /// <summary>From posting the message to the bot's reply arriving on the socket (the turn included).</summary>
    public double PostToReplyP50Ms { get; set; }

    public double PostToReplyP95Ms { get; set; }
}

public sealed record StoredRowResult(string Key, long Bytes);

public sealed class StateSizeResult
{
    public long BytesPerUser { get; set; }

    public List<StoredRowResult> Rows { get; set; } = new();
}

public sealed record MemorySample(int Conversations, double ResidentMb);

public sealed class MemoryResult
{
    public int Conversations { get; set; }

    public List<MemorySample> Samples { get; set; } = new();

    public double Seconds { get; set; }

    /// <summary>
    /// Least-squares growth of resident memory over the second half of the run, in MB per 1,000 finished
    /// conversations (the first half is the heap and caches filling up to their size).
    /// </summary>
    public double GrowthMbPerThousandSecondHalf { get; set; }

    /// <summary>Flat: under 1 MB per 1,000 conversations over the second half (noise from the GC's budget).</summary>
    public bool Flat => GrowthMbPerThousandSecondHalf < 1.0;

    public static double Slope(IReadOnlyList<MemorySample> samples)
    {
        var half = samples.Where(s => s.Conversations >= samples[^1].Conversations / 2).ToList();
        if (half.Count < 2)
        {
            return double.NaN;
        }

        var meanX = half.Average(s => (double)s.Conversations);
        var meanY = half.Average(s => s.ResidentMb);
        var num = half.Sum(s => (s.Conversations - meanX) * (s.ResidentMb - meanY));
        var den = half.Sum(s => (s.Conversations - meanX) * (s.Conversations - meanX));
        return den == 0 ? double.NaN : Math.Round(num / den * 1000, 2);
    }
}

public sealed class CheckInResult
{
    public int Due { get; set; }

    /// <summary>Check-ins the instance sent before the measured ones (not counted).</summary>
    public int WarmUp { get; set; }

    public int Delivered { get; set; }

    public double Seconds { get; set; }

    public double PerSecond { get; set; }

    public int TeamsTenants { get; set; }

    public int MaxRequestsPerTenantPerSecond { get; set; }

    public int MaxRequestsPerConversationPerSecond { get; set; }

    public int DuplicateCheckIns { get; set; }

    public Dictionary<string, string> Settings { get; set; } = new();
}
