namespace StretchBot.DirectLine;

/// <summary>
/// This instance's web page streams, by conversation, and the newest transcript number each has been told of. Whoever
/// learns that a conversation's transcript grew calls <see cref="Notify"/>: this instance right after its own append,
/// and the provider's <see cref="ITranscriptChangeSource"/> for appends made by other instances. Each open stream then
/// reads what is new from the shared transcript, so nothing but "look again" travels between instances.
/// </summary>
public sealed class TranscriptFeed
{
    private readonly object _gate = new();
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private TaskCompletionSource _someoneListens = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>How many streams are open on this instance.</summary>
    public int SubscriptionCount
    {
        get
        {
            lock (_gate)
            {
                return _entries.Values.Sum(e => e.Subscribers.Count);
            }
        }
    }

    /// <summary>Starts listening for appends to <paramref name="conversationId"/>; dispose to stop.</summary>
    public TranscriptSubscription Subscribe(string conversationId)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        var subscription = new TranscriptSubscription(this, conversationId);
        lock (_gate)
        {
            if (!_entries.TryGetValue(conversationId, out var entry))
            {
                entry = new Entry();
                _entries[conversationId] = entry;
            }

            entry.Subscribers.Add(subscription);
            _someoneListens.TrySetResult();
        }

        return subscription;
    }

    /// <summary>How many streams of <paramref name="conversationId"/> are open on this instance.</summary>
    public int SubscriptionsOf(string conversationId)
    {
        lock (_gate)
        {
            return _entries.TryGetValue(conversationId, out var entry) ? entry.Subscribers.Count : 0;
        }
    }

    /// <summary>The transcript of <paramref name="conversationId"/> reached <paramref name="sequence"/>: wakes its streams unless they were told already.</summary>
    public void Notify(string conversationId, long sequence)
    {
        TranscriptSubscription[] wake;
        lock (_gate)
        {
            if (!_entries.TryGetValue(conversationId, out var entry) || sequence <= entry.Latest)
            {
                return;
            }

            entry.Latest = sequence;
            wake = [.. entry.Subscribers];
        }

        foreach (var subscription in wake)
        {
            subscription.Signal();
        }
    }

    /// <summary>Something may have been missed (a lost connection to the database): every stream looks again.</summary>
    public void NotifyAll()
    {
        TranscriptSubscription[] wake;
        lock (_gate)
        {
            wake = [.. _entries.Values.SelectMany(e => e.Subscribers)];
        }

        foreach (var subscription in wake)
        {
            subscription.Signal();
        }
    }

    /// <summary>The conversations with an open stream and the newest number each was told of.</summary>
    public IReadOnlyList<(string ConversationId, long Latest)> Snapshot()
    {
        lock (_gate)
        {
            return [.. _entries.Select(e => (e.Key, e.Value.Latest))];
        }
    }

    /// <summary>Completes once at least one stream is open (at once if one is).</summary>
    public Task WhenSomeoneListensAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return _someoneListens.Task.WaitAsync(cancellationToken);
        }
    }

    internal void Remove(TranscriptSubscription subscription)
    {
        lock (_gate)
        {
            if (!_entries.TryGetValue(subscription.ConversationId, out var entry))
            {
                return;
            }

            entry.Subscribers.Remove(subscription);
            if (entry.Subscribers.Count == 0)
            {
                _entries.Remove(subscription.ConversationId);
                if (_entries.Count == 0)
                {
                    _someoneListens = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                }
            }
        }
    }

    private sealed class Entry
    {
        public long Latest { get; set; }

        public List<TranscriptSubscription> Subscribers { get; } = [];
    }
}

/// <summary>One open stream's interest in one conversation: <see cref="WaitAsync"/> returns when its transcript may have grown.</summary>
public sealed class TranscriptSubscription : IDisposable
{
    private readonly TranscriptFeed _feed;
    private readonly SemaphoreSlim _signal = new(0, 1);
    private int _disposed;

    internal TranscriptSubscription(TranscriptFeed feed, string conversationId)
    {
        _feed = feed;
        ConversationId = conversationId;
    }

    public string ConversationId { get; }

    /// <summary>Waits for the next notification since the last wait returned (notifications in between count once).</summary>
    public Task WaitAsync(CancellationToken cancellationToken) => _signal.WaitAsync(cancellationToken);

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _feed.Remove(this);
            _signal.Dispose();
        }
    }

    internal void Signal()
    {
        try
        {
            if (_signal.CurrentCount == 0)
            {
                _signal.Release();
            }
        }
        catch (Exception exception) when (exception is SemaphoreFullException or ObjectDisposedException)
        {
            // Already signalled, or the stream just closed.
        }
    }
}
