using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;

namespace StretchBot.Dialogs.State;

/// <summary>An <see cref="IStateStore"/> over any Bot Framework IStorage (MemoryStorage in tests, say).</summary>
public sealed class StorageStateStore(IStorage storage) : IStateStore
{
    private const string ETagKey = "eTag";

    public async Task<IReadOnlyDictionary<string, StoredState>> ReadStateAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        var items = await storage.ReadAsync(keys.ToArray(), cancellationToken).ConfigureAwait(false);
        var result = new Dictionary<string, StoredState>(StringComparer.Ordinal);
        foreach (var (key, value) in items)
        {
            var obj = value as JObject ?? JObject.FromObject(value);
            var etag = obj.Value<string>(ETagKey) ?? string.Empty;
            var copy = (JObject)obj.DeepClone();
            copy.Remove(ETagKey);
            result[key] = new StoredState(StateJson.Serialize(copy), etag);
        }

        return result;
    }

    public async Task WriteStateAsync(IReadOnlyList<StateWrite> writes, CancellationToken cancellationToken)
    {
        var changes = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var write in writes)
        {
            var obj = JObject.Parse(write.Json);
            if (write.ExpectedETag is not null)
            {
                obj[ETagKey] = write.ExpectedETag;
            }

            changes[write.Key] = obj;
        }

        await storage.WriteAsync(changes, cancellationToken).ConfigureAwait(false);
    }
}
