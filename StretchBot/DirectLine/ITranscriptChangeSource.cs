namespace StretchBot.DirectLine;

/// <summary>
/// How an instance hears of transcript activities other instances append (<see cref="PostgresTranscriptListener"/>:
/// LISTEN/NOTIFY; <see cref="SqliteTranscriptWatcher"/>: other processes on the same file), passing them on to its
/// <see cref="TranscriptFeed"/>. Run for the life of the host by <see cref="TranscriptChangeRelay"/>.
/// </summary>
public interface ITranscriptChangeSource
{
    /// <summary>True while notifications from other instances are arriving (false while reconnecting).</summary>
    bool IsConnected { get; }

    Task RunAsync(TranscriptFeed feed, CancellationToken stoppingToken);
}
