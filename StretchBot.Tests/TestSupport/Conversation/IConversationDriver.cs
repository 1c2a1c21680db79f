namespace StretchBot.Tests.TestSupport;

/// <summary>
/// A person's side of a conversation, whatever carries it (TestAdapter in process, or HTTP to a running host):
/// say something, or press a button on the last card that has it.
/// </summary>
internal interface IConversationDriver
{
    /// <summary>The replies of the most recent turn.</summary>
    Replies Last { get; }

    Task<Replies> SendAsync(string text);

    /// <summary>Presses the button titled <paramref name="title"/> on the last card that has one, with any input values.</summary>
    Task<Replies> ClickAsync(string title, object? inputs = null);
}
