using StretchBot.Dialogs.Privacy;

namespace StretchBot.DirectLine;

/// <summary>"delete my data": removes the local Direct Line transcript of the conversation and of the user's other web conversations.</summary>
public sealed class TranscriptEraser : IPersonalDataEraser
{
    private readonly ITranscriptStore _store;
    private readonly ILogger<TranscriptEraser> _logger;

    public TranscriptEraser(ITranscriptStore store, ILogger<TranscriptEraser> logger)
    {
        _store = store;
        _logger = logger;
    }

    public async Task EraseAsync(PersonalDataOwner owner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(owner);
        if (!string.Equals(owner.ChannelId, DirectLineConversationService.ChannelId, StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        // The owner's user id may be the raw channel id ("dl_...") or the stable key ("directline/dl_...").
        var prefix = DirectLineConversationService.ChannelId + "/";
        var userId = owner.UserId.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) ? owner.UserId[prefix.Length..] : owner.UserId;
        var removed = await _store.EraseAsync(owner.ConversationId, userId, cancellationToken);
        _logger.Erased(removed, owner.ConversationId);
    }
}
