namespace StretchBot.Dialogs.Understanding.Readers;

/// <summary>
/// A typed answer to a card of warning-sign questions: the signs it says yes to (of any tier: "no. I'm
/// immunocompromised" on the emergency card says yes to a see-a-doctor sign), and whether every other question
/// on the card is answered no.
/// </summary>
public sealed record RedFlagReply(IReadOnlyList<string> Yes, bool RestAreNo)
{
    public static RedFlagReply None { get; } = new([], true);
}
