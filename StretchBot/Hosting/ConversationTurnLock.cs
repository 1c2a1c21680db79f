using System.Collections.Immutable;
using Microsoft.Bot.Builder;
using BotMiddleware = Microsoft.Bot.Builder.IMiddleware;

namespace StretchBot.Hosting;

/// <summary>
/// Bot middleware that runs the turns of one conversation one after the other within this instance, so two
/// activities arriving at once (a double click, a check-in racing an answer) cannot both load the same state and
/// overwrite each other's changes. Different conversations run concurrently. Across instances, the storage's ETag
/// check turns a stale save into a <see cref="Storage.StorageConcurrencyException"/> instead of a silent loss.
/// </summary>
/// <remarks>
/// One <see cref="SemaphoreSlim"/> per conversation that currently has a turn running or waiting, reference
/// counted and removed when the last one leaves, so the table does not grow with the number of conversations ever
/// seen. Waiting honours the turn's cancellation token. A turn that starts a nested turn for its own conversation
/// (ContinueConversationAsync from inside a turn) already holds the lock and passes straight through instead of
/// deadlocking.
/// </remarks>
public sealed class ConversationTurnLock : BotMiddleware
{
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly AsyncLocal<ImmutableHashSet<string>?> _heldByThisFlow = new();

    /// <summary>How many conversations have a turn running or waiting right now.</summary>
    public int ActiveConversationCount
    {
        get
        {
            lock (_entries)
            {
                return _entries.Count;
            }
        }
    }

    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(next);

        var key = KeyOf(turnContext);
        var held = _heldByThisFlow.Value;
        if (key is null || (held is not null && held.Contains(key)))
        {
            await next(cancellationToken).ConfigureAwait(false);
            return;
        }

        var entry = Enter(key);
        try
        {
            await entry.Semaphore.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            Leave(key, entry, releaseSemaphore: false);
            throw;
        }

        _heldByThisFlow.Value = (held ?? ImmutableHashSet<string>.Empty.WithComparer(StringComparer.Ordinal)).Add(key);
        try
        {
            await next(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _heldByThisFlow.Value = held;
            Leave(key, entry, releaseSemaphore: true);
        }
    }

    private static string? KeyOf(ITurnContext turnContext)
    {
        var activity = turnContext.Activity;
        var conversationId = activity?.Conversation?.Id;
        return string.IsNullOrEmpty(conversationId) ? null : $"{activity!.ChannelId}/{conversationId}";
    }

    private Entry Enter(string key)
    {
        lock (_entries)
        {
            if (!_entries.TryGetValue(key, out var entry))
            {
                entry = new Entry();
                _entries.Add(key, entry);
            }

            entry.References++;
            return entry;
        }
    }

    private void Leave(string key, Entry entry, bool releaseSemaphore)
    {
        lock (_entries)
        {
            if (releaseSemaphore)
            {
                entry.Semaphore.Release();
            }

            if (--entry.References == 0)
            {
                _entries.Remove(key);
                entry.Semaphore.Dispose();
            }
        }
    }

    private sealed class Entry
    {
        public SemaphoreSlim Semaphore { get; } = new(1, 1);

        public int References { get; set; }
    }
}
