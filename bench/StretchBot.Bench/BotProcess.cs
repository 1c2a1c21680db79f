using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace StretchBot.Bench;

/// <summary>
/// A bot host started as its own process (dotnet Bot.dll), in Production, on a free loopback port, with the bench's
/// settings as environment variables. Start-up is timed from just before the process starts to the first reply.
/// </summary>
public sealed class BotProcess : IAsyncDisposable
{
    private readonly Process _process;

    private BotProcess(string name, Process process, Uri baseAddress, HttpClient http)
    {
        Name = name;
        _process = process;
        BaseAddress = baseAddress;
        Http = http;
    }

    public string Name { get; }

    public Uri BaseAddress { get; }

    public HttpClient Http { get; }

    public int ProcessId => _process.Id;

    /// <summary>From process start to the first reply of the bot, in milliseconds.</summary>
    public double StartupMilliseconds { get; private set; }

    /// <summary>CPU time the process has used so far (user + system, from /proc), in milliseconds.</summary>
    public double CpuMilliseconds()
    {
        var stat = File.ReadAllText($"/proc/{_process.Id}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], System.Globalization.CultureInfo.InvariantCulture) + long.Parse(fields[12], System.Globalization.CultureInfo.InvariantCulture);
        return ticks * 1000.0 / 100;
    }

    /// <summary>The process's resident memory right now, in MB (from /proc).</summary>
    public double ResidentMegabytes()
    {
        foreach (var line in File.ReadLines($"/proc/{_process.Id}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                var kb = long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
                return kb / 1024.0;
            }
        }

        return double.NaN;
    }

    public static async Task<BotProcess> StartAsync(string name, string dll, IReadOnlyDictionary<string, string> settings, string serviceUrl, CancellationToken cancellationToken)
    {
        if (!File.Exists(dll))
        {
            throw new BenchException($"{dll} is missing: build in Release first (./stretchbot.sh bench does).");
        }

        var port = FreePort();
        var baseAddress = new Uri($"http://127.0.0.1:{port}/");
        var directory = Path.GetDirectoryName(dll)!;

        // Like ./stretchbot.sh start: the project folder is the content root (appsettings.json, wwwroot), when there is one.
        var project = Path.GetFullPath(Path.Combine(directory, "..", "..", ".."));
        var contentRoot = File.Exists(Path.Combine(project, "appsettings.json")) ? project : directory;
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(baseAddress.ToString().TrimEnd('/'));
        start.ArgumentList.Add("--contentRoot");
        start.ArgumentList.Add(contentRoot);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }

        var http = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = int.MaxValue,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            UseProxy = false,
        })
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromMinutes(2),
        };

        var stopwatch = Stopwatch.StartNew();
        var process = Process.Start(start) ?? throw new BenchException($"Could not start {dll}.");
        // The bots' own logs are read and dropped (set STRETCHBOT_BENCH_LOGS=1 to see them).
        var show = Environment.GetEnvironmentVariable("STRETCHBOT_BENCH_LOGS") == "1";
        process.OutputDataReceived += (_, e) => { if (show && e.Data is not null) Console.Error.WriteLine($"[{name}] {e.Data}"); };
        process.ErrorDataReceived += (_, e) => { if (show && e.Data is not null) Console.Error.WriteLine($"[{name}] {e.Data}"); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var bot = new BotProcess(name, process, baseAddress, http);
        try
        {
            var walker = new ConversationWalker(http, serviceUrl);
            var user = BenchUser.Web();
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (process.HasExited)
                {
                    throw new BenchException($"{name} exited with code {process.ExitCode} during start-up.");
                }

                try
                {
                    var replies = await walker.SendAsync(ActivityShapes.ConversationStart(user, serviceUrl), null, cancellationToken);
                    if (replies.Count > 0)
                    {
                        break;
                    }
                }
                catch (HttpRequestException)
                {
                    // Not listening yet.
                }

                await Task.Delay(2, cancellationToken);
            }

            bot.StartupMilliseconds = stopwatch.Elapsed.TotalMilliseconds;
            return bot;
        }
        catch
        {
            await bot.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
