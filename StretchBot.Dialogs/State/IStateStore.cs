namespace StretchBot.Dialogs.State;

/// <summary>A state row as stored: the JSON of its properties and its ETag.</summary>
public sealed record StoredState(string Json, string ETag);

/// <summary>
/// One row to write. With <paramref name="ExpectedETag"/> the row must still have that ETag; without it (the row did not
/// exist when the turn read it) the row must still not exist. Otherwise nothing at all is written.
/// </summary>
public sealed record StateWrite(string Key, string Json, string? ExpectedETag, string NewETag);

/// <summary>
/// Where conversation and user state live, seen as JSON rows: one read for all the keys a turn needs and one
/// all-or-nothing write for all it changed. The host's SQLite storage implements it directly; any other IStorage is
/// adapted (<see cref="StorageStateStore"/>).
/// </summary>
public interface IStateStore
{
    Task<IReadOnlyDictionary<string, StoredState>> ReadStateAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken);

    /// <summary>Writes every row or none; a stale ETag throws the store's concurrency exception.</summary>
    Task WriteStateAsync(IReadOnlyList<StateWrite> writes, CancellationToken cancellationToken);
}
