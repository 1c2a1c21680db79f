using Microsoft.Bot.Builder;
using StretchBot.Dialogs.State;

namespace StretchBot.Tests.TestSupport;

/// <summary>Counts every read and write that reaches the storage, whichever way it comes (IStorage or IStateStore).</summary>
internal sealed class CountingStateStore<TStore>(TStore inner) : IStorage, IStateStore
    where TStore : IStorage, IStateStore
{
    private int _reads;
    private int _writes;

    public int Reads => _reads;

    public int Writes => _writes;

    public void Reset()
    {
        _reads = 0;
        _writes = 0;
    }

    public Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _reads);
        return inner.ReadAsync(keys, cancellationToken);
    }

    public Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _writes);
        return inner.WriteAsync(changes, cancellationToken);
    }

    public Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _writes);
        return inner.DeleteAsync(keys, cancellationToken);
    }

    public Task<IReadOnlyDictionary<string, StoredState>> ReadStateAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _reads);
        return inner.ReadStateAsync(keys, cancellationToken);
    }

    public Task WriteStateAsync(IReadOnlyList<StateWrite> writes, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _writes);
        return inner.WriteStateAsync(writes, cancellationToken);
    }
}
