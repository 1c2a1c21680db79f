namespace StretchBot.CheckIns;

/// <summary>
/// The claimed check-ins of one dispatcher pass, waiting for a sender: in the order given (tenants taking turns), except
/// that a message whose rate limit is full is set aside until the time it has room, so that a throttled tenant holds up
/// only its own messages, never the senders that could be serving everyone else. Thread-safe.
/// </summary>
internal sealed class SendQueue
{
    private readonly Queue<ClaimedCheckIn> _ready;
    private readonly PriorityQueue<ClaimedCheckIn, (DateTimeOffset ReadyAt, long Order)> _deferred = new();
    private long _deferrals;
    private Action? _nothingReadyLeft;

    /// <param name="items">The messages, in the order they should go.</param>
    /// <param name="nothingReadyLeft">Called once, the first time a sender finds nothing that may go now.</param>
    public SendQueue(IEnumerable<ClaimedCheckIn> items, Action? nothingReadyLeft = null)
    {
        _ready = new Queue<ClaimedCheckIn>(items);
        _nothingReadyLeft = nothingReadyLeft;
    }

    /// <summary>
    /// Takes the next message that may go at <paramref name="now"/>. False when none may: <paramref name="wait"/> is then
    /// how long until one set aside has room, or null when the queue is empty.
    /// </summary>
    public bool TryTake(DateTimeOffset now, out ClaimedCheckIn item, out TimeSpan? wait)
    {
        lock (_ready)
        {
            if (_deferred.TryPeek(out var first, out var due) && due.ReadyAt <= now)
            {
                item = _deferred.Dequeue();
                wait = null;
                return true;
            }

            if (_ready.TryDequeue(out item!))
            {
                wait = null;
                return true;
            }

            wait = _deferred.Count > 0 ? due.ReadyAt - now : null;
            item = first!;
        }

        Interlocked.Exchange(ref _nothingReadyLeft, null)?.Invoke();
        return false;
    }

    /// <summary>Sets a message aside until <paramref name="readyAt"/> (messages set aside for the same time keep their order).</summary>
    public void Defer(ClaimedCheckIn item, DateTimeOffset readyAt)
    {
        lock (_ready)
        {
            _deferred.Enqueue(item, (readyAt, _deferrals++));
        }
    }

    /// <summary>Empties the queue: every message not yet taken, set aside or not.</summary>
    public IReadOnlyList<ClaimedCheckIn> TakeAll()
    {
        lock (_ready)
        {
            var rest = _ready.ToList();
            _ready.Clear();
            while (_deferred.TryDequeue(out var item, out _))
            {
                rest.Add(item);
            }

            return rest;
        }
    }
}
