using StretchBot.Domain.RedFlags;
using StretchBot.Domain.Swaps;
using StretchBot.Domain.Triage;
using StretchBot.Dialogs.Progress;

namespace StretchBot.Tests.Progress;

/// <summary>What the recorded moments add up to: the scores, the plan now, every stretch tried and how it went.</summary>
public class ProgressHistoryTests
{
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task APlanItsCheckInsAndSwapsAddUpToTheScoresThePlanNowAndEachStretchsWeeks()
    {
        var (recorder, store, time) = Recorder();
        await recorder.ConsentGivenAsync("u", CancellationToken.None);
        await recorder.SafetyScreenedAsync("u", new SafetyScreenRecord("triage", [], RedFlagOutcome.None, null), CancellationToken.None);
        await recorder.PlanStartedAsync("u", new PlanRecord(6, false, [("catCow", "why 1"), ("kneeRolls", "why 2")], new TriageAnswers { Duration = PainDuration.SixToTwelveWeeks }), CancellationToken.None);
        time.Advance(TimeSpan.FromDays(7));
        await recorder.CheckInAnsweredAsync("u", CheckIn(5, ("catCow", Feedback.Worse), ("kneeRolls", Feedback.Same)) with { Swaps = [new SwapRecord("catCow", "cobra", SwapReason.Worse)] }, CancellationToken.None);
        time.Advance(TimeSpan.FromDays(7));
        await recorder.CheckInAnsweredAsync("u", CheckIn(3, ("cobra", Feedback.Better), ("kneeRolls", Feedback.Same)), CancellationToken.None);
        await recorder.SwapTakenAsync("u", new SwapRecord("kneeRolls", "pelvicTilt", SwapReason.Offered), CancellationToken.None);

        var history = ProgressHistory.From(await store.ReadAsync("u", CancellationToken.None));

        Assert.Equal(Monday, history.ConsentUtc);
        Assert.Equal([6, 5, 3], history.PainPoints.Select(p => p.Pain));
        Assert.Equal([true, false, false], history.PainPoints.Select(p => p.AtPlanStart));
        Assert.Equal(["cobra", "pelvicTilt"], history.CurrentStretches);
        Assert.Equal(["catCow", "kneeRolls", "cobra", "pelvicTilt"], history.StretchesTried);
        Assert.Equal([Feedback.Worse, null], history.FeedbackFor("catCow"));
        Assert.Equal([null, Feedback.Better], history.FeedbackFor("cobra"));
        Assert.Equal(PainDuration.SixToTwelveWeeks, history.Plans[0].Answers!.Duration);
        Assert.Equal([SwapReason.Worse, SwapReason.Offered], history.Swaps.Select(s => s.Swap.Reason));
        Assert.Equal(3, history.Screens.Count);
        Assert.Null(history.StoppedBy);
    }

    [Fact]
    public async Task AWarningSignAtACheckInStopsThePlanAndANewPlanStartsAgain()
    {
        var (recorder, store, time) = Recorder();
        await recorder.PlanStartedAsync("u", new PlanRecord(4, false, [("catCow", "why")]), CancellationToken.None);
        time.Advance(TimeSpan.FromDays(7));
        var stop = new SafetyScreenRecord("check-in", [RedFlagIds.BowelControl], RedFlagOutcome.Emergency, null);
        await recorder.CheckInAnsweredAsync("u", CheckIn(null) with { Screen = stop }, CancellationToken.None);

        var stopped = ProgressHistory.From(await store.ReadAsync("u", CancellationToken.None));

        Assert.Empty(stopped.CurrentStretches);
        Assert.Equal([RedFlagIds.BowelControl], stopped.StoppedBy!.SignIds);
        Assert.Equal([4], stopped.PainPoints.Select(p => p.Pain));

        await recorder.PlanStartedAsync("u", new PlanRecord(3, true, [("kneeRolls", "why")]), CancellationToken.None);
        var again = ProgressHistory.From(await store.ReadAsync("u", CancellationToken.None));
        Assert.Equal(["kneeRolls"], again.CurrentStretches);
        Assert.Null(again.StoppedBy);
    }

    [Fact]
    public async Task AClearedSeeADoctorSignKeepsThePlan()
    {
        var (recorder, store, _) = Recorder();
        await recorder.PlanStartedAsync("u", new PlanRecord(4, false, [("catCow", "why")]), CancellationToken.None);
        await recorder.CheckInAnsweredAsync("u", CheckIn(4) with { Screen = new SafetyScreenRecord("check-in", [RedFlagIds.Fever], RedFlagOutcome.SeeDoctorSoon, true) }, CancellationToken.None);

        Assert.Equal(["catCow"], ProgressHistory.From(await store.ReadAsync("u", CancellationToken.None)).CurrentStretches);
    }

    [Fact]
    public async Task WhatIsStoredIsIdsScoresAndChoicesOnly()
    {
        var (recorder, store, _) = Recorder();
        await recorder.PlanStartedAsync("u", new PlanRecord(6, false, [("catCow", "It eases stiffness.")], new TriageAnswers { PainNow = 6, Location = PainLocation.DownOneLeg }), CancellationToken.None);
        await recorder.CheckInAnsweredAsync("u", CheckIn(5, ("catCow", Feedback.Same)), CancellationToken.None);

        var events = (await store.ReadAsync("u", CancellationToken.None))!.Events;

        Assert.Equal("{\"p\":6,\"s\":[{\"i\":\"catCow\",\"w\":\"It eases stiffness.\"}],\"a\":{\"l\":\"DownOneLeg\"}}", events[0].Data);
        Assert.Equal("{\"p\":5,\"f\":{\"catCow\":\"Same\"},\"r\":{\"w\":\"check-in\"}}", events[1].Data);
    }

    private static (StoredProgressRecorder Recorder, MemoryStore Store, Microsoft.Extensions.Time.Testing.FakeTimeProvider Time) Recorder()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(Monday);
        var store = new MemoryStore();
        return (new StoredProgressRecorder(store, time), store, time);
    }

    private static CheckInRecord CheckIn(int? pain, params (string Id, Feedback Feedback)[] feedback)
        => new(pain, feedback.ToDictionary(f => f.Id, f => f.Feedback), [], [], [], new SafetyScreenRecord("check-in", [], RedFlagOutcome.None, null));

    /// <summary>Just enough of a store for the recorder: one person's moments in memory.</summary>
    private sealed class MemoryStore : IProgressStore
    {
        private readonly List<ProgressEvent> _events = [];
        private DateTimeOffset? _consent;

        public Task AppendAsync(string userKey, ProgressEvent progressEvent, CancellationToken cancellationToken)
        {
            _events.Add(progressEvent);
            return Task.CompletedTask;
        }

        public Task SetConsentAsync(string userKey, DateTimeOffset at, CancellationToken cancellationToken)
        {
            _consent = at;
            return Task.CompletedTask;
        }

        public Task<StoredHistory?> ReadAsync(string userKey, CancellationToken cancellationToken) => Task.FromResult<StoredHistory?>(new StoredHistory(_consent, _events.ToList(), null));

        public Task<string?> PictureKeyAsync(string userKey, string? timeZoneId, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<string?> UserForPictureKeyAsync(string pictureKey, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task AddShareLinkAsync(string tokenHash, ShareLink link, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<ShareLink?> FindShareLinkAsync(string tokenHash, DateTimeOffset now, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<int> RevokeShareLinksAsync(string userKey, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task DeleteUserAsync(string userKey, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<int> DeleteInactiveAsync(DateTimeOffset inactiveSince, DateTimeOffset now, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
