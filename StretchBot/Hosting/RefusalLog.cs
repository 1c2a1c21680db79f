namespace StretchBot.Hosting;

/// <summary>
/// Logs refused requests without letting a flood of them flood the log: the first refusal of each kind is logged at
/// once, later ones at most once per <see cref="Interval"/>, with the number left unlogged in between. Only a fixed
/// reason and an exception type are logged: never a stack trace, a token or anything from the body.
/// </summary>
public sealed class RefusalLog
{
    /// <summary>At most one warning per kind of refusal in this time.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    private readonly Dictionary<string, (DateTimeOffset Next, int Unlogged)> _kinds = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private readonly ILogger<RefusalLog> _logger;

    public RefusalLog(TimeProvider time, ILogger<RefusalLog> logger)
    {
        _time = time;
        _logger = logger;
    }

    /// <summary>Records one refusal with <paramref name="statusCode"/> and logs it unless one of its kind was logged lately.</summary>
    public void Refused(string endpoint, int statusCode, string reason)
    {
        var key = $"{endpoint} {statusCode} {reason}";
        int unlogged;
        lock (_kinds)
        {
            var now = _time.GetUtcNow();
            var (next, count) = _kinds.GetValueOrDefault(key);
            if (now < next)
            {
                _kinds[key] = (next, count + 1);
                return;
            }

            _kinds[key] = (now + Interval, 0);
            unlogged = count;
        }

        _logger.RequestRefused(endpoint, statusCode, reason, unlogged, Interval);
    }
}
