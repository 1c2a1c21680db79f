namespace StretchBot.Storage;

/// <summary>Creates the SQLite schema when the host starts, so a bad connection string fails at startup, not mid-turn.</summary>
internal sealed class SqliteStorageInitializer(SqliteStorage storage, ILogger<SqliteStorageInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await storage.InitializeAsync(cancellationToken).ConfigureAwait(false);
        logger.StorageReady(storage.Database.SchemaVersion);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
