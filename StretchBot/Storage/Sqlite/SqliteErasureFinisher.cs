using StretchBot.Dialogs.Privacy;

namespace StretchBot.Storage.Sqlite;

/// <summary>
/// After "delete my data": checkpoints the write-ahead log into the database file and truncates it, so the erased rows'
/// old bytes are in neither file (secure_delete has already zeroed them in the database's pages).
/// </summary>
internal sealed class SqliteErasureFinisher(SqliteDatabase database, ILogger<SqliteErasureFinisher> logger) : IErasureFinisher
{
    public async Task FinishAsync(CancellationToken cancellationToken)
    {
        if (!await database.CheckpointAsync(cancellationToken).ConfigureAwait(false))
        {
            logger.CheckpointBusy();
        }
    }
}
