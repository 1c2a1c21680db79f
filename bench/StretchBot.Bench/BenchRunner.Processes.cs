namespace StretchBot.Bench;

/// <summary>Starting the bots: cold starts (timed to the first reply) and the processes each run needs.</summary>
public sealed partial class BenchRunner
{
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

    /// <summary>A bot process: the echo bot, StretchBot on a SQLite file of its own, or (with a connection string) StretchBot on PostgreSQL.</summary>
    private Task<BotProcess> StartAsync(bool isEcho, string name, Dictionary<string, string> settings, CancellationToken cancellationToken, string? postgres = null)
    {
        var folder = Path.Combine(_work, (isEcho ? _options.FloorName + "-" : "stretchbot-") + name);
        Directory.CreateDirectory(folder);
        settings.TryAdd("Storage__ConnectionString", $"Data Source={Path.Combine(folder, "bench.db")}");
        if (postgres is not null)
        {
            settings["Storage__Provider"] = "PostgreSQL";
            settings["Storage__ConnectionString"] = postgres;
        }

        // --stretchbot-env is for the StretchBot under test only (not a baseline build), so a setting can be A/B'd.
        if (!isEcho)
        {
            foreach (var (key, value) in _options.StretchBotEnvironment)
            {
                settings[key] = value;
            }
        }

        var display = isEcho ? _options.FloorName : postgres is null ? "stretchbot" : "stretchbot-pg";
        return BotProcess.StartAsync(display, isEcho ? _options.BaselineDll ?? _options.EchoDll : _options.StretchBotDll, settings, ServiceUrl, cancellationToken);
    }

    /// <summary>Two StretchBot instances on one database (SQLite: one file; PostgreSQL: one database), with these settings.</summary>
    private async Task<(BotProcess A, BotProcess B)> StartPairAsync(string provider, string name, Dictionary<string, string> settings, CancellationToken cancellationToken)
    {
        string? postgres = null;
        if (provider == "PostgreSQL")
        {
            postgres = await _postgres!.NewDatabaseAsync(name, cancellationToken);
        }
        else
        {
            settings["Storage__ConnectionString"] = $"Data Source={Path.Combine(_work, "pair-" + name + ".db")}";
        }

        var a = await StartAsync(false, name + "-a", new Dictionary<string, string>(settings), cancellationToken, postgres);
        try
        {
            return (a, await StartAsync(false, name + "-b", new Dictionary<string, string>(settings), cancellationToken, postgres));
        }
        catch
        {
            await a.DisposeAsync();
            throw;
        }
    }

    /// <summary>The first bot of each pair is the echo bot (walked with echo turns), not a baseline StretchBot.</summary>
    private bool WalksEcho => _options.BaselineDll is null;

    private static string DatabaseOf(string folder) => Path.Combine(folder, "bench.db");
}
