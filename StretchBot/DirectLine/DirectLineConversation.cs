namespace StretchBot.DirectLine;

/// <summary>A local Direct Line conversation: its id and the one user its tokens are bound to.</summary>
public sealed record DirectLineConversation(string ConversationId, string UserId, bool Started);
