using System.Diagnostics;

namespace StretchBot.Bench;

/// <summary>Starts a StretchBot process with these settings, in its own folder (named after <paramref name="name"/>).</summary>
public delegate Task<BotProcess> StartBot(string name, Dictionary<string, string> settings, CancellationToken cancellationToken);

/// <summary>
/// Check-ins per second from the real dispatcher into the fake connector: users are walked to a plan with the check-in
/// booked (a fifth of them Teams users, 100 per tenant: twice Teams' 50 messages per second per tenant, so the tenant limit
/// has to hold), and a fresh instance with the dispatcher on sends them. As the load run warms each bot up for 10 s before
/// it measures, the instance first sends a warm-up set of web check-ins (not counted; 10,000 by default, about 10 s of
/// sending: a new process is still compiling its hot paths for that long); then the measured check-ins are made due at
/// once. Counted: the rate, the most messages into one tenant and one conversation in any one-second window, and
/// duplicates. With 100 users per tenant each tenant needs at least a second, so the default of 3,000 due (6 tenants)
/// leaves the rate to the dispatcher, not to that floor.
/// </summary>
public sealed class CheckInRun(BenchOptions options, FakeConnector connector, StartBot start, string databasePath, TextWriter log)
{
    /// <summary>The tenant limit the run sets (StretchBot's default, Teams' published limit).</summary>
    public const string TenantLimit = "50/00:00:01";

    private const string Name = "checkins";

    // Web users whose check-ins warm the dispatching instance up: their conversation ids end with this.
    private const string WarmUpSuffix = "-warmup";

    public async Task<CheckInResult> RunAsync(CancellationToken cancellationToken)
    {
        var due = options.CheckIns;
        var teams = due / 5;
        var result = new CheckInResult { Due = due, WarmUp = options.CheckInWarmUp, TeamsTenants = Math.Max(1, teams / 100) };
        await SeedAsync(due, teams, result.TeamsTenants, cancellationToken);

        var dispatch = new Dictionary<string, string>
        {
            ["CheckIn__DispatcherEnabled"] = "true",
            ["CheckIn__PollInterval"] = "00:00:01",
            ["CheckIn__TenantRateLimits"] = TenantLimit,
        };
        result.Settings = new Dictionary<string, string>(dispatch);
        await using var dispatcher = await start(Name, dispatch, cancellationToken);
        log.WriteLine($"  dispatcher process {dispatcher.ProcessId} started");

        var warm = StateSizeProbe.MakeCheckInsDue(databasePath, WarmUpSuffix, matching: true);
        connector.Clear();
        await WaitForAsync(warm, cancellationToken);
        log.WriteLine($"  warm-up: {Distinct(connector.Messages)}/{warm} check-ins delivered");

        await Task.Delay(500, cancellationToken); // the warm-up's stragglers land before the count starts
        connector.Clear();
        var made = StateSizeProbe.MakeCheckInsDue(databasePath, WarmUpSuffix, matching: false);
        var windowEnd = await WaitForAsync(made, cancellationToken);

        // Let anything in flight land, so duplicates would show.
        await Task.Delay(500, cancellationToken);
        Summarise(result, made, windowEnd);
        log.WriteLine($"  check-ins: {result.Delivered}/{made} delivered at {result.PerSecond:F0}/s; max {result.MaxRequestsPerTenantPerSecond} requests per tenant in a second, {result.DuplicateCheckIns} duplicates");
        return result;
    }

    /// <summary>Real users walked to a plan with the check-in booked, their replies going to the fake connector.</summary>
    private async Task SeedAsync(int due, int teams, int tenants, CancellationToken cancellationToken)
    {
        await using var seeder = await start(Name, new Dictionary<string, string> { ["CheckIn__DispatcherEnabled"] = "false" }, cancellationToken);
        var walker = new ConversationWalker(seeder.Http, connector.ServiceUrl);
        var total = due + options.CheckInWarmUp;
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, Math.Min(32, total)).Select(async _ =>
        {
            int n;
            while ((n = Interlocked.Increment(ref next)) < total)
            {
                var user = n >= due ? BenchUser.Web(WarmUpSuffix)
                    : n < teams ? BenchUser.Teams($"11111111-0000-4000-8000-{n % tenants:D12}")
                    : BenchUser.Web();
                await walker.WalkToPlanAsync(user, null, cancellationToken, bookCheckIn: true);
            }
        }));
    }

    /// <summary>Waits until this many conversations got a check-in or the time allowed is over; returns when that was.</summary>
    private async Task<long> WaitForAsync(int count, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var cap = TimeSpan.FromSeconds(options.CheckInSeconds);
        while (stopwatch.Elapsed < cap && Distinct(connector.Messages) < count)
        {
            await Task.Delay(50, cancellationToken);
        }

        return Stopwatch.GetTimestamp();
    }

    private static int Distinct(IEnumerable<FakeConnector.Received> messages) => messages.Select(m => m.ConversationId).Distinct().Count();

    private void Summarise(CheckInResult result, int made, long windowEnd)
    {
        var messages = connector.Messages.ToList();
        result.Delivered = messages.Select(m => m.ConversationId).Distinct().Count();
        if (messages.Count == 0)
        {
            return;
        }

        var first = messages.Min(m => m.Timestamp);
        var last = messages.Max(m => m.Timestamp);
        // All delivered: first to last message. Not all within the time allowed: first message to the end of it.
        var seconds = Math.Max(((result.Delivered >= made ? last : windowEnd) - first) / (double)Stopwatch.Frequency, 1e-3);
        result.Seconds = Math.Round(seconds, 3);
        result.PerSecond = Math.Round(result.Delivered / seconds, 1);
        result.MaxRequestsPerTenantPerSecond = MaxInAnySecond(messages.Where(m => m.TenantId is not null).GroupBy(m => m.TenantId!));
        result.MaxRequestsPerConversationPerSecond = MaxInAnySecond(messages.GroupBy(m => m.ConversationId));
        result.DuplicateCheckIns = FakeConnector.ConversationsAboveUsualCount(messages);
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
}
