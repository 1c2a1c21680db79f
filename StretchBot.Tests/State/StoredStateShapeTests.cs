using Newtonsoft.Json.Linq;
using StretchBot.Domain.Triage;
using StretchBot.Tests.Triage;

namespace StretchBot.Tests.State;

/// <summary>What is stored about a user: compact, and state stored in the older shape still works.</summary>
public sealed class StoredStateShapeTests
{
    private const string UserKey = "users/test/user-1";
    private const string ConversationKey = "test/conversations/conversation-1";

    /// <summary>A user's state as the bot stored it before the compact shape: the plan carried a second copy of the answers.</summary>
    private const string OldUserState = """
        {"UserProfile":{"Answers":{"ConsentConfirmed":true,"ConsentConfirmedAt":"2026-11-24T14:00:00+00:00","RedFlagAnswers":{"saddle-numbness":false,"bladder-change":false,"both-legs":false,"fever":false},"ClinicianClearedRedFlags":null,"ClinicianClearedRedFlagsAt":null,"PainNow":4,"Duration":"SixToTwelveWeeks","Location":"LowerBackOnly","WorseWith":"BendingForwardOrSitting","Diagnoses":["SpinalStenosis"],"CanGetToFloor":true,"SitsForLongPeriods":true,"Runs":false,"AgeBand":"From20To50"},
        "CurrentPlan":{"CreatedUtc":"2026-11-24T14:00:00+00:00","Stretches":[{"StretchId":"knee-hugs","Reason":"r1"},{"StretchId":"cat-cow","Reason":"r2"}],"PainAtStart":4,"IsGentle":false,"CheckInId":null,"NextCheckInUtc":null,"TimeZoneId":null,"CheckInCount":0,
        "Answers":{"ConsentConfirmed":true,"ConsentConfirmedAt":"2026-11-24T14:00:00+00:00","RedFlagAnswers":{"saddle-numbness":false,"bladder-change":false,"both-legs":false,"fever":false},"ClinicianClearedRedFlags":null,"ClinicianClearedRedFlagsAt":null,"PainNow":4,"Duration":"SixToTwelveWeeks","Location":"LowerBackOnly","WorseWith":"BendingForwardOrSitting","Diagnoses":["SpinalStenosis"],"CanGetToFloor":true,"SitsForLongPeriods":true,"Runs":false,"AgeBand":"From20To50"},
        "StretchIds":["knee-hugs","cat-cow"]},"PastPlans":[],"FoundWorse":[],"LastFeedback":{},"LastShownCheckInId":null,"LastAnsweredCheckInId":null,"CheckInsStopped":false,"ConversationStateKeys":["test/conversations/conversation-1"]}}
        """;

    private const string OldConversationState = """
        {"ConversationData":{"WelcomeSent":true,"Reference":{"activityId":"1","user":{"id":"user-1","name":"User","aadObjectId":null,"role":null},"bot":{"id":"bot","name":"Bot","aadObjectId":null,"role":null},"conversation":{"isGroup":false,"id":"conversation-1","name":null,"aadObjectId":null,"role":null,"tenantId":null},"channelId":"test","locale":"en-GB","serviceUrl":"https://test.com"}},"DialogState":{"DialogStack":[]}}
        """;

    [Fact]
    public async Task AUserMidConversationWithStateInTheOldShapeKeepsTheirPlan()
    {
        using var harness = new ConversationHarness();
        await harness.Storage.WriteAsync(new Dictionary<string, object> { [UserKey] = JObject.Parse(OldUserState), [ConversationKey] = JObject.Parse(OldConversationState) });

        var shown = await harness.Driver.SendAsync("my plan");
        await harness.Driver.SendAsync("stop check-ins");

        Assert.True(shown.Mentions("Knee hugs"), shown.AllText);
        Assert.True(shown.Mentions("Cat-cow"), shown.AllText);
        var stored = await StoredAsync(harness, UserKey);
        Assert.Null(stored.SelectToken("UserProfile.CurrentPlan.Answers"));
        var profile = (await harness.ReadProfileAsync())!;
        Assert.True(profile.CheckInsStopped);
        Assert.True(profile.CurrentPlan!.Answers!.HasDiagnosis(Diagnosis.SpinalStenosis));
    }

    [Fact]
    public async Task AfterAPlanTheAnswersAreStoredOnceWithOnlyTheYesRedFlagsAndNoNulls()
    {
        using var harness = new ConversationHarness();
        await TriageScripts.ThroughSafetyQuestionsAsync(harness.Driver);
        await TriageScripts.AnswerTriageAsync(harness.Driver, new TriageScripts.Symptoms());

        var stored = await StoredAsync(harness, UserKey);
        var json = stored.ToString(Newtonsoft.Json.Formatting.None);
        Assert.Null(stored.SelectToken("UserProfile.CurrentPlan.Answers"));
        Assert.Null(stored.SelectToken("UserProfile.CurrentPlan.StretchIds"));
        Assert.DoesNotContain(":false", stored.SelectToken("UserProfile.Answers.RedFlagAnswers")?.ToString(Newtonsoft.Json.Formatting.None) ?? string.Empty, StringComparison.Ordinal);
        Assert.Null(stored.SelectToken("UserProfile.PastPlans"));
        var conversation = (await StoredAsync(harness, ConversationKey)).ToString(Newtonsoft.Json.Formatting.None);
        Assert.DoesNotContain(":null", conversation, StringComparison.Ordinal);
        Assert.DoesNotContain(":{}", conversation, StringComparison.Ordinal);
        Assert.DoesNotContain(":null", json, StringComparison.Ordinal);
        var profile = (await harness.ReadProfileAsync())!;
        Assert.NotNull(profile.CurrentPlan!.Answers);
        Assert.Equal(4, profile.CurrentPlan.Answers!.PainNow);
    }

    [Fact]
    public async Task AnUnfinishedStartOverLeavesThePlanItsOwnAnswers()
    {
        using var harness = new ConversationHarness();
        await TriageScripts.ThroughSafetyQuestionsAsync(harness.Driver);
        await TriageScripts.AnswerTriageAsync(harness.Driver, new TriageScripts.Symptoms(Diagnoses: "SpinalStenosis"));

        await harness.Driver.SendAsync("start over");
        await harness.Driver.ClickAsync("None of these");

        var profile = (await harness.ReadProfileAsync())!;
        Assert.False(profile.Answers.HasDiagnosis(Diagnosis.SpinalStenosis));
        Assert.True(profile.CurrentPlan!.Answers!.HasDiagnosis(Diagnosis.SpinalStenosis));
    }

    private static async Task<JObject> StoredAsync(ConversationHarness harness, string key)
        => JObject.FromObject((await harness.Storage.ReadAsync([key]))[key]);
}
