using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Bot.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using StretchBot.Dialogs.State;
using StretchBot.Storage.Sqlite;

namespace StretchBot.Storage;

/// <summary>
/// Bot Framework <see cref="IStorage"/> over an embedded SQLite database: one row per key with the item's JSON and
/// its current ETag.
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
/// </list>
/// The check and the write are one conditional statement inside one IMMEDIATE transaction per call (a multi-key
/// write is all or nothing), on the database's writer path (<see cref="SqliteDatabase"/>): writers in this process
/// queue, another process waits on the busy timeout. JSON is written without type names (Newtonsoft, TypeNameHandling.None);
/// only the top-level CLR type of an <see cref="IStoreItem"/> is recorded, so it can be read back as that type.
/// </remarks>
public sealed class SqliteStorage : IStorage, IStateStore
{
    /// <summary>The entry that carries the ETag in a dictionary or JObject value.</summary>
    public const string ETagKey = "eTag";

    private const string Table = "bot_storage";
    private const int MaxKeysPerStatement = 500;

    // The state's compact JSON (no type names, no nulls, red flags only when yes); reads back with default settings.
    private static readonly JsonSerializer Serializer = StateJson.Serializer;

    private static readonly JsonLoadSettings LoadSettings = new() { CommentHandling = CommentHandling.Ignore };

    private static readonly ConcurrentDictionary<string, Type?> StoreItemTypes = new(StringComparer.Ordinal);

    private readonly SqliteDatabase _database;
    private readonly TimeProvider _timeProvider;

    /// <summary>A storage over the shared database (the host registers one <see cref="SqliteDatabase"/> for all stores).</summary>
    public SqliteStorage(SqliteDatabase database, TimeProvider timeProvider)
    {
        _database = database ?? throw new ArgumentNullException(nameof(database));
        _timeProvider = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
    }

    /// <summary>A storage with a database of its own (tests, tools): as another instance on the same file would have.</summary>
    public SqliteStorage(IOptions<StorageOptions> options, TimeProvider timeProvider)
        : this(CreateDatabase(options), timeProvider)
    {
    }

    /// <summary>The database this storage keeps its rows in.</summary>
    public SqliteDatabase Database => _database;

    /// <summary>
    /// Creates the database folder, file and schema if they are missing and switches the file to WAL mode. Idempotent
    /// and safe to call from several threads or processes; every other method calls it first.
    /// </summary>
    public Task InitializeAsync(CancellationToken cancellationToken = default) => _database.EnsureReadyAsync(cancellationToken);

    /// <inheritdoc />
    public async Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var result = new Dictionary<string, object>(keys.Length, StringComparer.Ordinal);
        var distinct = keys.Where(k => !string.IsNullOrEmpty(k)).Distinct(StringComparer.Ordinal).ToArray();
        if (distinct.Length == 0)
        {
            return result;
        }

        await using var lease = await _database.ReadAsync(cancellationToken).ConfigureAwait(false);
        foreach (var chunk in distinct.Chunk(MaxKeysPerStatement))
        {
            await using var command = lease.Connection.CreateCommand();
            command.CommandText = $"SELECT key, json, etag, store_type FROM {Table} WHERE key IN ({AddKeyParameters(command, chunk)});";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var key = reader.GetString(0);
                var item = Materialize(reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3));
                if (item is not null)
                {
                    result[key] = item;
                }
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
        await WriteRowsAsync(pending.Select(p => new Row(p.Key, p.Json, p.ExpectedETag, p.NewETag, p.StoreType)).ToList(), cancellationToken).ConfigureAwait(false);

        foreach (var write in pending)
        {
            write.ApplyNewETag();
        }
    }

    /// <summary>The turn's state rows, as stored (one SELECT for all the keys).</summary>
    public async Task<IReadOnlyDictionary<string, StoredState>> ReadStateAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var result = new Dictionary<string, StoredState>(keys.Count, StringComparer.Ordinal);
        var distinct = keys.Where(k => !string.IsNullOrEmpty(k)).Distinct(StringComparer.Ordinal).ToArray();
        if (distinct.Length == 0)
        {
            return result;
        }

        await using var lease = await _database.ReadAsync(cancellationToken).ConfigureAwait(false);
        await using var command = lease.Connection.CreateCommand();
        command.CommandText = $"SELECT key, json, etag FROM {Table} WHERE key IN ({AddKeyParameters(command, distinct)});";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            result[reader.GetString(0)] = new StoredState(reader.GetString(1), reader.GetString(2));
        }

        return result;
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
            : WriteRowsAsync(writes.Select(w => new Row(w.Key, w.Json, w.ExpectedETag, w.NewETag, null, CreateOnly: w.ExpectedETag is null)).ToList(), cancellationToken);
    }

    /// <inheritdoc />
    public async Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var distinct = keys.Where(k => !string.IsNullOrEmpty(k)).Distinct(StringComparer.Ordinal).ToArray();
        if (distinct.Length == 0)
        {
            return;
        }

        await _database.WriteAsync<int>(
            async (connection, transaction, ct) =>
            {
                var deleted = 0;
                foreach (var chunk in distinct.Chunk(MaxKeysPerStatement))
                {
                    await using var command = connection.CreateCommand();
                    command.Transaction = transaction;
                    command.CommandText = $"DELETE FROM {Table} WHERE key IN ({AddKeyParameters(command, chunk)});";
                    deleted += await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                }

                return deleted;
            },
            cancellationToken).ConfigureAwait(false);
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

        // substr() compares exactly, unlike LIKE (case-insensitive for ASCII, '%'/'_' wildcards) or GLOB.
        return _database.ExecuteWriteAsync(
            $"DELETE FROM {Table} WHERE substr(key, 1, length(@prefix)) = @prefix;",
            cancellationToken,
            ("@prefix", prefix));
    }

    /// <summary>Deletes every item not written since <paramref name="cutoffUtc"/>; returns how many.</summary>
    public Task<int> DeleteNotUpdatedSinceAsync(DateTimeOffset cutoffUtc, CancellationToken cancellationToken = default)
        => _database.ExecuteWriteAsync(
            // Times are stored as round-trip UTC text of one shape, so text order is time order.
            $"DELETE FROM {Table} WHERE updated_utc < @cutoff;",
            cancellationToken,
            ("@cutoff", cutoffUtc.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture)));

    /// <summary>One row to write; a null expected ETag writes unconditionally.</summary>
    private sealed record Row(string Key, string Json, string? ExpectedETag, string NewETag, string? StoreType, bool CreateOnly = false);

    private async Task WriteRowsAsync(IReadOnlyList<Row> rows, CancellationToken cancellationToken)
    {
        var now = _timeProvider.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);

        // One IMMEDIATE transaction on the writer path: a multi-key write is all or nothing.
        await _database.WriteAsync<bool>(
            async (connection, transaction, ct) =>
            {
                foreach (var write in rows)
                {
                    await using var command = connection.CreateCommand();
                    command.Transaction = transaction;
                    command.Parameters.AddWithValue("@key", write.Key);
                    command.Parameters.AddWithValue("@json", write.Json);
                    command.Parameters.AddWithValue("@etag", write.NewETag);
                    command.Parameters.AddWithValue("@store_type", (object?)write.StoreType ?? DBNull.Value);
                    command.Parameters.AddWithValue("@updated_utc", now);
                    if (write.CreateOnly)
                    {
                        command.CommandText = $"""
                            INSERT INTO {Table} (key, json, etag, store_type, updated_utc)
                            VALUES (@key, @json, @etag, @store_type, @updated_utc)
                            ON CONFLICT (key) DO NOTHING;
                            """;
                        if (await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false) != 1)
                        {
                            throw new StorageConcurrencyException(write.Key);
                        }
                    }
                    else if (write.ExpectedETag is null)
                    {
                        command.CommandText = $"""
                            INSERT INTO {Table} (key, json, etag, store_type, updated_utc)
                            VALUES (@key, @json, @etag, @store_type, @updated_utc)
                            ON CONFLICT (key) DO UPDATE SET
                                json = excluded.json, etag = excluded.etag,
                                store_type = excluded.store_type, updated_utc = excluded.updated_utc;
                            """;
                        await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                    }
                    else
                    {
                        command.CommandText = $"""
                            UPDATE {Table}
                            SET json = @json, etag = @etag, store_type = @store_type, updated_utc = @updated_utc
                            WHERE key = @key AND etag = @expected;
                            """;
                        command.Parameters.AddWithValue("@expected", write.ExpectedETag);
                        if (await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false) != 1)
                        {
                            // Thrown inside the transaction: the database rolls it back, nothing is written.
                            throw new StorageConcurrencyException(write.Key);
                        }
                    }
                }

                return true;
            },
            cancellationToken).ConfigureAwait(false);
    }

    private static SqliteDatabase CreateDatabase(IOptions<StorageOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var value = options.Value;
        if (string.IsNullOrWhiteSpace(value.ConnectionString))
        {
            throw new ArgumentException("Storage:ConnectionString is empty.", nameof(options));
        }

        return new SqliteDatabase(value.ConnectionString, value.BusyTimeoutMilliseconds);
    }

    private static string AddKeyParameters(SqliteCommand command, string[] keys)
    {
        var names = new string[keys.Length];
        for (var i = 0; i < keys.Length; i++)
        {
            names[i] = "@k" + i.ToString(CultureInfo.InvariantCulture);
            command.Parameters.AddWithValue(names[i], keys[i]);
        }

        return string.Join(", ", names);
    }

    private static object? Materialize(string json, string etag, string? storeType)
    {
        if (storeType is not null && ResolveStoreItemType(storeType) is { } type)
        {
            using var reader = new JsonTextReader(new StringReader(json)) { DateParseHandling = DateParseHandling.None };
            if (Serializer.Deserialize(reader, type) is IStoreItem storeItem)
            {
                storeItem.ETag = etag;
                return storeItem;
            }
        }

        using var tokenReader = new JsonTextReader(new StringReader(json)) { DateParseHandling = DateParseHandling.None };
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
