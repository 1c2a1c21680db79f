using static StretchBot.Tests.TestSupport.TriageScripts;

namespace StretchBot.Tests.Triage;

/// <summary>The question after the plan: when to check in.</summary>
public class CheckInTimeQuestionTests
{
    /// <summary>
    /// Everyday words for "the suggested time" ("works for me", "that one") pick the button, though they are no longer stored
    /// with each conversation's state (the prompt keeps them).
    /// </summary>
    [Theory]
    [InlineData("the suggested time")]
    [InlineData("works for me")]
    [InlineData("go with that")]
    [InlineData("that one")]
    [InlineData("the default")]
    [InlineData("a week today")]
    public async Task EverydayWordsForTheSuggestedTimeBookIt(string reply)
    {
        using var harness = new ConversationHarness();
        await ThroughSafetyQuestionsAsync(harness.Driver);
        var plan = await AnswerTriageAsync(harness.Driver, new Symptoms());
        Assert.True(plan.Mentions("When should I check in"));

        var booked = await harness.Driver.SendAsync(reply);

        Assert.True(booked.Mentions("Done. I'll check in on"));
    }
}
