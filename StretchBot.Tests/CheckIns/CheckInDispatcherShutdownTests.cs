using StretchBot.CheckIns;

namespace StretchBot.Tests.CheckIns;

/// <summary>
/// Stopping the host (SIGTERM, a redeploy) while a check-in is on its way: the send that is already out finishes and
/// is recorded, so the user never gets it twice; nothing new is claimed or started; only the host's shutdown timeout
/// (or a kill) can cut a send short, and then that one message alone may be sent again.
/// </summary>
public sealed class CheckInDispatcherShutdownTests : IDisposable
{
    private static readonly CancellationToken None = CancellationToken.None;
    // One send at a time, so that a stop finds check-ins that were claimed but not yet started.
    private readonly CheckInHarness _bot = new(o => o.MaxConcurrentSends = 1);
    private readonly HeldChannelAdapter _channel = new();
    private readonly CheckInDispatcher _dispatcher;

    public CheckInDispatcherShutdownTests() => _dispatcher = _bot.NewDispatcher(_bot.Store, _channel);

    public void Dispose()
    {
        _dispatcher.Dispose();
        _bot.Dispose();
    }

    [Fact]
    public async Task AGracefulStopLetsTheSendInFlightFinishAndRecordsIt()
    {
        var checkIn = await _bot.PlanGivenAsync("ana");
        await StartWithASendOutAsync();

        var stopping = _dispatcher.StopAsync(None);
        _channel.Release();
        await stopping.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(0, _channel.Abandoned);
        Assert.Equal(CheckInStatus.Sent, (await _bot.Store.FindAsync(checkIn.Id, None))!.Status);

        // The restarted instance, once the old lease has run out, has nothing to send again.
        _bot.Advance(_bot.Options.Lease);
        Assert.Equal(0, await _bot.DispatchAsync(_bot.NewDispatcher(_bot.NewStore(), _channel)));
        Assert.Equal(checkIn.Id, Assert.Single(_channel.Reached)!.Id);
    }

    [Fact]
    public async Task CheckInsClaimedButNotStartedWhenTheHostStopsAreLeftForTheNextInstanceAtOnce()
    {
        var first = await _bot.PlanGivenAsync("ana", tenant: "clinic");
        var second = await _bot.PlanGivenAsync("ben", tenant: "clinic");
        await StartWithASendOutAsync();

        var stopping = _dispatcher.StopAsync(None);
        _channel.Release();
        await stopping.WaitAsync(TimeSpan.FromSeconds(30));

        // The stopping instance started nothing new; the next one sends the rest without waiting out a lease.
        Assert.Single(_channel.Reached);
        Assert.Equal(1, await _bot.DispatchAsync(_bot.NewDispatcher(_bot.NewStore(), _channel)));
        Assert.Equal(new[] { first.Id, second.Id }.Order(), _channel.Reached.Select(c => c!.Id).Order());
        Assert.Equal(CheckInStatus.Sent, (await _bot.Store.FindAsync(first.Id, None))!.Status);
        Assert.Equal(CheckInStatus.Sent, (await _bot.Store.FindAsync(second.Id, None))!.Status);
    }

    [Fact]
    public async Task ASendStillOutWhenTheShutdownTimeoutEndsIsTheOnlyOneSentAgain()
    {
        var checkIn = await _bot.PlanGivenAsync("ana");
        await StartWithASendOutAsync();

        using var shutdownTimeout = new CancellationTokenSource();
        var stopping = _dispatcher.StopAsync(shutdownTimeout.Token);
        await shutdownTimeout.CancelAsync();
        await stopping.WaitAsync(TimeSpan.FromSeconds(30));
        await _dispatcher.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(30));
        _channel.Release();

        // Whether the channel got it is unknown, so it stays due: sent again once its lease ends, and not before.
        Assert.Equal(1, _channel.Abandoned);
        Assert.Equal(CheckInStatus.Pending, (await _bot.Store.FindAsync(checkIn.Id, None))!.Status);
        var restarted = _bot.NewDispatcher(_bot.NewStore(), _channel);
        Assert.Equal(0, await _bot.DispatchAsync(restarted));
        _bot.Advance(_bot.Options.Lease);
        Assert.Equal(1, await _bot.DispatchAsync(restarted));
        Assert.Equal([checkIn.Id, checkIn.Id], _channel.Reached.Select(c => c!.Id));
    }

    /// <summary>A week on, the host starts and its dispatcher sends the first due check-in, whose answer the channel holds.</summary>
    private async Task StartWithASendOutAsync()
    {
        _bot.Advance(TimeSpan.FromDays(7));
        await _dispatcher.StartAsync(None);
        await _channel.WaitForSendOutAsync();
    }
}
