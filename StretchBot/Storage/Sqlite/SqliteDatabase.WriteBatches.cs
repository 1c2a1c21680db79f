using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace StretchBot.Storage.Sqlite;

/// <summary>
/// Group commit: writes queued while another transaction runs are committed together, each inside a savepoint of
/// its own, so a busy writer pays for one commit (one append to the log) per batch rather than one per write, and one
/// write's failure undoes only that write.
/// </summary>
public sealed partial class SqliteDatabase
{
    /// <summary>The most queued writes one transaction takes.</summary>
    public const int MaxWritesPerCommit = 64;

    private const string SavepointSql = "SAVEPOINT queued_write;";
    private const string ReleaseSql = "RELEASE queued_write;";
    private const string RollBackToSql = "ROLLBACK TO queued_write;";

    private readonly ConcurrentQueue<QueuedWrite> _queuedWrites = new();

    /// <summary>Runs every queued write not taken yet (the caller's among them) in one transaction, and commits it.</summary>
    private async Task RunQueuedWritesAsync()
    {
        var batch = new List<QueuedWrite>();
        while (batch.Count < MaxWritesPerCommit && _queuedWrites.TryDequeue(out var queued))
        {
            if (queued.TryTake())
            {
                batch.Add(queued);
            }
        }

        if (batch.Count == 0)
        {
            return;
        }

        SqliteTransaction transaction;
        try
        {
            _writer ??= await OpenAsync(CancellationToken.None).ConfigureAwait(false);
            transaction = _writer.BeginTransaction(deferred: false);
        }
        catch (Exception ex)
        {
            await ResetWriterAsync().ConfigureAwait(false);
            batch.ForEach(w => w.Fail(ex));
            return;
        }

        await using (transaction.ConfigureAwait(false))
        {
            var done = batch.Count == 1
                ? await RunAloneAsync(batch[0], transaction).ConfigureAwait(false)
                : await RunInSavepointsAsync(batch, transaction).ConfigureAwait(false);
            if (done.Count == 0)
            {
                await RollBackAsync(transaction).ConfigureAwait(false);
                return;
            }

            try
            {
                await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                await RollBackAsync(transaction).ConfigureAwait(false);
                done.ForEach(w => w.Fail(ex));
                return;
            }

            done.ForEach(w => w.Complete());
        }
    }

    /// <summary>A write with nothing queued beside it: its own transaction, as a write always had.</summary>
    private async Task<List<QueuedWrite>> RunAloneAsync(QueuedWrite write, SqliteTransaction transaction)
    {
        try
        {
            await write.RunAsync(_writer!, transaction).ConfigureAwait(false);
            return [write];
        }
        catch (Exception ex)
        {
            write.Fail(ex);
            return [];
        }
    }

    /// <summary>
    /// Each write in a savepoint: one that throws is rolled back to its savepoint and fails alone. If SQLite has given
    /// up the whole transaction (an I/O error, a full disk), every write of the batch fails with that error.
    /// </summary>
    private async Task<List<QueuedWrite>> RunInSavepointsAsync(List<QueuedWrite> batch, SqliteTransaction transaction)
    {
        var done = new List<QueuedWrite>(batch.Count);
        for (var i = 0; i < batch.Count; i++)
        {
            var write = batch[i];
            try
            {
                await WriterCommand(_writer!, transaction, SavepointSql).ExecuteNonQueryAsync().ConfigureAwait(false);
                await write.RunAsync(_writer!, transaction).ConfigureAwait(false);
                await WriterCommand(_writer!, transaction, ReleaseSql).ExecuteNonQueryAsync().ConfigureAwait(false);
                done.Add(write);
            }
            catch (Exception ex)
            {
                write.Fail(ex);
                if (!await TryUndoToSavepointAsync(transaction).ConfigureAwait(false))
                {
                    foreach (var lost in done.Concat(batch.Skip(i + 1)))
                    {
                        lost.Fail(ex);
                    }

                    return [];
                }
            }
        }

        return done;
    }

    private async Task<bool> TryUndoToSavepointAsync(SqliteTransaction transaction)
    {
        try
        {
            await WriterCommand(_writer!, transaction, RollBackToSql).ExecuteNonQueryAsync().ConfigureAwait(false);
            await WriterCommand(_writer!, transaction, ReleaseSql).ExecuteNonQueryAsync().ConfigureAwait(false);
            return true;
        }
        catch (SqliteException)
        {
            return false;
        }
    }

    /// <summary>A write waiting for the writer: its work, and the caller's task, completed only after the commit.</summary>
    private abstract class QueuedWrite
    {
        private const int Waiting = 0;
        private const int Taken = 1;
        private const int Withdrawn = 2;

        private int _state;

        protected QueuedWrite(CancellationToken cancellationToken) => CancellationToken = cancellationToken;

        public CancellationToken CancellationToken { get; }

        public bool IsTaken => Volatile.Read(ref _state) == Taken;

        /// <summary>Claims the write for a batch; false if its caller has withdrawn it.</summary>
        public bool TryTake() => Interlocked.CompareExchange(ref _state, Taken, Waiting) == Waiting;

        /// <summary>Withdraws the write before any batch takes it; false if one already has.</summary>
        public bool TryWithdraw() => Interlocked.CompareExchange(ref _state, Withdrawn, Waiting) == Waiting;

        public abstract Task RunAsync(SqliteConnection writer, SqliteTransaction transaction);

        public abstract void Complete();

        public abstract void Fail(Exception exception);
    }

    private sealed class QueuedWrite<T>(Func<SqliteConnection, SqliteTransaction, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
        : QueuedWrite(cancellationToken)
    {
        private readonly TaskCompletionSource<T> _outcome = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private T? _result;

        public Task<T> Outcome => _outcome.Task;

        public override async Task RunAsync(SqliteConnection writer, SqliteTransaction transaction)
        {
            CancellationToken.ThrowIfCancellationRequested();
            _result = await work(writer, transaction, CancellationToken).ConfigureAwait(false);
        }

        public override void Complete() => _outcome.TrySetResult(_result!);

        public override void Fail(Exception exception) => _outcome.TrySetException(exception);
    }
}
