namespace StretchBot.Storage;

/// <summary>
/// A write carried an ETag that no longer matches the stored item: someone else (another turn, another instance)
/// changed or deleted it since it was read. Nothing was written.
/// </summary>
public sealed class StorageConcurrencyException : Exception
{
    public StorageConcurrencyException(string key)
        : base($"The stored item '{key}' was changed or deleted since it was read (its ETag is stale); nothing was written. Read it again and retry.")
    {
        Key = key;
    }

    public StorageConcurrencyException(string key, Exception innerException)
        : base($"The stored item '{key}' was changed or deleted since it was read (its ETag is stale); nothing was written. Read it again and retry.", innerException)
    {
        Key = key;
    }

    /// <summary>The storage key whose write was refused.</summary>
    public string Key { get; }
}
