using System.Text.Json.Serialization;

namespace StretchBot.DirectLine;

/// <summary>
/// The Direct Line 3.0 Conversation object (token responses, start and reconnect). Start and reconnect carry the
/// conversation's streamUrl (a WebSocket of activity sets, from the watermark asked for).
/// </summary>
public sealed record DirectLineConversationResponse(
    [property: JsonPropertyName("conversationId")] string ConversationId,
    [property: JsonPropertyName("token")] string Token,
    [property: JsonPropertyName("expires_in")] int ExpiresIn,
    [property: JsonPropertyName("streamUrl"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? StreamUrl = null);
