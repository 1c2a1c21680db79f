using Microsoft.Bot.Builder;
using StretchBot.Dialogs.Json;

namespace StretchBot.Dialogs.State;

/// <summary>
/// Loads a turn's conversation and user state with one read and saves what changed with one write, keeping the
/// Bot Framework's BotState API (accessors, caches in the turn context) for the dialogs.
/// </summary>
/// <remarks>
/// Change detection compares the JSON the turn would write with the JSON it read, so an unchanged state costs one
/// serialisation and no write, and a changed one is serialised once. ETags work as before: a row that existed is
/// written only if it still has the ETag this turn read, so a stale write (another instance won the race) is refused
/// and nothing is written.
/// </remarks>
public sealed class TurnStateStore
{
    private const string SnapshotsKey = "StretchBot.StateSnapshots";

    private readonly IStateStore _store;

    public TurnStateStore(IStateStore store)
    {
        _store = store ?? throw new ArgumentNullException(nameof(store));
    }

    /// <summary>The two states of a turn, each with the key its BotState caches under and its storage key.</summary>
    public static IReadOnlyList<StateScope> Scopes { get; } =
    [
        new("ConversationState", StateAccessors.ConversationStateKeyOrNull),
        new(nameof(StretchBotUserState), StretchBotUserState.StorageKeyOrNull),
    ];

    /// <summary>The types the bot's state accessors read their properties as (every accessor gets them for update).</summary>
    private static readonly Dictionary<string, Type> PropertyTypes = new(StringComparer.Ordinal)
    {
        [Engine.DialogManager.DialogStateProperty] = typeof(Engine.DialogState),
        [nameof(ConversationData)] = typeof(ConversationData),
        [nameof(UserProfile)] = typeof(UserProfile),
    };

    /// <summary>Loads every state of the turn not cached yet (all of them with <paramref name="force"/>), in one read.</summary>
    public async Task LoadAsync(ITurnContext turnContext, bool force, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var snapshots = Snapshots(turnContext);
        var missing = new List<(StateScope Scope, string Key)>(Scopes.Count);
        foreach (var scope in Scopes)
        {
            if ((force || turnContext.TurnState.Get<BotState.CachedBotState>(scope.CacheKey) is null)
                && scope.StorageKey(turnContext.Activity) is { } key)
            {
                missing.Add((scope, key));
            }
        }

        if (missing.Count == 0)
        {
            return;
        }

        var rows = await _store.ReadStateAsync(missing.Select(m => m.Key).ToList(), cancellationToken).ConfigureAwait(false);
        foreach (var (scope, key) in missing)
        {
            var row = rows.GetValueOrDefault(key);

            // The hash BotState computes in its constructor is not used (SaveAsync compares JSON), so start it empty.
            var cached = new BotState.CachedBotState
            {
                State = row is null ? new Dictionary<string, object>(StringComparer.Ordinal) : StateJson.ParseProperties(row.Json, PropertyTypes),
            };
            turnContext.TurnState[scope.CacheKey] = cached;
            snapshots[scope.CacheKey] = new Snapshot(key, row?.Json, row?.ETag);
        }
    }

    /// <summary>Saves the states that changed this turn (only <paramref name="only"/>, when given) in one write.</summary>
    public async Task SaveAsync(ITurnContext turnContext, StateScope? only, bool force, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var snapshots = Snapshots(turnContext);
        var writes = new List<(StateScope Scope, StateWrite Write)>(Scopes.Count);
        foreach (var scope in Scopes)
        {
            if ((only is not null && only != scope)
                || turnContext.TurnState.Get<BotState.CachedBotState>(scope.CacheKey) is not { } cached
                || scope.StorageKey(turnContext.Activity) is not { } key)
            {
                continue;
            }

            using var json = new PooledTextWriter();
            StateJson.WriteTo(json, WithoutETag(cached.State));
            var before = snapshots.GetValueOrDefault(scope.CacheKey);
            if (before is not null && before.Key != key)
            {
                before = null;
            }

            if (!force && json.Written.SequenceEqual(before?.Json ?? EmptyJson))
            {
                continue;
            }

            writes.Add((scope, new StateWrite(key, json.ToString(), before?.ETag, Guid.NewGuid().ToString("N"))));
        }

        if (writes.Count == 0)
        {
            return;
        }

        await _store.WriteStateAsync(writes.Select(w => w.Write).ToList(), cancellationToken).ConfigureAwait(false);
        foreach (var (scope, write) in writes)
        {
            snapshots[scope.CacheKey] = new Snapshot(write.Key, write.Json, write.NewETag);
        }
    }

    private const string EmptyJson = "{}";

    private static IDictionary<string, object> WithoutETag(IDictionary<string, object> state)
    {
        if (!state.ContainsKey("eTag"))
        {
            return state;
        }

        var copy = new Dictionary<string, object>(state, StringComparer.Ordinal);
        copy.Remove("eTag");
        return copy;
    }

    private static Dictionary<string, Snapshot> Snapshots(ITurnContext turnContext)
    {
        if (turnContext.TurnState.Get<Dictionary<string, Snapshot>>(SnapshotsKey) is { } snapshots)
        {
            return snapshots;
        }

        snapshots = new Dictionary<string, Snapshot>(StringComparer.Ordinal);
        turnContext.TurnState[SnapshotsKey] = snapshots;
        return snapshots;
    }

    /// <summary>What the turn read (or last wrote) for one state: its storage key, JSON and ETag; null JSON for no row.</summary>
    private sealed record Snapshot(string Key, string? Json, string? ETag);
}

/// <summary>One kind of turn state: the key its BotState caches under in the turn, and how to find its storage key.</summary>
public sealed record StateScope(string CacheKey, Func<Microsoft.Bot.Schema.IActivity, string?> StorageKey);
