namespace StretchBot.Dialogs.Privacy;

/// <summary>
/// Runs once after "delete my data" has erased everything (every <see cref="IPersonalDataEraser"/> and the state),
/// to make the erase final where a store keeps old bytes around (a database's write-ahead log, say).
/// </summary>
public interface IErasureFinisher
{
    Task FinishAsync(CancellationToken cancellationToken);
}
