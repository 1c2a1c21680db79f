using System.Globalization;

namespace StretchBot.Bench;

/// <summary>What to run; from the command line (see <see cref="Usage"/>).</summary>
public sealed class BenchOptions
{
    public const string Usage = """
        usage: StretchBot.Bench [--seconds N] [--rounds N] [--levels 1,8,64] [--starts N] [--memory-conversations N]
                                [--checkins N] [--checkin-warmup N] [--checkin-seconds N] [--multihost-conversations N] [--stream-messages N]
                                [--postgres CONNECTION] [--out FILE] [--label TEXT] [--quick] [--stretchbot DLL] [--echo DLL]
          --seconds     length of each measured run (default 10)
          --rounds      A/B rounds per concurrency level, the order alternating (default 3)
          --levels      concurrent conversations (default 1,8,64)
          --starts      cold starts of each bot, interleaved (default 11: on this 2-core host single starts of either bot spread over
                        ±60 ms, and the median of 7 still moved by a tenth between runs of the same code)
          --memory-conversations  finished conversations for the memory run (default 10000)
          --checkins    due check-ins for the dispatcher run, a fifth of them Teams users 100 per tenant (default 3000)
          --checkin-warmup  web check-ins the dispatching instance sends first, not counted (default 10000: about
                        the load run's 10 s warm-up, after which the hot paths are compiled)
          --multihost-conversations  conversations walked with turns alternating between two instances (default 1000)
          --stream-messages  messages whose replies are timed onto a web page's stream, per setup (default 100)
          --postgres    an Npgsql connection string of a server where the bench may create databases: StretchBot on
                        PostgreSQL is then measured beside StretchBot on SQLite (./stretchbot.sh bench passes one)
          --only        one part: startup, load, state, memory, checkins, multihost or stream (start-up always runs; it
                        starts the bots)
          --quick       a smoke run: 1 s runs, 1 round, level 1, 20 conversations, 20 check-ins
          --baseline DLL  A/B two StretchBot builds: a StretchBot.dll built from other code takes the echo bot's place
                        (named "baseline", walked to the plan like StretchBot), to measure a change
        """;

    public double Seconds { get; set; } = 10;

    public int Rounds { get; set; } = 3;

    public int[] Levels { get; set; } = [1, 8, 64];

    public int Starts { get; set; } = 11;

    public int MemoryConversations { get; set; } = 10_000;

    public int CheckIns { get; set; } = 3000;

    public int CheckInWarmUp { get; set; } = 10_000;

    public double CheckInSeconds { get; set; } = 30;

    public int MultiHostConversations { get; set; } = 1000;

    public int StreamMessages { get; set; } = 100;

    /// <summary>A PostgreSQL server for StretchBot on PostgreSQL (null: SQLite only).</summary>
    public string? Postgres { get; set; }

    public string Output { get; set; } = Path.Combine("artifacts", "bench", "latest.json");

    public string Label { get; set; } = string.Empty;

    /// <summary>Run only this part (null: all).</summary>
    public string? Only { get; set; }

    public bool Runs(string part) => Only is null || string.Equals(Only, part, StringComparison.OrdinalIgnoreCase);

    public string StretchBotDll { get; set; } = string.Empty;

    /// <summary>Extra environment for the StretchBot processes (KEY=VALUE), for experiments.</summary>
    public Dictionary<string, string> StretchBotEnvironment { get; } = new();

    public string EchoDll { get; set; } = string.Empty;

    /// <summary>A StretchBot build to compare with, in the echo bot's place (null: the echo bot).</summary>
    public string? BaselineDll { get; set; }

    /// <summary>What the first bot of each pair is called: the echo bot, or the baseline StretchBot build.</summary>
    public string FloorName => BaselineDll is null ? "echo" : "baseline";

    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions();
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new BenchException($"{args[i]} needs a value.\n{Usage}");
            switch (args[i])
            {
                case "--seconds": options.Seconds = double.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--rounds": options.Rounds = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--levels": options.Levels = Next().Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray(); break;
                case "--starts": options.Starts = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--memory-conversations": options.MemoryConversations = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--checkins": options.CheckIns = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--checkin-warmup": options.CheckInWarmUp = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--checkin-seconds": options.CheckInSeconds = double.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--multihost-conversations": options.MultiHostConversations = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--stream-messages": options.StreamMessages = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--postgres": options.Postgres = Next(); break;
                case "--out": options.Output = Next(); break;
                case "--label": options.Label = Next(); break;
                case "--only": options.Only = Next(); break;
                case "--stretchbot": options.StretchBotDll = Next(); break;
                case "--stretchbot-env":
                    var pair = Next().Split('=', 2);
                    options.StretchBotEnvironment[pair[0]] = pair.Length > 1 ? pair[1] : string.Empty;
                    break;
                case "--echo": options.EchoDll = Next(); break;
                case "--baseline": options.BaselineDll = Path.GetFullPath(Next()); break;
                case "--quick":
                    options.Seconds = 1;
                    options.Rounds = 1;
                    options.Levels = [1];
                    options.Starts = 1;
                    options.MemoryConversations = 20;
                    options.CheckIns = 20;
                    options.CheckInWarmUp = 5;
                    options.CheckInSeconds = 20;
                    options.MultiHostConversations = 20;
                    options.StreamMessages = 10;
                    break;
                case "--help" or "-h": throw new BenchException(Usage);
                default: throw new BenchException($"Unknown option {args[i]}.\n{Usage}");
            }
        }

        var root = RepositoryRoot();
        if (string.IsNullOrEmpty(options.StretchBotDll))
        {
            options.StretchBotDll = Path.Combine(root, "StretchBot", "bin", "Release", "net10.0", "StretchBot.dll");
        }

        if (string.IsNullOrEmpty(options.EchoDll))
        {
            options.EchoDll = Path.Combine(root, "bench", "EchoBot", "bin", "Release", "net10.0", "EchoBot.dll");
        }

        return options;
    }

    /// <summary>The folder holding StretchBot.sln, found upwards from the working directory or this program.</summary>
    public static string RepositoryRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "StretchBot.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new BenchException("Run the bench inside the StretchBot repository (StretchBot.sln not found).");
    }
}
