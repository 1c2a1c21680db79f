using Microsoft.Extensions.Time.Testing;

namespace StretchBot.Tests.TestSupport;

/// <summary>
/// A FakeTimeProvider that tells the test whenever code starts waiting on it (creates a timer), so a test can
/// advance the clock exactly when the dispatcher waits, without sleeping.
/// </summary>
internal sealed class SignallingTimeProvider(DateTimeOffset start) : FakeTimeProvider(start)
{
    private readonly SemaphoreSlim _timersCreated = new(0);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        _timersCreated.Release();
        return timer;
    }

    /// <summary>Completes when a timer has been created since the last call that consumed one.</summary>
    public Task WaitForTimerAsync(CancellationToken cancellationToken) => _timersCreated.WaitAsync(cancellationToken);
}
