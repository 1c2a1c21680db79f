using StretchBot.Dialogs.Privacy;
using StretchBot.Storage.Sqlite;

namespace StretchBot.Storage;

/// <summary>
/// After "delete my data", on SQLite: checkpoints the write-ahead log into the database file and truncates it, so the
/// erased rows' old bytes are in neither file (secure_delete has already zeroed them in the database's pages). On
/// PostgreSQL there is nothing to do here: the rows are gone from every query at once, and the server reclaims their
/// space itself (autovacuum); see the README on what that means for the bytes on its disk.
/// </summary>
internal sealed class StorageErasureFinisher(IStoreDatabase database, ILogger<StorageErasureFinisher> logger) : IErasureFinisher
{
    public async Task FinishAsync(CancellationToken cancellationToken)
    {
        if (database is SqliteDatabase sqlite && !await sqlite.CheckpointAsync(cancellationToken).ConfigureAwait(false))
        {
            logger.CheckpointBusy();
        }
    }
}
