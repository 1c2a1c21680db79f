namespace StretchBot.Dialogs.Progress;

/// <summary>Keeps each reported moment in the <see cref="IProgressStore"/>, stamped with the time it happened.</summary>
public sealed class StoredProgressRecorder : IProgressRecorder
{
    private readonly IProgressStore _store;
    private readonly TimeProvider _time;

    public StoredProgressRecorder(IProgressStore store, TimeProvider time)
    {
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _time = time ?? throw new ArgumentNullException(nameof(time));
    }

    public Task ConsentGivenAsync(string userKey, CancellationToken cancellationToken)
        => _store.SetConsentAsync(userKey, _time.GetUtcNow(), cancellationToken);

    public Task PlanStartedAsync(string userKey, PlanRecord plan, CancellationToken cancellationToken)
        => AppendAsync(userKey, ProgressEventKind.Plan, PlanData.From(plan), cancellationToken);

    public Task SafetyScreenedAsync(string userKey, SafetyScreenRecord screen, CancellationToken cancellationToken)
        => AppendAsync(userKey, ProgressEventKind.Screen, ScreenData.From(screen), cancellationToken);

    public Task CheckInAnsweredAsync(string userKey, CheckInRecord checkIn, CancellationToken cancellationToken)
        => AppendAsync(userKey, ProgressEventKind.CheckIn, CheckInData.From(checkIn), cancellationToken);

    public Task SwapTakenAsync(string userKey, SwapRecord swap, CancellationToken cancellationToken)
        => AppendAsync(userKey, ProgressEventKind.Swap, SwapData.From(swap), cancellationToken);

    private Task AppendAsync<T>(string userKey, ProgressEventKind kind, T data, CancellationToken cancellationToken)
        => _store.AppendAsync(userKey, new ProgressEvent(kind, _time.GetUtcNow(), ProgressEventJson.Write(data)), cancellationToken);
}
