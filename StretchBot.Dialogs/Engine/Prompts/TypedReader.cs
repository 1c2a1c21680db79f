using StretchBot.Dialogs.Understanding;

namespace StretchBot.Dialogs.Engine.Prompts;

/// <summary>What a typed-answer reader knows besides the words: the question asked, and the user's language and time zone.</summary>
public sealed record TypedReplyContext(PromptOptions Options, string? Culture, TimeZoneInfo TimeZone);

/// <summary>Reads typed words as an answer to one prompt: understood, unsure (confirm first) or not understood.</summary>
public delegate Reading<T> TypedReader<T>(string text, TypedReplyContext context);
