using Microsoft.Bot.Schema;

namespace StretchBot.Dialogs.State;

/// <summary>
/// The stable identity of a user across conversations: Teams' Azure AD object id where present
/// (from.aadObjectId), otherwise the channel's user id; always scoped by channel.
/// </summary>
public static class UserKey
{
    public static string From(IActivity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var from = activity.From ?? throw new ArgumentException("The activity has no sender.", nameof(activity));
        var id = string.IsNullOrWhiteSpace(from.AadObjectId) ? from.Id : from.AadObjectId;
        if (string.IsNullOrWhiteSpace(id))
        {
            throw new ArgumentException("The activity's sender has no id.", nameof(activity));
        }

        return $"{activity.ChannelId}/{id}";
    }
}
