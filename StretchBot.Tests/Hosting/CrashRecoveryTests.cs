using Newtonsoft.Json.Linq;
using StretchBot.Dialogs.CheckIns;
using StretchBot.Dialogs.Plans;

namespace StretchBot.Tests.Hosting;

/// <summary>
/// The real host as a child process, on one SQLite database across restarts, with its check-ins going to a channel on
/// this machine that can hold a send in flight. Killed (kill -9) in the middle of a turn and of a check-in send, every
/// conversation carries on at its question and no check-in is lost; only the send in flight at that instant may come
/// twice. Stopped gracefully (SIGTERM) in the middle of a send, no check-in comes twice.
/// </summary>
public sealed class CrashRecoveryTests : IAsyncLifetime
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(6);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "stretchbot-crash-" + Guid.NewGuid().ToString("N"));
    private LoopbackChannel _channel = null!;
    private HostProcess _host = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        _channel = await LoopbackChannel.StartAsync();
        _host = await StartHostAsync();
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _channel.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task KilledMidTurnAndMidSendEveryConversationResumesAtItsQuestionAndNoCheckInIsLost()
    {
        var checkInHeld = _channel.HoldNext((_, activity) => IsCheckIn(activity));
        var inFlight = await BookCheckInAsync("kill-a");
        var queued = await BookCheckInAsync("kill-b");
        var waiting = new Dictionary<HttpConversationDriver, int>();
        foreach (var step in new[] { 0, 3, 5, 8, 11 })
        {
            var driver = Driver($"kill-at-{step}");
            await JourneySteps.ToQuestionAsync(driver, step);
            waiting[driver] = step;
        }

        // One person's answer is mid-turn (the bot's reply is out, unanswered) and a check-in is mid-send: kill -9.
        var midTurn = Driver("kill-mid-turn");
        await JourneySteps.ToQuestionAsync(midTurn, 2);
        var replyHeld = _channel.HoldNext((conversation, _) => conversation == midTurn.ConversationId);
        var turn = midTurn.ClickWithRepliesToTheChannelAsync(JourneySteps.ToThePlan[2].Button);
        await replyHeld.WaitAsync(Patience);
        var held = await checkInHeld.WaitAsync(Patience);
        await _host.KillAsync();
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => turn);
        _channel.Release();

        _host = await StartHostAsync();
        waiting[midTurn] = 2;
        foreach (var (driver, step) in waiting)
        {
            driver.Http = _host.Http;
            var next = await driver.ClickAsync(JourneySteps.ToThePlan[step].Button, JourneySteps.ToThePlan[step].Inputs);
            Assert.True(JourneySteps.AreAt(next, step + 1), $"{driver.ConversationId} did not go on from question {step}:\n{next}");
        }

        var sentinel = await BookCheckInAsync("kill-sentinel");
        await WaitForCheckInsAsync(inFlight, queued, sentinel);
        Assert.Contains(held.ConversationId, new[] { inFlight, queued });
        Assert.InRange(CheckInsTo(held.ConversationId), 1, 2);
        Assert.Equal(1, CheckInsTo(held.ConversationId == inFlight ? queued : inFlight));
        Assert.Equal(1, CheckInsTo(sentinel));
    }

    [Fact]
    public async Task StoppedGracefullyMidSendNoCheckInIsSentTwice()
    {
        var checkInHeld = _channel.HoldNext((_, activity) => IsCheckIn(activity));
        var first = await BookCheckInAsync("stop-a");
        var second = await BookCheckInAsync("stop-b");
        var held = await checkInHeld.WaitAsync(Patience);

        // SIGTERM with the check-in out: the channel answers once the dispatcher is stopping (or the host gave up on it).
        _host.BeginTerminate();
        await Task.WhenAny(_host.WaitForOutputAsync("stopping: nothing new is claimed", Patience), held.SenderGaveUp);
        _channel.Release();
        await _host.WaitForExitAsync();

        _host = await StartHostAsync();
        var sentinel = await BookCheckInAsync("stop-sentinel");
        await WaitForCheckInsAsync(first, second, sentinel);
        Assert.Equal(1, CheckInsTo(first));
        Assert.Equal(1, CheckInsTo(second));
        Assert.Equal(1, CheckInsTo(sentinel));
    }

    private Task<HostProcess> StartHostAsync() => HostProcess.StartAsync(new Dictionary<string, string?>
    {
        ["Storage:ConnectionString"] = $"Data Source={Path.Combine(_folder, "stretchbot.db")}",
        ["CheckIn:Interval"] = Interval.ToString(),
        ["CheckIn:ReminderAfter"] = "01:00:00",
        ["CheckIn:PollInterval"] = "00:00:00.200",
        ["CheckIn:Lease"] = "00:00:04",
        ["CheckIn:TenantSpacing"] = "00:00:00",

        // One send at a time, so that exactly one check-in is in flight when the host is killed (with several at once,
        // each one in flight at that instant may repeat).
        ["CheckIn:MaxConcurrentSends"] = "1",
        ["DirectLine:Enabled"] = "false",
    });

    private HttpConversationDriver Driver(string conversationId) => new(_host.Http, conversationId, serviceUrl: _channel.ServiceUrl);

    /// <summary>A person goes through to the plan and books the check-in (due one <see cref="Interval"/> later); returns their conversation.</summary>
    private async Task<string> BookCheckInAsync(string conversationId)
    {
        var driver = Driver(conversationId);
        var plan = await JourneySteps.ToQuestionAsync(driver, JourneySteps.ToThePlan.Count);
        var label = CheckInTimes.DefaultLabel(Interval);
        var button = plan.Cards.SelectMany(c => c.SelectTokens("$..[?(@.type == 'Action.Submit')].title"))
            .Select(t => t.ToString()).First(t => t.StartsWith(label, StringComparison.Ordinal));
        var booked = await driver.ClickAsync(button);
        Assert.True(booked.Mentions("I'll check in on"), booked.AllText);
        return conversationId;
    }

    /// <summary>
    /// Until each conversation has had its check-in. The last one was booked after every lease of the others ran out,
    /// so by the time it arrives any check-in that was going to be sent again has been.
    /// </summary>
    private Task WaitForCheckInsAsync(params string[] conversations) => _channel.WaitUntilAsync(
        () => conversations.All(c => CheckInsTo(c) > 0),
        Patience,
        () => string.Join(", ", conversations.Select(c => $"{c}: {CheckInsTo(c)}")) + "\n" + _host.Output);

    private int CheckInsTo(string conversationId) => _channel.Count(conversationId, IsCheckIn);

    private static bool IsCheckIn(JObject activity) => activity.ToString().Contains(CheckInCard.Title, StringComparison.Ordinal);
}
