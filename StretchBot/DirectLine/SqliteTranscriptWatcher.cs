using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using StretchBot.Storage;
using StretchBot.Storage.Sqlite;

namespace StretchBot.DirectLine;

/// <summary>
/// SQLite's stand-in for LISTEN/NOTIFY, for instances that are several processes on one host sharing the file. While a
/// web page's stream is open here, every <see cref="StorageOptions.ChangeCheckInterval"/> it asks SQLite whether anyone
/// committed to the file (<c>PRAGMA data_version</c>, which costs no I/O); only then does it read the transcript
/// numbers of the conversations streamed here and tell the <see cref="TranscriptFeed"/> of any that grew. Activities
/// this process appends reach its streams at once without it.
/// </summary>
public sealed class SqliteTranscriptWatcher : ITranscriptChangeSource
{
    private const int MaxIdsPerQuery = 500;

    private readonly SqliteDatabase _database;
    private readonly TimeSpan _interval;
    private readonly TimeProvider _time;

    public SqliteTranscriptWatcher(SqliteDatabase database, IOptions<StorageOptions> options, TimeProvider time)
    {
        _database = database;
        _interval = options.Value.ChangeCheckInterval;
        _time = time;
    }

    public bool IsConnected => true;

    public async Task RunAsync(TranscriptFeed feed, CancellationToken stoppingToken)
    {
        ArgumentNullException.ThrowIfNull(feed);
        while (!stoppingToken.IsCancellationRequested)
        {
            await feed.WhenSomeoneListensAsync(stoppingToken).ConfigureAwait(false);
            await using var connection = await _database.OpenDedicatedAsync(stoppingToken).ConfigureAwait(false);
            var version = await DataVersionAsync(connection, stoppingToken).ConfigureAwait(false);

            // What another process wrote between a stream's first read and this version is caught here.
            await NotifyGrownAsync(connection, feed, stoppingToken).ConfigureAwait(false);
            while (feed.SubscriptionCount > 0)
            {
                await Task.Delay(_interval, _time, stoppingToken).ConfigureAwait(false);
                var now = await DataVersionAsync(connection, stoppingToken).ConfigureAwait(false);
                if (now != version)
                {
                    version = now;
                    await NotifyGrownAsync(connection, feed, stoppingToken).ConfigureAwait(false);
                }
            }
        }
    }

    private static async Task NotifyGrownAsync(SqliteConnection connection, TranscriptFeed feed, CancellationToken cancellationToken)
    {
        foreach (var chunk in feed.Snapshot().Chunk(MaxIdsPerQuery))
        {
            await using var command = connection.CreateCommand();
            var names = new string[chunk.Length];
            for (var i = 0; i < chunk.Length; i++)
            {
                names[i] = "@c" + i.ToString(CultureInfo.InvariantCulture);
                command.Parameters.AddWithValue(names[i], chunk[i].ConversationId);
            }

            command.CommandText = $"SELECT conversation_id, last_seq FROM directline_conversations WHERE conversation_id IN ({string.Join(", ", names)});";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                feed.Notify(reader.GetString(0), reader.GetInt64(1));
            }
        }
    }

    private static async Task<long> DataVersionAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA data_version;";
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
    }
}
