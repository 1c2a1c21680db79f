using System.Diagnostics;
using System.Globalization;

namespace StretchBot.Bench;

/// <summary>Runs every measurement in turn; each bot process gets a fresh database in a temporary folder.</summary>
public sealed partial class BenchRunner : IAsyncDisposable
{
    private readonly BenchOptions _options;
    private readonly TextWriter _log;
    private readonly string _work = Path.Combine(Path.GetTempPath(), "stretchbot-bench-" + Guid.NewGuid().ToString("N"));
    private readonly BenchPostgres? _postgres;
    private FakeConnector? _connector;

    public BenchRunner(BenchOptions options, TextWriter log)
    {
        _options = options;
        _log = log;
        _postgres = options.Postgres is null ? null : new BenchPostgres(options.Postgres);
        Directory.CreateDirectory(_work);
    }

    private string ServiceUrl => _connector!.ServiceUrl;

    public async Task<BenchResults> RunAsync(CancellationToken cancellationToken)
    {
        var results = new BenchResults { Label = _options.Label, StartedUtc = DateTimeOffset.UtcNow, Floor = _options.FloorName, BaselineDll = _options.BaselineDll };
        results.Machine.LoadBefore = MachineInfo.LoadAverage();
        _connector = await FakeConnector.StartAsync();
        await RunOnTheStartedBotsAsync(results, cancellationToken);
        await RunOnBotsOfTheirOwnAsync(results, cancellationToken);
        results.Machine.LoadAfter = MachineInfo.LoadAverage();
        return results;
    }

    /// <summary>Cold starts, then the load, state and memory runs on the last pair started (and StretchBot on PostgreSQL).</summary>
    private async Task RunOnTheStartedBotsAsync(BenchResults results, CancellationToken cancellationToken)
    {
        var kept = new List<BotProcess>();
        try
        {
            var (echo, stretch) = await ColdStartsAsync(results, kept, cancellationToken);
            if (_options.Runs("load"))
            {
                await RunLoadAsync(results, echo, stretch, kept, cancellationToken);
            }

            if (_options.Runs("state"))
            {
                results.StateSize = await MeasureStateSizeAsync(stretch, cancellationToken);
            }

            if (_options.Runs("memory"))
            {
                results.Memory = await MemoryRun.RunAsync(stretch, _options.MemoryConversations, ServiceUrl, _log, cancellationToken);
            }
        }
        finally
        {
            foreach (var bot in kept)
            {
                await bot.DisposeAsync();
            }
        }
    }

    /// <summary>Cold starts of both bots, interleaved; the last pair stays up (in <paramref name="kept"/>) for the runs after.</summary>
    private async Task<(BotProcess Echo, BotProcess Stretch)> ColdStartsAsync(BenchResults results, List<BotProcess> kept, CancellationToken cancellationToken)
    {
        BotProcess? echo = null;
        BotProcess? stretch = null;
        for (var i = 0; i < _options.Starts; i++)
        {
            var last = i == _options.Starts - 1;
            foreach (var isEcho in i % 2 == 0 ? new[] { true, false } : new[] { false, true })
            {
                var (bot, typed) = await ColdStartAsync(isEcho, $"start{i}", cancellationToken);
                results.Startups.Add(new StartupResult(bot.Name, Round1(bot.StartupMilliseconds), typed is null ? null : Round1(typed.Value)));
                _log.WriteLine($"  start-up {bot.Name} (process {bot.ProcessId}): first reply {bot.StartupMilliseconds:F0} ms{(typed is null ? string.Empty : $", first typed answer {typed:F0} ms")}");
                if (!last)
                {
                    await bot.DisposeAsync();
                    continue;
                }

                kept.Add(bot);
                (echo, stretch) = isEcho ? (bot, stretch) : (echo, bot);
            }
        }

        return (echo!, stretch!);
    }

    /// <summary>The load rounds at each level, with StretchBot on PostgreSQL (on a database of its own) in the same rounds.</summary>
    private async Task RunLoadAsync(BenchResults results, BotProcess echo, BotProcess stretch, List<BotProcess> kept, CancellationToken cancellationToken)
    {
        var postgres = _postgres is null ? null : await StartAsync(false, "load", new Dictionary<string, string> { ["CheckIn__DispatcherEnabled"] = "false" }, cancellationToken, await _postgres.NewDatabaseAsync("load", cancellationToken));
        if (postgres is not null)
        {
            kept.Add(postgres);
            results.Startups.Add(new StartupResult(postgres.Name, Round1(postgres.StartupMilliseconds), null));
            _log.WriteLine($"  start-up {postgres.Name} (process {postgres.ProcessId}): first reply {postgres.StartupMilliseconds:F0} ms");
        }

        var bots = new[] { echo, stretch, postgres }.OfType<BotProcess>().ToList();
        foreach (var bot in bots)
        {
            await WarmUpAsync(bot, isEcho: bot == echo && WalksEcho, cancellationToken);
        }

        foreach (var level in _options.Levels)
        {
            results.Levels.Add(await MeasureLevelAsync(bots, level, cancellationToken));
        }
    }

    /// <summary>The check-in, two-instance and stream runs, each starting the StretchBot processes it needs.</summary>
    private async Task RunOnBotsOfTheirOwnAsync(BenchResults results, CancellationToken cancellationToken)
    {
        if (_options.Runs("checkins"))
        {
            var run = new CheckInRun(_options, _connector!, (name, settings, ct) => StartAsync(false, name, settings, ct), DatabaseOf(Path.Combine(_work, "stretchbot-checkins")), _log);
            results.CheckIns = await run.RunAsync(cancellationToken);
        }

        var providers = _postgres is null ? new[] { "SQLite" } : new[] { "SQLite", "PostgreSQL" };
        if (_options.Runs("multihost"))
        {
            var run = new MultiHostRun(_options, _connector, StartPairAsync, _log);
            foreach (var provider in providers)
            {
                results.MultiHost.Add(await run.RunAsync(provider, cancellationToken));
            }
        }

        if (_options.Runs("stream"))
        {
            var run = new StreamLatencyRun(_options, StartPairAsync, _log);
            foreach (var provider in providers)
            {
                results.Streams.AddRange(await run.RunAsync(provider, cancellationToken));
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_connector is not null)
        {
            await _connector.DisposeAsync();
        }

        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }

        if (Environment.GetEnvironmentVariable("STRETCHBOT_BENCH_KEEP") == "1")
        {
            _log.WriteLine($"  kept the bots' folders and databases in {_work}");
            return;
        }

        try
        {
            Directory.Delete(_work, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>Until tiered JIT has compiled the hot paths (3 s was too short on a busy 2-core machine: the first measured round ran up to 3x the CPU per turn of later ones).</summary>
    private async Task WarmUpAsync(BotProcess bot, bool isEcho, CancellationToken cancellationToken)
        => await LoadRun.RunAsync(bot, isEcho, 8, TimeSpan.FromSeconds(Math.Clamp(_options.Seconds, 3, 10)), ServiceUrl, cancellationToken);

    private async Task<LevelResult> MeasureLevelAsync(IReadOnlyList<BotProcess> bots, int concurrency, CancellationToken cancellationToken)
    {
        var duration = TimeSpan.FromSeconds(_options.Seconds);
        var all = bots.ToDictionary(b => b.Name, _ => new List<LatencyStats>());
        var runs = new List<RunResult>();
        for (var round = 0; round < _options.Rounds; round++)
        {
            foreach (var bot in round % 2 == 0 ? bots : bots.Reverse())
            {
                Func<double>? server = bot.Name == "stretchbot-pg" ? BenchPostgres.ServerCpuMilliseconds : null;
                var stats = await LoadRun.RunAsync(bot, bot.Name == _options.FloorName && WalksEcho, concurrency, duration, ServiceUrl, cancellationToken, server);
                all[bot.Name].Add(stats);
                runs.Add(new RunResult(bot.Name, round, Round1(stats.TurnsPerSecond), stats.Turns, Round1(stats.P50), Round1(stats.P95), Round1(stats.P99), Math.Round(stats.CpuMsPerTurn, 2), Math.Round(stats.ServerCpuMsPerTurn, 2), Math.Round(stats.ClientCpuMsPerTurn, 3)));
                var serverCpu = server is null ? string.Empty : $" + database server {stats.ServerCpuMsPerTurn,5:F2}";
                _log.WriteLine($"  {concurrency,3} concurrent, round {round + 1}, {bot.Name,-13}: {stats.TurnsPerSecond,7:F0} turns/s  p50 {stats.P50,6:F1}  p95 {stats.P95,6:F1}  p99 {stats.P99,6:F1} ms  CPU {stats.CpuMsPerTurn,5:F2}{serverCpu} ms/turn, client {stats.ClientCpuMsPerTurn,5:F3}  (load {MachineInfo.LoadAverage().Split(' ')[0]})");
            }
        }

        // Medians over the rounds.
        var level = new LevelResult { Concurrency = concurrency, Runs = runs };
        level.Echo = Summary(all[_options.FloorName]);
        level.StretchBot = Summary(all["stretchbot"]);
        level.Ratio = Math.Round(level.StretchBot.TurnsPerSecond / Math.Max(1e-9, level.Echo.TurnsPerSecond), 3);
        if (all.TryGetValue("stretchbot-pg", out var postgres))
        {
            level.StretchBotPostgres = Summary(postgres);
            level.PostgresToSqlite = Math.Round(level.StretchBotPostgres.TurnsPerSecond / Math.Max(1e-9, level.StretchBot.TurnsPerSecond), 3);
        }

        return level;
    }

    private static BotLevelSummary Summary(List<LatencyStats> runs) => new()
    {
        TurnsPerSecond = Round1(Median(runs.Select(s => s.TurnsPerSecond))),
        P50Ms = Round1(Median(runs.Select(s => s.P50))),
        P95Ms = Round1(Median(runs.Select(s => s.P95))),
        P99Ms = Round1(Median(runs.Select(s => s.P99))),
        CpuMsPerTurn = Math.Round(Median(runs.Select(s => s.CpuMsPerTurn)), 2),
        ServerCpuMsPerTurn = Math.Round(Median(runs.Select(s => s.ServerCpuMsPerTurn)), 2),
        ClientCpuMsPerTurn = Math.Round(Median(runs.Select(s => s.ClientCpuMsPerTurn)), 3),
    };

    private async Task<StateSizeResult> MeasureStateSizeAsync(BotProcess stretch, CancellationToken cancellationToken)
    {
        var user = BenchUser.Teams(LoadRun.TenantFor(0));
        await new ConversationWalker(stretch.Http, ServiceUrl).WalkToPlanAsync(user, null, cancellationToken);
        var folder = Path.Combine(_work, "stretchbot-start" + (_options.Starts - 1));
        var rows = StateSizeProbe.StateRows(DatabaseOf(folder), user);
        var result = new StateSizeResult
        {
            BytesPerUser = rows.Sum(r => r.Bytes),
            Rows = rows.Select(r => new StoredRowResult(Shorten(r.Key, user), r.Bytes)).ToList(),
        };
        _log.WriteLine($"  state per Teams user after a plan: {result.BytesPerUser} bytes ({string.Join(", ", result.Rows.Select(r => $"{r.Key} {r.Bytes}"))})");
        return result;
    }

    private static string Shorten(string key, BenchUser user)
        => key.Replace(user.ConversationId, "<a:1...>", StringComparison.Ordinal).Replace(user.AadObjectId ?? user.UserId, "<aadObjectId>", StringComparison.Ordinal);

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted[sorted.Length / 2];
    }

    private static double Round1(double value) => Math.Round(value, 1);
}
