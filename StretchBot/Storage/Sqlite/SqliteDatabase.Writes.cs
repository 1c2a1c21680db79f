using Microsoft.Data.Sqlite;

namespace StretchBot.Storage.Sqlite;

/// <summary>The writer path: a queue of writes, committed together ("group commit").</summary>
public sealed partial class SqliteDatabase
{
    /// <summary>Writes committed in one transaction at most.</summary>
    public const int MaxWritesPerCommit = 64;

    private readonly Queue<PendingWrite> _pendingWrites = new();
    private bool _draining;

    /// <summary>
    /// Runs <paramref name="work"/> in an IMMEDIATE transaction on the writer connection, after the writes queued
    /// before it, and returns once it is committed; an exception undoes it (and only it) and propagates.
    /// </summary>
    /// <remarks>
    /// Writes that queue up while another commits are run one after the other in the next transaction, each inside a
    /// savepoint of its own, and committed together: one commit instead of one each, with the same outcome as running
    /// them in turn. A write that throws is rolled back to its savepoint and its caller gets the exception; the others
    /// commit. A failed commit fails every write in it.
    /// </remarks>
    public async Task<T> WriteAsync<T>(Func<SqliteConnection, SqliteTransaction, CancellationToken, Task<T>> work, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        await EnsureReadyAsync(cancellationToken).ConfigureAwait(false);
        var write = new PendingWrite<T>(work, cancellationToken);
        bool start;
        lock (_pendingWrites)
        {
            _pendingWrites.Enqueue(write);
            start = !_draining;
            _draining = true;
        }

        if (start)
        {
            _ = Task.Run(DrainWritesAsync, CancellationToken.None);
        }

        return await write.Result.ConfigureAwait(false);
    }

    private async Task DrainWritesAsync()
    {
        while (true)
        {
            var batch = new List<PendingWrite>();
            lock (_pendingWrites)
            {
                while (batch.Count < MaxWritesPerCommit && _pendingWrites.TryDequeue(out var next))
                {
                    batch.Add(next);
                }

                if (batch.Count == 0)
                {
                    _draining = false;
                    return;
                }
            }

            try
            {
                await CommitAsync(batch).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                batch.ForEach(w => w.Fail(ex));
            }
        }
    }

    private async Task CommitAsync(List<PendingWrite> batch)
    {
        await _writeTurn.WaitAsync(CancellationToken.None).ConfigureAwait(false);
        try
        {
            batch.RemoveAll(w => w.CancelIfRequested());
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
            catch
            {
                await ResetWriterAsync().ConfigureAwait(false);
                throw;
            }

            await using (transaction.ConfigureAwait(false))
            {
                var done = await RunAllAsync(batch, _writer, transaction).ConfigureAwait(false);
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
        finally
        {
            _writeTurn.Release();
        }
    }

    /// <summary>Runs each write in a savepoint of its own; returns those that succeeded (not yet committed).</summary>
    private async Task<List<PendingWrite>> RunAllAsync(List<PendingWrite> batch, SqliteConnection connection, SqliteTransaction transaction)
    {
        var done = new List<PendingWrite>(batch.Count);
        for (var i = 0; i < batch.Count; i++)
        {
            var savepoint = "write" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            transaction.Save(savepoint);
            try
            {
                await batch[i].RunAsync(connection, transaction).ConfigureAwait(false);
                transaction.Release(savepoint);
                done.Add(batch[i]);
            }
            catch (Exception ex)
            {
                batch[i].Fail(ex);
                if (!TryRollBackTo(transaction, savepoint))
                {
                    // The connection is in an unknown state: nothing of this transaction can be trusted.
                    throw;
                }
            }
        }

        return done;
    }

    private static bool TryRollBackTo(SqliteTransaction transaction, string savepoint)
    {
        try
        {
            transaction.Rollback(savepoint);
            transaction.Release(savepoint);
            return true;
        }
        catch (SqliteException)
        {
            return false;
        }
    }

    /// <summary>A write waiting for its turn, and how its caller learns the outcome.</summary>
    private abstract class PendingWrite
    {
        public abstract Task RunAsync(SqliteConnection connection, SqliteTransaction transaction);

        public abstract void Complete();

        public abstract void Fail(Exception exception);

        /// <summary>True (and the caller told) when the caller gave up before the write began.</summary>
        public abstract bool CancelIfRequested();
    }

    private sealed class PendingWrite<T>(Func<SqliteConnection, SqliteTransaction, CancellationToken, Task<T>> work, CancellationToken cancellationToken) : PendingWrite
    {
        private readonly TaskCompletionSource<T> _outcome = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private T? _value;

        public Task<T> Result => _outcome.Task;

        public override async Task RunAsync(SqliteConnection connection, SqliteTransaction transaction)
            => _value = await work(connection, transaction, cancellationToken).ConfigureAwait(false);

        public override void Complete() => _outcome.TrySetResult(_value!);

        public override void Fail(Exception exception) => _outcome.TrySetException(exception);

        public override bool CancelIfRequested() => cancellationToken.IsCancellationRequested && _outcome.TrySetCanceled(cancellationToken);
    }
}
