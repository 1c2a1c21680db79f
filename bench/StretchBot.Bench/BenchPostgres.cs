using System.Globalization;
using Npgsql;

namespace StretchBot.Bench;

/// <summary>
/// The PostgreSQL server the bench measures StretchBot on: a database of its own for every bot process (or pair of
/// processes that share one), dropped at the end, and the CPU the server's processes on this machine use.
/// </summary>
public sealed class BenchPostgres : IAsyncDisposable
{
    private readonly string _server;
    private readonly List<string> _databases = [];

    public BenchPostgres(string serverConnectionString)
    {
        _server = serverConnectionString;
    }

    /// <summary>A new, empty database; returns the connection string a bot uses for it.</summary>
    public async Task<string> NewDatabaseAsync(string name, CancellationToken cancellationToken)
    {
        var database = $"stretchbot_bench_{name.Replace('-', '_')}_{Guid.NewGuid().ToString("N")[..8]}";
        await ExecuteAsync($"CREATE DATABASE {database};", cancellationToken);
        _databases.Add(database);
        return new NpgsqlConnectionStringBuilder(_server) { Database = database }.ConnectionString;
    }

    /// <summary>CPU time (user + system) of every PostgreSQL server process on this machine so far, in milliseconds.</summary>
    public static double ServerCpuMilliseconds()
    {
        double total = 0;
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            try
            {
                if (!int.TryParse(Path.GetFileName(folder), out _) || File.ReadAllText(Path.Combine(folder, "comm")).Trim() != "postgres")
                {
                    continue;
                }

                var stat = File.ReadAllText(Path.Combine(folder, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                total += (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) * 1000.0 / 100;
            }
            catch (IOException)
            {
                // The process ended meanwhile.
            }
        }

        return total;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var database in _databases)
        {
            await ExecuteAsync($"DROP DATABASE IF EXISTS {database} WITH (FORCE);", CancellationToken.None);
        }
    }

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(_server);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
