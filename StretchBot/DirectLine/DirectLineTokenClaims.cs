namespace StretchBot.DirectLine;

/// <summary>What a valid credential says: which conversation, which user, until when.</summary>
public sealed record DirectLineTokenClaims(DirectLineTokenKind Kind, string ConversationId, string UserId, DateTimeOffset ExpiresUtc);
