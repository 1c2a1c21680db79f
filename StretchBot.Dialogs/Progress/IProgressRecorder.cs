namespace StretchBot.Dialogs.Progress;

/// <summary>
/// Where the conversation reports the moments a user's progress is made of: consent, each plan, each safety screen
/// and each check-in (never the user's own words). The history store behind it keeps them for "my progress" and the
/// summary for a physio; with no store, <see cref="NoProgressRecorder"/> keeps nothing. Implementations stamp the time.
/// </summary>
public interface IProgressRecorder
{
    Task ConsentGivenAsync(string userKey, CancellationToken cancellationToken);

    Task PlanStartedAsync(string userKey, PlanRecord plan, CancellationToken cancellationToken);

    Task SafetyScreenedAsync(string userKey, SafetyScreenRecord screen, CancellationToken cancellationToken);

    Task CheckInAnsweredAsync(string userKey, CheckInRecord checkIn, CancellationToken cancellationToken);

    /// <summary>An offered swap the user took (after the check-in it was offered at).</summary>
    Task SwapTakenAsync(string userKey, SwapRecord swap, CancellationToken cancellationToken);
}

/// <summary>Keeps nothing (the default until a history store is configured).</summary>
public sealed class NoProgressRecorder : IProgressRecorder
{
    public Task ConsentGivenAsync(string userKey, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task PlanStartedAsync(string userKey, PlanRecord plan, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task SafetyScreenedAsync(string userKey, SafetyScreenRecord screen, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task CheckInAnsweredAsync(string userKey, CheckInRecord checkIn, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task SwapTakenAsync(string userKey, SwapRecord swap, CancellationToken cancellationToken) => Task.CompletedTask;
}
