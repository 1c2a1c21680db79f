using StretchBot.Dialogs.Safety;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using StretchBot.Domain.RedFlags;
using StretchBot.Dialogs.Engine;
using StretchBot.Dialogs.Triage;
using StretchBot.Dialogs.Understanding.Readers;

namespace StretchBot.Tests.Triage;

/// <summary>The consent, red-flag and triage dialogs each on their own, answered by typing.</summary>
public class DialogsAloneTests
{
    private static DialogTestClient Client<TDialog>(ConversationHarness harness)
        where TDialog : Dialog
    {
        var state = harness.Services.GetRequiredService<Dialogs.State.StateAccessors>();
        return new DialogTestClient(harness.Adapter.Conversation, harness.Services.GetRequiredService<TDialog>(), null, state.ConversationState, state.UserState);
    }

    private static string Text(IActivity? activity)
    {
        var message = (IMessageActivity)activity!;
        return message.Attachments is { Count: > 0 } ? CardContent.Of(message.Attachments[0].Content).ToString() : message.Text ?? string.Empty;
    }

    [Fact]
    public async Task ConsentFromAFriendIsExplainedAndAskedAgainThenAClinicianCounts()
    {
        using var harness = new ConversationHarness();
        var client = Client<ConsentDialog>(harness);
        await client.SendActivityAsync<IMessageActivity>("hi");

        var reply = await client.SendActivityAsync<IMessageActivity>("my friend said it's fine");
        Assert.Contains("It needs to be a doctor, physiotherapist or other clinician", Text(reply));
        Assert.Equal(DialogTurnStatus.Waiting, client.DialogTurnResult.Status);

        await client.SendActivityAsync<IMessageActivity>("my GP said gentle stretching is fine");
        Assert.Equal(DialogTurnStatus.Complete, client.DialogTurnResult.Status);
        var consent = StateValues.Convert<ConsentResult>(client.DialogTurnResult.Result)!;
        Assert.True(consent.Confirmed);
        Assert.Equal(ConversationHarness.Start, consent.At);
    }

    [Fact]
    public async Task PrivatesGoneNumbAfterANoIsAnEmergencyNotANone()
    {
        using var harness = new ConversationHarness();
        var client = Client<RedFlagDialog>(harness);
        await client.SendActivityAsync<IMessageActivity>("hi");

        var reply = await client.SendActivityAsync<IMessageActivity>("not really, my privates are numb");
        if (Text(reply).Contains("Just to check", StringComparison.Ordinal))
        {
            reply = await client.SendActivityAsync<IMessageActivity>("yes");
        }

        Assert.Equal(DialogTurnStatus.Complete, client.DialogTurnResult.Status);
        var screen = StateValues.Convert<RedFlagScreenResult>(client.DialogTurnResult.Result)!;
        Assert.Equal(RedFlagOutcome.Emergency, screen.Outcome);
        Assert.Contains(RedFlagIds.SaddleNumbness, screen.Answers.RedFlagYesIds());
    }

    [Fact]
    public async Task ANoWithANumberInItIsConfirmedAndNeverAnEmergency()
    {
        using var harness = new ConversationHarness();
        var client = Client<RedFlagDialog>(harness);
        await client.SendActivityAsync<IMessageActivity>("hi");

        var reply = await client.SendActivityAsync<IMessageActivity>("no, it's been 3 weeks");
        Assert.Contains(RedFlagReader.ConfirmNoneQuestion, Text(reply));

        reply = await client.SendActivityAsync<IMessageActivity>("yes");
        Assert.Contains("A few more", Text(reply));
    }

    [Fact]
    public async Task AnImmuneSystemMentionedOnTheFirstCardLeadsToTheClinicianQuestion()
    {
        using var harness = new ConversationHarness();
        var client = Client<RedFlagDialog>(harness);
        await client.SendActivityAsync<IMessageActivity>("hi");
        await client.SendActivityAsync<IMessageActivity>("no. I'm immunocompromised");

        var reply = await client.SendActivityAsync<IMessageActivity>("none of those");
        Assert.Contains(RedFlagCards.NeedsCheckMessage, Text(reply)); // asked whether a clinician has checked before any advice
        Assert.Contains(RedFlagCards.ClearedQuestion, Text(client.GetNextReply<IMessageActivity>()));

        await client.SendActivityAsync<IMessageActivity>("yes, my consultant checked and said exercise is fine");
        var screen = StateValues.Convert<RedFlagScreenResult>(client.DialogTurnResult.Result)!;
        Assert.Equal(RedFlagOutcome.None, screen.Outcome);
        Assert.True(screen.Answers.RedFlagAnswers[RedFlagIds.InfectionRisk]);
        Assert.True(screen.Answers.ClinicianClearedRedFlags);
    }

    [Fact]
    public async Task TriageTakesTypedAnswersIncludingOnesItConfirms()
    {
        using var harness = new ConversationHarness();
        var client = Client<TriageDialog>(harness);
        await client.SendActivityAsync<IMessageActivity>("hi");
        client.GetNextReply<IMessageActivity>();

        Assert.Contains("I've noted 7, the higher", Text(await client.SendActivityAsync<IMessageActivity>("between 6 and 7")));
        Assert.Contains(TriageQuestions.Duration, Text(client.GetNextReply<IMessageActivity>()));
        Assert.Contains(TriageQuestions.Location, Text(await client.SendActivityAsync<IMessageActivity>("a fortnight")));
        Assert.Contains(TriageQuestions.WorseWith, Text(await client.SendActivityAsync<IMessageActivity>("down my left leg")));
        Assert.Contains(TriageQuestions.EasedBy, Text(await client.SendActivityAsync<IMessageActivity>("sittng")));
        Assert.Contains(TriageQuestions.Diagnoses, Text(await client.SendActivityAsync<IMessageActivity>("walking helps")));
        Assert.Contains(TriageQuestions.Floor, Text(await client.SendActivityAsync<IMessageActivity>("not a disc, they think it's arthritis")));
        Assert.Contains(TriageQuestions.Sitting, Text(await client.SendActivityAsync<IMessageActivity>("I can get down but not back up")));
        Assert.Contains(TriageQuestions.Running, Text(await client.SendActivityAsync<IMessageActivity>("I work at a desk all day")));
        Assert.Contains(TriageQuestions.Age, Text(await client.SendActivityAsync<IMessageActivity>("I jog")));
        Assert.Contains("Are you 51 or older?", Text(await client.SendActivityAsync<IMessageActivity>("early 50s")));
        await client.SendActivityAsync<IMessageActivity>("no");

        Assert.Equal(DialogTurnStatus.Complete, client.DialogTurnResult.Status);
        var triage = StateValues.Convert<TriageResult>(client.DialogTurnResult.Result)!;
        Assert.True(triage.Complete);
        var answers = triage.Answers;
        Assert.Equal(7, answers.PainNow);
        Assert.Equal(StretchBot.Domain.Triage.PainDuration.UnderSixWeeks, answers.Duration);
        Assert.Equal(StretchBot.Domain.Triage.PainLocation.DownOneLeg, answers.Location);
        Assert.Equal(StretchBot.Domain.Triage.WorseWith.BendingForwardOrSitting, answers.WorseWith);
        Assert.Equal([StretchBot.Domain.Triage.Diagnosis.LowerBackArthritis], answers.Diagnoses);
        Assert.False(answers.CanGetToFloor);
        Assert.True(answers.SitsForLongPeriods);
        Assert.True(answers.Runs);
        Assert.Equal(StretchBot.Domain.Triage.AgeBand.From20To50, answers.AgeBand);
    }
}
