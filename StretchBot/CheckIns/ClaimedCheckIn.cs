using Microsoft.Bot.Schema;
using StretchBot.Dialogs.CheckIns;

namespace StretchBot.CheckIns;

/// <summary>A due message (the check-in or its reminder) that one dispatcher has leased and now sends.</summary>
/// <param name="Id">The check-in id; the same for the check-in and its reminder.</param>
/// <param name="UserId">The user's stable key.</param>
/// <param name="Kind">Which message is due.</param>
/// <param name="Reference">Where to send it; null when the stored reference could not be read.</param>
/// <param name="TenantKey">The tenant (Teams) or channel the conversation belongs to, for spreading sends.</param>
/// <param name="Attempt">Which try this is, 1-based.</param>
/// <param name="DueUtc">When this message fell due.</param>
public sealed record ClaimedCheckIn(
    string Id,
    string UserId,
    CheckInMessageKind Kind,
    ConversationReference? Reference,
    string TenantKey,
    int Attempt,
    DateTimeOffset DueUtc);
