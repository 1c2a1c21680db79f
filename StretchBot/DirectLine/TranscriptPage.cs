namespace StretchBot.DirectLine;

/// <summary>Activities (raw JSON, oldest first) after a watermark, and the watermark to ask from next time.</summary>
public sealed record TranscriptPage(IReadOnlyList<string> Activities, long Watermark);
