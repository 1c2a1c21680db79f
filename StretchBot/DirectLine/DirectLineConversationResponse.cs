using System.Text.Json.Serialization;

namespace StretchBot.DirectLine;

/// <summary>The Direct Line 3.0 Conversation object (token responses, start and reconnect).</summary>
public sealed record DirectLineConversationResponse(
    [property: JsonPropertyName("conversationId")] string ConversationId,
    [property: JsonPropertyName("token")] string Token,
    [property: JsonPropertyName("expires_in")] int ExpiresIn);
