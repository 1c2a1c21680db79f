namespace StretchBot.Tests.TestSupport;

/// <summary>
/// The buttons a person presses from the first question to the plan (consent, no red flags, a typical triage), one
/// step at a time, so a test can stop a conversation at any question and carry on later.
/// </summary>
internal static class JourneySteps
{
    public static readonly IReadOnlyList<(string Button, object? Inputs)> ToThePlan =
    [
        ("Yes, I've checked", null), ("None of these", null), ("None of these", null),
        ("4", null), ("6 to 12 weeks", null), ("Lower back only", null),
        ("Bending forward or sitting", null), ("Neither, or not sure", null), ("Done", new { choices = "NoneOrDontKnow" }),
        ("Yes, I can", null), ("Yes", null), ("No", null), ("20 to 50", null),
    ];

    /// <summary>Says hello and presses the first <paramref name="steps"/> buttons: the conversation is then at question <paramref name="steps"/>.</summary>
    public static async Task<Replies> ToQuestionAsync(IConversationDriver driver, int steps)
    {
        var replies = await driver.SendAsync("hi");
        foreach (var (button, inputs) in ToThePlan.Take(steps))
        {
            replies = await driver.ClickAsync(button, inputs);
        }

        return replies;
    }

    /// <summary>Whether <paramref name="replies"/> ask question <paramref name="step"/> (carry its button), or show the plan after the last.</summary>
    public static bool AreAt(Replies replies, int step) => step < ToThePlan.Count
        ? replies.Cards.SelectMany(c => c.SelectTokens("$..[?(@.type == 'Action.Submit')].title")).Any(t => string.Equals(t.ToString(), ToThePlan[step].Button, StringComparison.OrdinalIgnoreCase))
        : replies.StretchCards.Count > 0;
}
