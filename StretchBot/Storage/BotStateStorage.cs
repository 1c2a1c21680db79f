using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Bot.Builder;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using StretchBot.Dialogs.State;

namespace StretchBot.Storage;

/// <summary>
/// Bot Framework <see cref="IStorage"/> (and the turn's <see cref="IStateStore"/>) over a database table: one row per
/// key with the item's JSON and its current ETag. The rules live here once; each provider (<see cref="SqliteStorage"/>,
/// <see cref="Postgres.PostgresStorage"/>) only reads, writes and deletes rows.
/// </summary>
/// <remarks>
/// ETag rules (those of the Bot Framework's Cosmos DB and Blob storage):
/// <list type="bullet">
/// <item>Reads return the current ETag: on an <see cref="IStoreItem"/> in <see cref="IStoreItem.ETag"/>, on anything
/// else (BotState's dictionaries come back as a <see cref="JObject"/>) as an "eTag" entry.</item>
/// <item>A write whose ETag is "*", null or empty overwrites. A write with any other ETag succeeds only if the
/// stored item still has exactly that ETag; otherwise nothing is written and
/// <see cref="StorageConcurrencyException"/> is thrown (also when the item was deleted meanwhile). This applies to
/// <see cref="IStoreItem"/>s and to the <c>IDictionary&lt;string, object&gt;</c> that ConversationState/UserState
/// write, whose "eTag" entry is the one they read: so a turn that saves stale state on another instance is caught.</item>
/// <item>After a successful write the new ETag is put back into the written object, so saving it again in the same
/// turn is not a conflict.</item>
/// <item>A multi-key write is all or nothing: one transaction, whose conditions are part of its statements.</item>
/// </list>
/// JSON is written without type names (Newtonsoft, TypeNameHandling.None); only the top-level CLR type of an
/// <see cref="IStoreItem"/> is recorded, so it can be read back as that type.
/// </remarks>
public abstract class BotStateStorage : IStorage, IStateStore
{
    /// <summary>The entry that carries the ETag in a dictionary or JObject value.</summary>
    public const string ETagKey = "eTag";

    /// <summary>The most keys one statement names; longer lists are split.</summary>
    protected const int MaxKeysPerStatement = 500;

    // The state's compact JSON (no type names, no nulls, red flags only when yes); reads back with default settings.
    private static readonly JsonSerializer Serializer = StateJson.Serializer;

    private static readonly JsonLoadSettings LoadSettings = new() { CommentHandling = CommentHandling.Ignore };

    private static readonly ConcurrentDictionary<string, Type?> StoreItemTypes = new(StringComparer.Ordinal);

    protected BotStateStorage(TimeProvider timeProvider)
    {
        TimeProvider = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
    }

    /// <summary>Stamps each written row (retention deletes rows untouched for long).</summary>
    protected TimeProvider TimeProvider { get; }

    /// <summary>
    /// Creates the schema if it is missing. Idempotent and safe to call from several threads or instances; every other
    /// method does it first.
    /// </summary>
    public abstract Task InitializeAsync(CancellationToken cancellationToken = default);

    /// <inheritdoc />
    public async Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var result = new Dictionary<string, object>(keys.Length, StringComparer.Ordinal);
        foreach (var row in await ReadRowsAsync(Distinct(keys), cancellationToken).ConfigureAwait(false))
        {
            if (Materialize(row.Json, row.ETag, row.StoreType) is { } item)
            {
                result[row.Key] = item;
            }
        }

        return result;
    }

    /// <inheritdoc />
    public async Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        if (changes.Count == 0)
        {
            return;
        }

        var pending = changes.Select(change => PendingWrite.Create(change.Key, change.Value)).ToList();
        await WriteRowsAsync(
            pending.Select(p => new RowWrite(p.Key, p.Json, p.ExpectedETag, p.NewETag, p.StoreType)).ToList(),
            TimeProvider.GetUtcNow(),
            cancellationToken).ConfigureAwait(false);

        foreach (var write in pending)
        {
            write.ApplyNewETag();
        }
    }

    /// <summary>The turn's state rows, as stored (one query for all the keys).</summary>
    public async Task<IReadOnlyDictionary<string, StoredState>> ReadStateAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var rows = await ReadRowsAsync(Distinct(keys), cancellationToken).ConfigureAwait(false);
        return rows.ToDictionary(r => r.Key, r => new StoredState(r.Json, r.ETag), StringComparer.Ordinal);
    }

    /// <summary>
    /// The turn's changed state rows in one transaction. A row the turn read is written only if it still has the ETag
    /// it was read with; a row that did not exist is written only if it still does not (another instance creating it
    /// first wins). Otherwise nothing is written and <see cref="StorageConcurrencyException"/> is thrown.
    /// </summary>
    public Task WriteStateAsync(IReadOnlyList<StateWrite> writes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writes);
        return writes.Count == 0
            ? Task.CompletedTask
            : WriteRowsAsync(
                writes.Select(w => new RowWrite(w.Key, w.Json, w.ExpectedETag, w.NewETag, null, CreateOnly: w.ExpectedETag is null)).ToList(),
                TimeProvider.GetUtcNow(),
                cancellationToken);
    }

    /// <inheritdoc />
    public Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var distinct = Distinct(keys);
        return distinct.Length == 0 ? Task.CompletedTask : DeleteRowsAsync(distinct, cancellationToken);
    }

    /// <summary>
    /// Deletes every item whose key starts with <paramref name="prefix"/> (ordinal, case-sensitive; no wildcards:
    /// '%', '_' and '*' match only themselves). End the prefix with the key's separator ("msteams/users/29:abc/")
    /// or use <see cref="DeleteAsync"/> for an exact key, so that "…/abc" does not also match "…/abcd".
    /// </summary>
    /// <returns>How many items were deleted.</returns>
    public Task<int> DeleteByPrefixAsync(string prefix, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(prefix))
        {
            throw new ArgumentException("A prefix is required; deleting everything is not what this method is for.", nameof(prefix));
        }

        return DeletePrefixRowsAsync(prefix, cancellationToken);
    }

    /// <summary>Deletes every item not written since <paramref name="cutoffUtc"/>; returns how many.</summary>
    public abstract Task<int> DeleteNotUpdatedSinceAsync(DateTimeOffset cutoffUtc, CancellationToken cancellationToken = default);

    /// <summary>The stored rows of these keys (distinct, none empty); missing keys are left out.</summary>
    protected abstract Task<IReadOnlyList<StoredRow>> ReadRowsAsync(string[] keys, CancellationToken cancellationToken);

    /// <summary>
    /// Writes every row or none, in one transaction, each by its rule: <see cref="RowWrite.CreateOnly"/> only if the key
    /// is absent, with <see cref="RowWrite.ExpectedETag"/> only if the row still has it, otherwise unconditionally.
    /// A row whose condition fails throws <see cref="StorageConcurrencyException"/> and nothing is written.
    /// </summary>
    protected abstract Task WriteRowsAsync(IReadOnlyList<RowWrite> rows, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Deletes the rows of these keys (distinct, none empty).</summary>
    protected abstract Task DeleteRowsAsync(string[] keys, CancellationToken cancellationToken);

    /// <summary>Deletes the rows whose key starts with <paramref name="prefix"/>, compared byte by byte.</summary>
    protected abstract Task<int> DeletePrefixRowsAsync(string prefix, CancellationToken cancellationToken);

    /// <summary>A stored row.</summary>
    protected sealed record StoredRow(string Key, string Json, string ETag, string? StoreType);

    /// <summary>One row to write; a null expected ETag writes unconditionally unless <paramref name="CreateOnly"/>.</summary>
    protected sealed record RowWrite(string Key, string Json, string? ExpectedETag, string NewETag, string? StoreType, bool CreateOnly = false);

    private static string[] Distinct(IEnumerable<string> keys) => keys.Where(k => !string.IsNullOrEmpty(k)).Distinct(StringComparer.Ordinal).ToArray();

    private static object? Materialize(string json, string etag, string? storeType)
    {
        if (storeType is not null && ResolveStoreItemType(storeType) is { } type)
        {
            using var reader = StateJson.Reader(json);
            if (Serializer.Deserialize(reader, type) is IStoreItem storeItem)
            {
                storeItem.ETag = etag;
                return storeItem;
            }
        }

        using var tokenReader = StateJson.Reader(json);
        var token = JToken.ReadFrom(tokenReader, LoadSettings);
        switch (token)
        {
            case JObject obj:
                obj[ETagKey] = etag;
                return obj;
            case JValue value:
                return value.Value;
            default:
                return token;
        }
    }

    private static Type? ResolveStoreItemType(string storeType) =>
        StoreItemTypes.GetOrAdd(storeType, static name =>
        {
            var type = Type.GetType(name, throwOnError: false);
            return type is not null && typeof(IStoreItem).IsAssignableFrom(type) && !type.IsAbstract ? type : null;
        });

    /// <summary>One item of a write, serialised before the transaction starts.</summary>
    private sealed class PendingWrite
    {
        private readonly object _value;

        private PendingWrite(string key, object value, string json, string? expectedETag, string? storeType)
        {
            Key = key;
            _value = value;
            Json = json;
            ExpectedETag = expectedETag;
            StoreType = storeType;
            NewETag = Guid.NewGuid().ToString("N");
        }

        public string Key { get; }

        public string Json { get; }

        /// <summary>The ETag the stored item must still have; null for an unconditional write.</summary>
        public string? ExpectedETag { get; }

        public string? StoreType { get; }

        public string NewETag { get; }

        public static PendingWrite Create(string key, object value)
        {
            if (string.IsNullOrEmpty(key))
            {
                throw new ArgumentException("A storage key must not be empty.", nameof(key));
            }

            if (value is null)
            {
                throw new ArgumentException($"The value for storage key '{key}' is null; delete the key instead.", nameof(value));
            }

            string? etag;
            string? storeType = null;
            switch (value)
            {
                case IStoreItem storeItem:
                    etag = storeItem.ETag;
                    var type = storeItem.GetType();
                    storeType = $"{type.FullName}, {type.Assembly.GetName().Name}";
                    break;
                case IDictionary<string, object> dictionary:
                    etag = dictionary.TryGetValue(ETagKey, out var entry) ? EntryToString(entry) : null;
                    break;
                case JObject obj:
                    etag = obj.TryGetValue(ETagKey, StringComparison.Ordinal, out var token) ? EntryToString(token) : null;
                    break;
                default:
                    etag = null;
                    break;
            }

            var json = JToken.FromObject(value, Serializer);
            if (json is JObject jsonObject)
            {
                // The ETag lives in its own column; the JSON keeps only the item.
                jsonObject.Remove(ETagKey);
                if (value is IStoreItem)
                {
                    jsonObject.Remove(nameof(IStoreItem.ETag));
                }
            }

            var expected = string.IsNullOrEmpty(etag) || etag == "*" ? null : etag;
            return new PendingWrite(key, value, json.ToString(Formatting.None), expected, storeType);
        }

        public void ApplyNewETag()
        {
            switch (_value)
            {
                case IStoreItem storeItem:
                    storeItem.ETag = NewETag;
                    break;
                case IDictionary<string, object> dictionary:
                    dictionary[ETagKey] = NewETag;
                    break;
                case JObject obj:
                    obj[ETagKey] = NewETag;
                    break;
            }
        }

        private static string? EntryToString(object? entry) => entry switch
        {
            null => null,
            string text => text,
            JValue { Type: JTokenType.Null } => null,
            JValue value => Convert.ToString(value.Value, CultureInfo.InvariantCulture),
            _ => entry.ToString(),
        };
    }
}
