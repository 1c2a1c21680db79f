using Microsoft.Extensions.DependencyInjection;
using StretchBot.Dialogs.CheckIns;
using StretchBot.Domain.RedFlags;
using StretchBot.Domain.Swaps;
using StretchBot.Dialogs.Progress;
using static StretchBot.Tests.TestSupport.CheckInSteps;

namespace StretchBot.Tests.Progress;

/// <summary>The conversation reports the moments progress is made of, with ids and scores only, never the user's words.</summary>
public class ProgressRecorderTests
{
    [Fact]
    public async Task ConsentTheSafetyScreenThePlanAndEachCheckInAreRecorded()
    {
        var recorder = new RecordingProgress();
        using var harness = new ConversationHarness(configureServices: s => s.AddSingleton<IProgressRecorder>(recorder));
        var plan = await GivePlanAsync(harness);
        await NextCheckInAsync(harness);
        await harness.Driver.ClickAsync("Send", CardInputs(plan, id => id == plan[0] ? "Worse" : "Better", 2));

        Assert.Equal(["consent", "screen", "plan", "check-in"], recorder.Events.Select(e => e.Kind));
        Assert.All(recorder.Events, e => Assert.Equal(harness.UserKey, e.UserKey));
        var screen = (SafetyScreenRecord)recorder.Events[1].Record!;
        Assert.Equal(RedFlagOutcome.None, screen.Outcome);
        var planned = (PlanRecord)recorder.Events[2].Record!;
        Assert.Equal(4, planned.PainAtStart);
        Assert.Equal(plan, planned.Stretches.Select(s => s.StretchId));
        var checkIn = (CheckInRecord)recorder.Events[3].Record!;
        Assert.Equal(2, checkIn.Pain);
        Assert.Equal(Feedback.Worse, checkIn.Feedback[plan[0]]);
        Assert.Equal(plan[0], Assert.Single(checkIn.Swaps).OldStretchId);
    }

    private sealed class RecordingProgress : IProgressRecorder
    {
        public List<(string Kind, string UserKey, object? Record)> Events { get; } = new();

        public Task ConsentGivenAsync(string userKey, CancellationToken cancellationToken) => Add("consent", userKey, null);

        public Task PlanStartedAsync(string userKey, PlanRecord plan, CancellationToken cancellationToken) => Add("plan", userKey, plan);

        public Task SafetyScreenedAsync(string userKey, SafetyScreenRecord screen, CancellationToken cancellationToken) => Add("screen", userKey, screen);

        public Task CheckInAnsweredAsync(string userKey, CheckInRecord checkIn, CancellationToken cancellationToken) => Add("check-in", userKey, checkIn);

        public Task SwapTakenAsync(string userKey, SwapRecord swap, CancellationToken cancellationToken) => Add("swap", userKey, swap);

        private Task Add(string kind, string userKey, object? record)
        {
            Events.Add((kind, userKey, record));
            return Task.CompletedTask;
        }
    }
}
