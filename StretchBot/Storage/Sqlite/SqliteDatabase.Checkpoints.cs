using Microsoft.Data.Sqlite;

namespace StretchBot.Storage.Sqlite;

/// <summary>Checkpoints: moving what the write-ahead log holds into the database file.</summary>
public sealed partial class SqliteDatabase
{
    /// <summary>
    /// WAL pages after which a commit moves the log into the file itself. <see cref="WalCheckpointService"/> does that
    /// five times a second beside the writers; this is the backstop, high so that a commit (and every write queued behind it)
    /// seldom has to wait for a checkpoint and its disk flush.
    /// </summary>
    public const int BackstopCheckpointPages = 10_000;

    private readonly SemaphoreSlim _checkpointTurn = new(1, 1);
    private SqliteConnection? _checkpointer;

    /// <summary>
    /// Moves everything in the WAL into the database file and truncates the WAL to nothing, so bytes erased a moment
    /// ago survive in neither file (with secure_delete the database's free pages are zeros already). Retries while
    /// another connection is mid-read; returns false if the WAL could not be emptied.
    /// </summary>
    public async Task<bool> CheckpointAsync(CancellationToken cancellationToken = default)
    {
        await EnsureReadyAsync(cancellationToken).ConfigureAwait(false);
        await _writeTurn.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _writer ??= await OpenAsync(cancellationToken).ConfigureAwait(false);
            for (var attempt = 0; attempt < 50; attempt++)
            {
                if (await CheckpointOnceAsync(_writer, "TRUNCATE", cancellationToken).ConfigureAwait(false))
                {
                    return true;
                }

                await Task.Delay(10, cancellationToken).ConfigureAwait(false);
            }

            return false;
        }
        finally
        {
            _writeTurn.Release();
        }
    }

    /// <summary>
    /// Copies what the WAL holds into the database file as far as readers allow, on a connection of its own, without
    /// holding up writers (SQLite's PASSIVE checkpoint); returns whether the whole log was copied.
    /// </summary>
    public async Task<bool> CheckpointBesideWritersAsync(CancellationToken cancellationToken = default)
    {
        await EnsureReadyAsync(cancellationToken).ConfigureAwait(false);
        await _checkpointTurn.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _checkpointer ??= await OpenAsync(cancellationToken).ConfigureAwait(false);
            return await CheckpointOnceAsync(_checkpointer, "PASSIVE", cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _checkpointTurn.Release();
        }
    }

    /// <summary>One checkpoint in <paramref name="mode"/> (a constant of ours); whether it was not blocked and copied the whole log.</summary>
    private static async Task<bool> CheckpointOnceAsync(SqliteConnection connection, string mode, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, null, $"PRAGMA wal_checkpoint({mode});");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);

        // One row: busy (0 or 1), pages in the log, pages copied (both 0 once TRUNCATE has emptied it).
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) && reader.GetInt64(0) == 0 && reader.GetInt64(1) == reader.GetInt64(2);
    }
}
