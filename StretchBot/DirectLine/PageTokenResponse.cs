using System.Text.Json.Serialization;

namespace StretchBot.DirectLine;

/// <summary>What the web page gets from POST /api/directline/token: everything createDirectLine needs.</summary>
public sealed record PageTokenResponse(
    [property: JsonPropertyName("mode")] string Mode,
    [property: JsonPropertyName("domain")] string Domain,
    [property: JsonPropertyName("conversationId")] string ConversationId,
    [property: JsonPropertyName("userId")] string UserId,
    [property: JsonPropertyName("token")] string Token,
    [property: JsonPropertyName("expires_in")] int ExpiresIn,
    [property: JsonPropertyName("resume")] string? Resume,
    [property: JsonPropertyName("resumed")] bool Resumed,
    [property: JsonPropertyName("webSocket")] bool WebSocket);
