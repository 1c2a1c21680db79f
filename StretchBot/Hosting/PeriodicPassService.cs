namespace StretchBot.Hosting;

/// <summary>
/// A background service that runs one pass at start and then every <see cref="Interval"/> on the host's
/// <see cref="TimeProvider"/> (retention and clean-up). A failed pass is reported by its exception type only (a pass may
/// touch health data, so never the message) and tried again at the next tick. Every instance may run it: a pass must be
/// safe to run twice or on several instances at once.
/// </summary>
public abstract class PeriodicPassService : BackgroundService
{
    private readonly TimeProvider _time;

    protected PeriodicPassService(TimeProvider time)
    {
        _time = time ?? throw new ArgumentNullException(nameof(time));
    }

    /// <summary>The time between the starts of two passes.</summary>
    protected abstract TimeSpan Interval { get; }

    /// <summary>One pass.</summary>
    protected abstract Task RunPassAsync(CancellationToken cancellationToken);

    /// <summary>Reports a pass that failed with an exception of this type.</summary>
    protected abstract void PassFailed(string exceptionType);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, _time);
        try
        {
            do
            {
                try
                {
                    await RunPassAsync(stoppingToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    PassFailed(ex.GetType().Name);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }
}
