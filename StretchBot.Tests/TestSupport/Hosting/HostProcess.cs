using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using StretchBot.Tests.Teams;

namespace StretchBot.Tests.TestSupport;

/// <summary>
/// The real StretchBot host as a child process (the build's StretchBot.dll, Production environment, console logs
/// captured), on a free loopback port: stopped gracefully with SIGTERM as a service manager would, or killed outright.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<(string Text, TaskCompletionSource Seen)> _watches = [];

    private HostProcess(Process process, string baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
        Http = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(60) };
    }

    public string BaseUrl { get; }

    public HttpClient Http { get; }

    /// <summary>Everything the host wrote to its console so far.</summary>
    public string Output => string.Join('\n', _lines);

    public bool HasExited => _process.HasExited;

    /// <summary>Starts the host with these settings (configuration keys, e.g. "CheckIn:Interval") and waits until it serves requests.</summary>
    public static async Task<HostProcess> StartAsync(IReadOnlyDictionary<string, string?> settings, IReadOnlyDictionary<string, string>? environment = null)
    {
        var baseUrl = $"http://127.0.0.1:{FreePort()}";
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepositoryFiles.Combine("StretchBot"),
        };
        foreach (var argument in new[] { HostAssembly(), "--urls", baseUrl, "--contentRoot", RepositoryFiles.Combine("StretchBot") })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["Logging__Console__FormatterName"] = "simple";
        start.Environment["Logging__Console__FormatterOptions__SingleLine"] = "true";
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value ?? string.Empty;
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var host = new HostProcess(new Process { StartInfo = start, EnableRaisingEvents = true }, baseUrl);
        host._process.OutputDataReceived += (_, e) => host.Receive(e.Data);
        host._process.ErrorDataReceived += (_, e) => host.Receive(e.Data);
        host._process.Exited += (_, _) => host._started.TrySetException(new InvalidOperationException("The host exited before it started:\n" + host.Output));
        host._process.Start();
        host._process.BeginOutputReadLine();
        host._process.BeginErrorReadLine();
        await host._started.Task.WaitAsync(TimeSpan.FromSeconds(120));
        return host;
    }

    /// <summary>Sends SIGTERM, as a service manager or container runtime does, without waiting: the host begins its graceful stop.</summary>
    public void BeginTerminate()
    {
        if (SendSignal(_process.Id, SigTerm) != 0)
        {
            throw new InvalidOperationException($"kill({_process.Id}, SIGTERM) failed with errno {Marshal.GetLastPInvokeError()}.");
        }
    }

    public Task WaitForExitAsync() => _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(120));

    /// <summary>kill -9: no shutdown at all, as in a power cut or an out-of-memory kill.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        if (!_process.HasExited)
        {
            await KillAsync();
        }

        _process.Dispose();
    }

    /// <summary>Completes when the host writes a line containing <paramref name="text"/> (or has already written one).</summary>
    public Task WaitForOutputAsync(string text, TimeSpan timeout)
    {
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_watches)
        {
            if (_lines.Any(l => l.Contains(text, StringComparison.Ordinal)))
            {
                return Task.CompletedTask;
            }

            _watches.Add((text, seen));
        }

        return seen.Task.WaitAsync(timeout);
    }

    private void Receive(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_watches)
        {
            _lines.Enqueue(line);
            foreach (var watch in _watches.Where(w => line.Contains(w.Text, StringComparison.Ordinal)).ToList())
            {
                watch.Seen.TrySetResult();
                _watches.Remove(watch);
            }
        }

        if (line.Contains("Application started", StringComparison.Ordinal))
        {
            _started.TrySetResult();
        }
    }

    private static string HostAssembly()
    {
        // The same configuration and framework as the tests themselves (bin/<Configuration>/<tfm>/).
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var path = RepositoryFiles.Combine("StretchBot", "bin", output.Parent!.Name, output.Name, "StretchBot.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException("Build the solution first: the host is not at " + path);
    }

    private const int SigTerm = 15;

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int processId, int signal);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
