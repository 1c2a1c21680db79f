using System.Text.Json.Serialization;

namespace StretchBot.DirectLine;

/// <summary>The page's token request: empty for a new conversation, or the resume ticket it kept.</summary>
public sealed record PageTokenRequest([property: JsonPropertyName("resume")] string? Resume);
