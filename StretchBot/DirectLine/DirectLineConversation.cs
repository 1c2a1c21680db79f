namespace StretchBot.DirectLine;

/// <summary>A local Direct Line conversation: its id and the one user its tokens are bound to.</summary>
/// <param name="LastSequence">The highest sequence number given to an activity so far (erased ones included).</param>
public sealed record DirectLineConversation(string ConversationId, string UserId, bool Started, long LastSequence = 0);
