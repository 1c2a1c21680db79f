using Microsoft.Extensions.Options;
using Npgsql;

namespace StretchBot.Storage;

/// <summary>
/// Creates or migrates the schema when the host starts, so a wrong connection string fails at start-up, not mid-turn.
/// A PostgreSQL server that is not reachable yet (starting at the same moment as the bot) is tried again until
/// <see cref="StorageOptions.StartupTimeout"/>.
/// </summary>
internal sealed class StorageInitializer(IStoreDatabase database, IOptions<StorageOptions> options, TimeProvider time, ILogger<StorageInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // The hosted services start together (HostOptions.ServicesStartConcurrently), but each one's first synchronous
        // part runs on the host's thread: opening SQLite is synchronous, so it goes to the thread pool and the server
        // starts listening meanwhile. The host's start still fails if the database does.
        await Task.Yield();
        var deadline = time.GetUtcNow() + options.Value.StartupTimeout;
        var delay = TimeSpan.FromMilliseconds(250);
        while (true)
        {
            try
            {
                await database.EnsureReadyAsync(cancellationToken).ConfigureAwait(false);
                break;
            }
            catch (NpgsqlException exception) when (exception.IsTransient && time.GetUtcNow() + delay < deadline)
            {
                logger.DatabaseNotReady(exception.GetType().Name, delay);
                await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(5).Ticks));
            }
        }

        logger.StorageReady(database.Provider.ToString(), database.SchemaVersion);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
