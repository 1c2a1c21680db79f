using StretchBot.Dialogs.CheckIns;

namespace StretchBot.Tests.TestSupport;

/// <summary>A message that reached the (fake) channel, stamped with the fake clock.</summary>
internal sealed record SentMessage(DateTimeOffset AtUtc, string? ConversationId, string? TenantId, string? Text, DueCheckIn? CheckIn);
