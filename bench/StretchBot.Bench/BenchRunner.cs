using System.Diagnostics;
using System.Globalization;

namespace StretchBot.Bench;

/// <summary>Runs every measurement in turn; each bot process gets a fresh database in a temporary folder.</summary>
public sealed class BenchRunner : IAsyncDisposable
{
    private readonly BenchOptions _options;
    private readonly TextWriter _log;
    private readonly string _work = Path.Combine(Path.GetTempPath(), "stretchbot-bench-" + Guid.NewGuid().ToString("N"));
    private FakeConnector? _connector;

    public BenchRunner(BenchOptions options, TextWriter log)
    {
        _options = options;
        _log = log;
        Directory.CreateDirectory(_work);
    }

    private string ServiceUrl => _connector!.ServiceUrl;

    public async Task<BenchResults> RunAsync(CancellationToken cancellationToken)
    {
        var results = new BenchResults { Label = _options.Label, StartedUtc = DateTimeOffset.UtcNow, Floor = _options.FloorName, BaselineDll = _options.BaselineDll };
        results.Machine.LoadBefore = MachineInfo.LoadAverage();
        _connector = await FakeConnector.StartAsync();

        // Cold starts, interleaved; the last pair stays up for the load runs.
        BotProcess? echo = null;
        BotProcess? stretch = null;
        try
        {
            for (var i = 0; i < _options.Starts; i++)
            {
                var last = i == _options.Starts - 1;
                foreach (var isEcho in i % 2 == 0 ? new[] { true, false } : new[] { false, true })
                {
                    var (bot, typed) = await ColdStartAsync(isEcho, $"start{i}", cancellationToken);
                    results.Startups.Add(new StartupResult(bot.Name, Round1(bot.StartupMilliseconds), typed is null ? null : Round1(typed.Value)));
                    _log.WriteLine($"  start-up {bot.Name} (process {bot.ProcessId}): first reply {bot.StartupMilliseconds:F0} ms{(typed is null ? string.Empty : $", first typed answer {typed:F0} ms")}");
                    if (last)
                    {
                        if (isEcho)
                        {
                            echo = bot;
                        }
                        else
                        {
                            stretch = bot;
                        }
                    }
                    else
                    {
                        await bot.DisposeAsync();
                    }
                }
            }

            if (_options.Runs("load"))
            {
                await WarmUpAsync(echo!, isEcho: WalksEcho, cancellationToken);
                await WarmUpAsync(stretch!, isEcho: false, cancellationToken);
                foreach (var level in _options.Levels)
                {
                    results.Levels.Add(await MeasureLevelAsync(echo!, stretch!, level, cancellationToken));
                }
            }

            if (_options.Runs("state"))
            {
                results.StateSize = await MeasureStateSizeAsync(stretch!, cancellationToken);
            }

            if (_options.Runs("memory"))
            {
                results.Memory = await MeasureMemoryAsync(stretch!, cancellationToken);
            }
        }
        finally
        {
            if (echo is not null)
            {
                await echo.DisposeAsync();
            }

            if (stretch is not null)
            {
                await stretch.DisposeAsync();
            }
        }

        if (_options.Runs("checkins"))
        {
            results.CheckIns = await MeasureCheckInsAsync(cancellationToken);
        }
        results.Machine.LoadAfter = MachineInfo.LoadAverage();
        return results;
    }

    public async ValueTask DisposeAsync()
    {
        if (_connector is not null)
        {
            await _connector.DisposeAsync();
        }

        try
        {
            Directory.Delete(_work, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private async Task<(BotProcess Bot, double? TypedMs)> ColdStartAsync(bool isEcho, string name, CancellationToken cancellationToken)
    {
        var bot = await StartAsync(isEcho, name, new Dictionary<string, string> { ["CheckIn__DispatcherEnabled"] = "false" }, cancellationToken);
        if (isEcho && WalksEcho)
        {
            return (bot, null);
        }

        // The first typed answer after start-up: the first turn that needs the recognizers.
        var walker = new ConversationWalker(bot.Http, ServiceUrl);
        var user = BenchUser.Web();
        var replies = await walker.SendAsync(ActivityShapes.ConversationStart(user, ServiceUrl), null, cancellationToken);
        double? typed = null;
        for (var i = 0; i <= ConversationScript.TypedStepIndex; i++)
        {
            replies = await walker.StepAsync(user, replies, ConversationScript.ToPlan[i], (s, e) =>
            {
                if (i == ConversationScript.TypedStepIndex)
                {
                    typed = LatencyStats.ToMilliseconds(s, e);
                }
            }, cancellationToken);
        }

        return (bot, typed);
    }

    private Task<BotProcess> StartAsync(bool isEcho, string name, Dictionary<string, string> settings, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(_work, (isEcho ? _options.FloorName + "-" : "stretchbot-") + name);
        Directory.CreateDirectory(folder);
        settings["Storage__ConnectionString"] = $"Data Source={Path.Combine(folder, "bench.db")}";
        if (!isEcho || !WalksEcho)
        {
            foreach (var (key, value) in _options.StretchBotEnvironment)
            {
                settings[key] = value;
            }
        }

        var dll = isEcho ? _options.BaselineDll ?? _options.EchoDll : _options.StretchBotDll;
        return BotProcess.StartAsync(isEcho ? _options.FloorName : "stretchbot", dll, settings, ServiceUrl, cancellationToken);
    }

    /// <summary>The first bot of each pair is the echo bot (walked with echo turns), not a baseline StretchBot.</summary>
    private bool WalksEcho => _options.BaselineDll is null;

    private static string DatabaseOf(string folder) => Path.Combine(folder, "bench.db");

    private async Task WarmUpAsync(BotProcess bot, bool isEcho, CancellationToken cancellationToken)
        => await LoadRun.RunAsync(bot, isEcho, 8, TimeSpan.FromSeconds(Math.Min(3, _options.Seconds)), ServiceUrl, cancellationToken);

    private async Task<LevelResult> MeasureLevelAsync(BotProcess echo, BotProcess stretch, int concurrency, CancellationToken cancellationToken)
    {
        var level = new LevelResult { Concurrency = concurrency };
        var duration = TimeSpan.FromSeconds(_options.Seconds);
        var floor = _options.FloorName;
        var all = new Dictionary<string, List<LatencyStats>> { [floor] = new(), ["stretchbot"] = new() };
        for (var round = 0; round < _options.Rounds; round++)
        {
            foreach (var bot in round % 2 == 0 ? new[] { echo, stretch } : new[] { stretch, echo })
            {
                var stats = await LoadRun.RunAsync(bot, bot == echo && WalksEcho, concurrency, duration, ServiceUrl, cancellationToken);
                all[bot.Name].Add(stats);
                level.Runs.Add(new RunResult(bot.Name, round, Round1(stats.TurnsPerSecond), stats.Turns, Round1(stats.P50), Round1(stats.P95), Round1(stats.P99), Math.Round(stats.CpuMsPerTurn, 2)));
                _log.WriteLine($"  {concurrency,3} concurrent, round {round + 1}, {bot.Name,-10}: {stats.TurnsPerSecond,7:F0} turns/s  p50 {stats.P50,6:F1}  p95 {stats.P95,6:F1}  p99 {stats.P99,6:F1} ms  CPU {stats.CpuMsPerTurn,5:F2} ms/turn  (load {MachineInfo.LoadAverage().Split(' ')[0]})");
            }
        }

        // Medians over the rounds.
        level.EchoTurnsPerSecond = Round1(Median(all[floor].Select(s => s.TurnsPerSecond)));
        level.StretchBotTurnsPerSecond = Round1(Median(all["stretchbot"].Select(s => s.TurnsPerSecond)));
        level.Ratio = Math.Round(level.StretchBotTurnsPerSecond / Math.Max(1e-9, level.EchoTurnsPerSecond), 3);
        level.EchoP50Ms = Round1(Median(all[floor].Select(s => s.P50)));
        level.EchoP95Ms = Round1(Median(all[floor].Select(s => s.P95)));
        level.EchoP99Ms = Round1(Median(all[floor].Select(s => s.P99)));
        level.StretchBotP50Ms = Round1(Median(all["stretchbot"].Select(s => s.P50)));
        level.StretchBotP95Ms = Round1(Median(all["stretchbot"].Select(s => s.P95)));
        level.StretchBotP99Ms = Round1(Median(all["stretchbot"].Select(s => s.P99)));
        level.EchoCpuMsPerTurn = Math.Round(Median(all[floor].Select(s => s.CpuMsPerTurn)), 2);
        level.StretchBotCpuMsPerTurn = Math.Round(Median(all["stretchbot"].Select(s => s.CpuMsPerTurn)), 2);
        return level;
    }

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

    private async Task<MemoryResult> MeasureMemoryAsync(BotProcess stretch, CancellationToken cancellationToken)
    {
        var total = _options.MemoryConversations;
        var result = new MemoryResult { Conversations = total };
        result.Samples.Add(new MemorySample(0, Round1(stretch.ResidentMegabytes())));
        var walker = new ConversationWalker(stretch.Http, ServiceUrl);
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
        _log.WriteLine($"  memory over {total} conversations ({result.Seconds:F0} s): {string.Join(", ", result.Samples.Select(s => $"{s.Conversations}: {s.ResidentMb:F0} MB"))}");
        return result;
    }

    private async Task<CheckInResult> MeasureCheckInsAsync(CancellationToken cancellationToken)
    {
        var due = _options.CheckIns;
        var teams = due / 5;
        var tenants = Math.Max(1, teams / 20);
        var result = new CheckInResult { Due = due, TeamsTenants = tenants };

        // Seed: real users walked to a plan with the check-in booked, their replies going to the fake connector.
        var settings = new Dictionary<string, string> { ["CheckIn__DispatcherEnabled"] = "false" };
        var folder = Path.Combine(_work, "stretchbot-checkins");
        await using (var seeder = await StartAsync(false, "checkins", settings, cancellationToken))
        {
            var walker = new ConversationWalker(seeder.Http, ServiceUrl);
            var next = -1;
            await Task.WhenAll(Enumerable.Range(0, Math.Min(32, due)).Select(async _ =>
            {
                int n;
                while ((n = Interlocked.Increment(ref next)) < due)
                {
                    var user = n < teams ? BenchUser.Teams($"11111111-0000-4000-8000-{n % tenants:D12}") : BenchUser.Web();
                    await walker.WalkToPlanAsync(user, null, cancellationToken, bookCheckIn: true);
                }
            }));
        }

        var made = StateSizeProbe.MakeCheckInsDue(DatabaseOf(folder));
        _connector!.Clear();
        var dispatch = new Dictionary<string, string>
        {
            ["CheckIn__DispatcherEnabled"] = "true",
            ["CheckIn__PollInterval"] = "00:00:01",
        };
        result.Settings = new Dictionary<string, string>(dispatch);
        var stopwatch = Stopwatch.StartNew();
        long windowEnd;
        await using (var dispatcher = await StartAsync(false, "checkins", dispatch, cancellationToken))
        {
            _log.WriteLine($"  dispatcher process {dispatcher.ProcessId} started");
            var cap = TimeSpan.FromSeconds(_options.CheckInSeconds);
            while (stopwatch.Elapsed < cap && DistinctConversations() < made)
            {
                await Task.Delay(50, cancellationToken);
            }

            windowEnd = Stopwatch.GetTimestamp();

            // Let anything in flight land, so duplicates would show.
            await Task.Delay(500, cancellationToken);
        }

        var messages = _connector.Messages.ToList();
        result.Delivered = messages.Select(m => m.ConversationId).Distinct().Count();
        if (messages.Count > 0)
        {
            var first = messages.Min(m => m.Timestamp);
            var last = messages.Max(m => m.Timestamp);
            // All delivered: first to last message. Not all within the time allowed: first message to the end of it.
            var seconds = Math.Max(((result.Delivered >= made ? last : windowEnd) - first) / (double)Stopwatch.Frequency, 1e-3);
            result.Seconds = Math.Round(seconds, 3);
            result.PerSecond = Round1(result.Delivered / seconds);
            result.MaxRequestsPerTenantPerSecond = MaxInAnySecond(messages.Where(m => m.TenantId is not null).GroupBy(m => m.TenantId!));
            result.MaxRequestsPerConversationPerSecond = MaxInAnySecond(messages.GroupBy(m => m.ConversationId));
            var perConversation = messages.GroupBy(m => m.ConversationId).Select(g => g.Count()).ToList();
            var usual = perConversation.GroupBy(c => c).OrderByDescending(g => g.Count()).First().Key;
            result.DuplicateCheckIns = perConversation.Count(c => c > usual);
        }

        _log.WriteLine($"  check-ins: {result.Delivered}/{made} delivered at {result.PerSecond:F0}/s; max {result.MaxRequestsPerTenantPerSecond} requests per tenant in a second, {result.DuplicateCheckIns} duplicates");
        return result;

        int DistinctConversations() => _connector.Messages.Select(m => m.ConversationId).Distinct().Count();
    }

    private static int MaxInAnySecond(IEnumerable<IGrouping<string, FakeConnector.Received>> groups)
    {
        var max = 0;
        foreach (var group in groups)
        {
            var times = group.Select(m => m.Timestamp).Order().ToArray();
            var start = 0;
            for (var end = 0; end < times.Length; end++)
            {
                while (times[end] - times[start] >= Stopwatch.Frequency)
                {
                    start++;
                }

                max = Math.Max(max, end - start + 1);
            }
        }

        return max;
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
