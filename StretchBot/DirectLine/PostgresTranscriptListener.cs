using System.Globalization;
using Npgsql;
using StretchBot.Storage.Postgres;

namespace StretchBot.DirectLine;

/// <summary>
/// Holds one connection to PostgreSQL with <c>LISTEN</c> on the transcript channel and passes every announced append
/// ("seq|conversation id", sent by <see cref="PostgresTranscriptStore"/> at commit, from any instance) to this
/// instance's <see cref="TranscriptFeed"/>. When the connection drops it reconnects with backoff and then wakes every
/// open stream once, so an append announced meanwhile is still read.
/// </summary>
public sealed class PostgresTranscriptListener : ITranscriptChangeSource
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    private readonly PostgresDatabase _database;
    private readonly TimeProvider _time;
    private readonly ILogger<PostgresTranscriptListener> _logger;
    private volatile bool _connected;

    public PostgresTranscriptListener(PostgresDatabase database, TimeProvider time, ILogger<PostgresTranscriptListener> logger)
    {
        _database = database;
        _time = time;
        _logger = logger;
    }

    public bool IsConnected => _connected;

    public async Task RunAsync(TranscriptFeed feed, CancellationToken stoppingToken)
    {
        ArgumentNullException.ThrowIfNull(feed);

        // Its own connection, outside the pool: it is held for the life of the host and never reset.
        var connectionString = new NpgsqlConnectionStringBuilder(_database.ConnectionString) { Pooling = false, KeepAlive = 30 }.ConnectionString;
        var backoff = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                connection.Notification += (_, e) => Relay(feed, e.Payload);
                await connection.OpenAsync(stoppingToken).ConfigureAwait(false);
                await using (var listen = new NpgsqlCommand($"LISTEN \"{_database.NotificationChannel}\";", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken).ConfigureAwait(false);
                }

                _connected = true;
                backoff = TimeSpan.FromSeconds(1);
                feed.NotifyAll();
                while (true)
                {
                    await connection.WaitAsync(stoppingToken).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (exception is NpgsqlException or System.Net.Sockets.SocketException or IOException or TimeoutException)
            {
                _connected = false;
                _logger.ListenerLost(exception.GetType().Name, backoff);
                await Task.Delay(backoff, _time, stoppingToken).ConfigureAwait(false);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
            }
            finally
            {
                _connected = false;
            }
        }
    }

    private static void Relay(TranscriptFeed feed, string payload)
    {
        var bar = payload.IndexOf('|', StringComparison.Ordinal);
        if (bar > 0 && long.TryParse(payload.AsSpan(0, bar), NumberStyles.None, CultureInfo.InvariantCulture, out var seq))
        {
            feed.Notify(payload[(bar + 1)..], seq);
        }
    }
}
