namespace StretchBot.Dialogs.Privacy;

/// <summary>Whose data to erase: the user's stable key and the conversation they asked from.</summary>
public sealed record PersonalDataOwner(string ChannelId, string UserId, string ConversationId);

/// <summary>
/// Every store that keeps anything about a user implements this; "delete my data" calls them all.
/// </summary>
public interface IPersonalDataEraser
{
    Task EraseAsync(PersonalDataOwner owner, CancellationToken cancellationToken);
}
