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

public sealed record RunResult(string Bot, int Round, double TurnsPerSecond, int Turns, double P50Ms, double P95Ms, double P99Ms, double CpuMsPerTurn);

public sealed class LevelResult
{
    public int Concurrency { get; set; }

    public List<RunResult> Runs { get; set; } = new();

    public double EchoTurnsPerSecond { get; set; }

    public double StretchBotTurnsPerSecond { get; set; }

    public double Ratio { get; set; }

    public double EchoP50Ms { get; set; }

    public double EchoP95Ms { get; set; }

    public double EchoP99Ms { get; set; }

    public double StretchBotP50Ms { get; set; }

    public double StretchBotP95Ms { get; set; }

    public double StretchBotP99Ms { get; set; }

    public double EchoCpuMsPerTurn { get; set; }

    public double StretchBotCpuMsPerTurn { get; set; }
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
}

public sealed class CheckInResult
{
    public int Due { get; set; }

    public int Delivered { get; set; }

    public double Seconds { get; set; }

    public double PerSecond { get; set; }

    public int TeamsTenants { get; set; }

    public int MaxRequestsPerTenantPerSecond { get; set; }

    public int MaxRequestsPerConversationPerSecond { get; set; }

    public int DuplicateCheckIns { get; set; }

    public Dictionary<string, string> Settings { get; set; } = new();
}
