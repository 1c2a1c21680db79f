using System.Globalization;

namespace StretchBot.CheckIns;

/// <summary>
/// Sliding-window limits on outgoing messages, per key (a conversation, a tenant): a send waits, on the
/// <see cref="TimeProvider"/>, until every window of every key it belongs to has room. Thread-safe; keys with nothing
/// sent within their longest window are forgotten, so the table holds only recent senders.
/// </summary>
public sealed class SendRateLimiter
{
    private readonly TimeProvider _time;
    private readonly Dictionary<string, History> _history = new(StringComparer.Ordinal);
    private readonly TimeSpan _margin;

    /// <param name="time">The clock every wait and window is measured on.</param>
    /// <param name="margin">
    /// Added to every window's period, so that delivery jitter cannot squeeze one more message into a window where the
    /// channel counts them (on arrival). Zero keeps the windows exact.
    /// </param>
    public SendRateLimiter(TimeProvider time, TimeSpan margin = default)
    {
        _time = time ?? throw new ArgumentNullException(nameof(time));
        ArgumentOutOfRangeException.ThrowIfLessThan(margin, TimeSpan.Zero);
        _margin = margin;
    }

    /// <summary>How many keys have sends within their windows (for tests and diagnostics).</summary>
    public int TrackedKeys
    {
        get
        {
            lock (_history)
            {
                return _history.Count;
            }
        }
    }

    /// <summary>
    /// Waits until <paramref name="count"/> messages may go to every key in <paramref name="limits"/>, and books them;
    /// returns the time they were booked at (the moment the limits let them go).
    /// </summary>
    public async Task<DateTimeOffset> AcquireAsync(IReadOnlyList<(string Key, IReadOnlyList<RateWindow> Windows)> limits, int count, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(limits);
        if (count <= 0 || limits.Count == 0)
        {
            return _time.GetUtcNow();
        }

        DateTimeOffset bookedAt;
        while (TryAcquire(limits, count, out bookedAt) is { } wait)
        {
            await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
        }

        return bookedAt;
    }

    /// <summary>Books <paramref name="count"/> messages now if every window has room; otherwise returns how long to wait.</summary>
    public TimeSpan? TryAcquire(IReadOnlyList<(string Key, IReadOnlyList<RateWindow> Windows)> limits, int count)
        => TryAcquire(limits, count, out _);

    /// <summary>As <see cref="TryAcquire(IReadOnlyList{ValueTuple{string, IReadOnlyList{RateWindow}}}, int)"/>, with the time it looked at the windows.</summary>
    private TimeSpan? TryAcquire(IReadOnlyList<(string Key, IReadOnlyList<RateWindow> Windows)> limits, int count, out DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(limits);
        lock (_history)
        {
            now = _time.GetUtcNow();
            var wait = TimeSpan.Zero;
            foreach (var (key, windows) in limits)
            {
                var history = _history.GetValueOrDefault(key);
                foreach (var window in windows)
                {
                    var needed = history?.WaitFor(window, now, count) ?? TimeSpan.Zero;
                    if (needed > wait)
                    {
                        wait = needed;
                    }
                }
            }

            if (wait > TimeSpan.Zero)
            {
                return wait;
            }

            foreach (var (key, windows) in limits)
            {
                if (!_history.TryGetValue(key, out var history))
                {
                    history = new History(windows.Count == 0 ? TimeSpan.Zero : windows.Max(w => w.Period), _margin);
                    _history.Add(key, history);
                }

                history.Add(now, count);
            }

            return null;
        }
    }

    /// <summary>Forgets keys with nothing sent within their longest window.</summary>
    public void Prune()
    {
        lock (_history)
        {
            var now = _time.GetUtcNow();
            foreach (var key in _history.Where(p => p.Value.IsIdle(now)).Select(p => p.Key).ToList())
            {
                _history.Remove(key);
            }
        }
    }

    /// <summary>The times of one key's recent sends, oldest first; every period counts <paramref name="margin"/> longer.</summary>
    private sealed class History(TimeSpan longestPeriod, TimeSpan margin)
    {
        private readonly TimeSpan _longest = longestPeriod + margin;
        private readonly List<DateTimeOffset> _sends = new();

        public void Add(DateTimeOffset now, int count)
        {
            _sends.RemoveAll(s => s <= now - _longest);
            for (var i = 0; i < count; i++)
            {
                _sends.Add(now);
            }
        }

        public bool IsIdle(DateTimeOffset now) => _sends.Count == 0 || _sends[^1] <= now - _longest;

        /// <summary>How long until <paramref name="count"/> more sends fit in <paramref name="window"/> (with the margin).</summary>
        public TimeSpan WaitFor(RateWindow window, DateTimeOffset now, int count)
        {
            count = Math.Min(count, window.Limit);
            var period = window.Period + margin;
            var start = now - period;
            var first = _sends.FindIndex(s => s > start);
            if (first < 0)
            {
                return TimeSpan.Zero;
            }

            var inWindow = _sends.Count - first;
            var excess = inWindow + count - window.Limit;
            if (excess <= 0)
            {
                return TimeSpan.Zero;
            }

            // The excess oldest sends in the window must leave it first.
            return _sends[first + excess - 1] + period - now;
        }
    }
}

/// <summary>At most <see cref="Limit"/> messages in any <see cref="Period"/>.</summary>
public sealed record RateWindow(int Limit, TimeSpan Period)
{
    /// <summary>
    /// Reads "7/00:00:01, 8/00:00:02" (limit/period, periods as TimeSpans); an empty text means no limit.
    /// </summary>
    /// <exception cref="FormatException">The text is not a list of positive limit/period pairs.</exception>
    public static IReadOnlyList<RateWindow> ParseList(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var windows = new List<RateWindow>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var pieces = part.Split('/', 2, StringSplitOptions.TrimEntries);
            if (pieces.Length != 2
                || !int.TryParse(pieces[0], NumberStyles.None, CultureInfo.InvariantCulture, out var limit) || limit <= 0
                || !TimeSpan.TryParse(pieces[1], CultureInfo.InvariantCulture, out var period) || period <= TimeSpan.Zero)
            {
                throw new FormatException($"'{part}' is not a rate limit: write messages/period, for example 7/00:00:01.");
            }

            windows.Add(new RateWindow(limit, period));
        }

        return windows;
    }
}
