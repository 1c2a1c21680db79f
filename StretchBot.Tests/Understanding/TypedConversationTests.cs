using StretchBot.Dialogs.Safety;
using Microsoft.Extensions.DependencyInjection;
using StretchBot.Dialogs.CheckIns;
using StretchBot.Domain.Catalog;
using StretchBot.Domain.RedFlags;
using StretchBot.Domain.Swaps;
using StretchBot.Domain.Triage;
using StretchBot.Dialogs.Triage;
using StretchBot.Dialogs.Understanding.Readers;
using StretchBot.Tests.Triage;

namespace StretchBot.Tests.Understanding;

/// <summary>
/// Whole conversations typed end to end the way people write, through the real bot: the replies the issue found
/// misread, and everyday answers to every question, from the welcome to the week-later check-in.
/// </summary>
public class TypedConversationTests
{
    private static readonly StretchCatalog Catalog = StretchCatalog.LoadEmbedded();

    [Fact]
    public async Task EverydayTypedAnswersReachAPlanThatFitsWhatWasSaid()
    {
        using var harness = new ConversationHarness();
        var bot = harness.Driver;
        await bot.SendAsync("hi");
        Assert.True((await bot.SendAsync("yes my physio said gentle stretching is fine")).Mentions("safety questions"));
        await bot.SendAsync("no");
        Assert.True((await bot.SendAsync("nope none of those")).Mentions(TriageQuestions.Pain));
        Assert.True((await bot.SendAsync("between 6 and 7")).Mentions("I've noted 7, the higher"));
        await bot.SendAsync("a fortnight");
        await bot.SendAsync("lower bak, down my left leg");
        await bot.SendAsync("sittng at my desk all day");
        Assert.True((await bot.SendAsync("walking eases it")).Mentions(TriageQuestions.Diagnoses));
        await bot.SendAsync("not a disc, they think it's arthritis");
        await bot.SendAsync("I can get down but not back up");
        await bot.SendAsync("I work at a desk all day");
        Assert.True((await bot.SendAsync("I jog")).Mentions(TriageQuestions.Age));
        var plan = await bot.SendAsync("I'm 34");

        var answers = (await harness.ReadProfileAsync())!.Answers;
        Assert.Equal(7, answers.PainNow);
        Assert.Equal(PainDuration.UnderSixWeeks, answers.Duration);
        Assert.Equal(PainLocation.DownOneLeg, answers.Location);
        Assert.Equal(WorseWith.BendingForwardOrSitting, answers.WorseWith);
        Assert.Equal(EasedBy.LeaningBackStandingOrWalking, answers.EasedBy);
        Assert.Equal([Diagnosis.LowerBackArthritis], answers.Diagnoses);
        Assert.False(answers.CanGetToFloor);
        Assert.True(answers.SitsForLongPeriods);
        Assert.True(answers.Runs);
        Assert.Equal(AgeBand.From20To50, answers.AgeBand);
        Assert.NotEmpty(plan.StretchNames);
        Assert.All(plan.StretchNames, name => Assert.False(Catalog.Stretches.Single(s => s.Name == name).NeedsFloor));
    }

    [Fact]
    public async Task FridayEveningIsAskedAboutAsSixInTheEveningAndBookedThen()
    {
        using var harness = new ConversationHarness();
        await TriageScripts.ThroughSafetyQuestionsAsync(harness.Driver);
        await TriageScripts.AnswerTriageAsync(harness.Driver, new TriageScripts.Symptoms());

        Assert.True((await harness.Driver.SendAsync("Friday evening")).Mentions("Shall I check in on Friday 27 November at 6:00 pm?"));
        await harness.Driver.SendAsync("yes");

        var pending = await harness.CheckIns.GetPendingAsync(harness.UserKey, CancellationToken.None);
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 18, 0, 0, TimeSpan.Zero), pending!.DueUtc);
    }

    [Theory]
    [InlineData("not really, my privates are numb")]
    [InlineData("no but I wet myself yesterday")]
    [InlineData("my privates have gone numb")]
    public async Task ASignInEverydayWordsAfterANoIsAnEmergency(string typed)
    {
        using var harness = new ConversationHarness();
        await harness.Driver.SendAsync("hi");
        await harness.Driver.SendAsync("yes");

        var stopped = await harness.Driver.SendAsync(typed);

        Assert.True(stopped.Mentions(SafetyStop.EmergencyAction));
        Assert.Empty(stopped.StretchCards);
    }

    [Fact]
    public async Task ANumbBumIsAskedAboutAsThatSignAndAYesIsAnEmergency()
    {
        using var harness = new ConversationHarness();
        await harness.Driver.SendAsync("hi");
        await harness.Driver.SendAsync("yes");

        var asked = await harness.Driver.SendAsync("my bum has gone numb");
        Assert.True(asked.Mentions(RedFlagCatalog.Get(RedFlagIds.SaddleNumbness).Question));

        Assert.True((await harness.Driver.SendAsync("yes")).Mentions(SafetyStop.EmergencyAction));
    }

    [Theory]
    [InlineData("no, it's been 3 weeks")]
    [InlineData("first time I've had back pain, none of those")]
    public async Task ANumberOrPositionWordInsideASentenceNeverStopsTheConversation(string typed)
    {
        using var harness = new ConversationHarness();
        await harness.Driver.SendAsync("hi");
        await harness.Driver.SendAsync("yes");

        var checking = await harness.Driver.SendAsync(typed);
        Assert.False(checking.Mentions(SafetyStop.EmergencyAction));
        Assert.Contains(checking.Cards, c => c.ToString().Contains("\"Yes\"", StringComparison.Ordinal));

        var next = await harness.Driver.SendAsync("yes");
        Assert.True(next.Mentions("A few more"));
    }

    [Fact]
    public async Task AFallMentionedInPassingIsAskedAboutOnItsOwn()
    {
        using var harness = new ConversationHarness();
        await harness.Driver.SendAsync("hi");
        await harness.Driver.SendAsync("yes");

        var asked = await harness.Driver.SendAsync("I had a fall last week");

        Assert.True(asked.Mentions(RedFlagCatalog.Get(RedFlagIds.SeriousInjury).Question));
        Assert.False(asked.Mentions(SafetyStop.EmergencyAction));
        Assert.True((await harness.Driver.SendAsync("yes")).Mentions(SafetyStop.EmergencyAction));
    }

    [Fact]
    public async Task ANoFollowedByAWeakImmuneSystemAsksWhetherAClinicianHasChecked()
    {
        using var harness = new ConversationHarness();
        await harness.Driver.SendAsync("hi");
        await harness.Driver.SendAsync("yes");
        await harness.Driver.SendAsync("no");

        var reply = await harness.Driver.SendAsync("no. I'm immunocompromised");

        Assert.True(reply.Mentions("Has a doctor or physio already checked you"));
        Assert.False(reply.Mentions(TriageQuestions.Pain));
    }

    [Fact]
    public async Task AFriendsOkIsExplainedAndAskedAgainWhileAPhysiosCounts()
    {
        using var harness = new ConversationHarness();
        await harness.Driver.SendAsync("hi");

        var explained = await harness.Driver.SendAsync("my friend said it's fine");
        Assert.True(explained.Mentions(ClinicianOkReader.NotClinicianRemark));
        Assert.NotEqual(true, (await harness.ReadProfileAsync())?.Answers.ConsentConfirmed);

        var accepted = await harness.Driver.SendAsync("my physio did");
        Assert.True(accepted.Mentions("safety questions"), accepted.AllText);
        Assert.True((await harness.ReadProfileAsync())!.Answers.ConsentConfirmed);
    }

    [Fact]
    public async Task CommandsInEverydayWordsWorkWithoutTakingARealAnswer()
    {
        using var harness = new ConversationHarness();
        await harness.Driver.SendAsync("hi");
        var notAPlanRequest = await harness.Driver.SendAsync("my plan is to see the GP first");
        Assert.False(notAPlanRequest.Mentions("plan yet"));
        await harness.Driver.SendAsync("yes");
        await harness.Driver.SendAsync("no");
        await harness.Driver.SendAsync("no");
        await harness.Driver.SendAsync("5");

        var help = await harness.Driver.SendAsync("I need help");
        Assert.True(help.Mentions("What I can do"));
        Assert.True(help.Mentions(TriageQuestions.Duration));

        var restarted = await harness.Driver.SendAsync("can we start again?");
        Assert.True(restarted.Mentions("start again"));
        Assert.Null((await harness.ReadProfileAsync())!.Answers.PainNow);
    }

    [Fact]
    public async Task ATypedCheckInCarriesLegSymptomsThatSpreadToTheSafetyRules()
    {
        using var harness = new ConversationHarness();
        await CheckInArrivesAsync(harness);

        var readBack = await harness.Driver.SendAsync("cobra no change, the others were ok but my leg pain went further down");
        Assert.True(readBack.Mentions("gone further down your leg"));
        Assert.True((await harness.Driver.SendAsync("yes")).Mentions(CheckInDialog.RedFlagQuestion));
        await harness.Driver.SendAsync("none of these");
        Assert.True((await harness.Driver.SendAsync("4")).Mentions(CheckInDialog.LinkedStretchQuestion));
        var outcome = await harness.Driver.SendAsync("not sure");

        Assert.True(outcome.Mentions(SwapRule.SymptomsSpreadAdvice));
    }

    [Fact]
    public async Task AStretchThatMadeTheFootTingleCountsAsWorseAndIsSwapped()
    {
        using var harness = new ConversationHarness();
        var plan = await CheckInArrivesAsync(harness);
        Assert.Equal(StretchIds.Cobra, plan[0]);
        Assert.True((await harness.Driver.SendAsync("hmm let me think")).Mentions("tell me in your own words"));
        Assert.True((await harness.Driver.SendAsync("the floss and the side glide were better")).Mentions("Here's what I understood"));

        Assert.True((await harness.Driver.SendAsync("yes")).Mentions(CheckInDialog.RedFlagQuestion));
        var cobraAsked = await harness.Driver.SendAsync("none of these");
        Assert.True(cobraAsked.Mentions("How did the Cobra go"), cobraAsked.AllText);
        await harness.Driver.SendAsync("it made my foot tingle");
        var outcome = await harness.Driver.SendAsync("3");

        Assert.True(outcome.Mentions("The Cobra made things worse"), outcome.AllText);
        Assert.True(outcome.Mentions(SwapRule.SymptomsSpreadAdvice));
        Assert.Contains(StretchIds.Cobra, (await harness.ReadProfileAsync())!.FoundWorse);
    }

    // Consent, no red flags, a disc bulge with pain down one leg by button (cobra, nerve floss, side glide), the default
    // check-in time; then a week on the check-in is delivered. Returns the plan's stretch ids in order.
    private static async Task<List<string>> CheckInArrivesAsync(ConversationHarness harness)
    {
        await TriageScripts.ThroughSafetyQuestionsAsync(harness.Driver);
        var plan = await TriageScripts.AnswerTriageAsync(harness.Driver, new TriageScripts.Symptoms(Location: "Down one leg", Diagnoses: "DiscBulgeOrProlapse"));
        await harness.Driver.ClickAsync(plan.Cards.Last()["actions"]![0]!["title"]!.ToString());
        var pending = (await harness.CheckIns.GetPendingAsync(harness.UserKey, CancellationToken.None))!;
        var delivery = harness.Services.GetRequiredService<ICheckInDelivery>();
        harness.Time.Advance(TimeSpan.FromDays(7));
        var due = new DueCheckIn(pending.Id, harness.UserKey, CheckInMessageKind.CheckIn);
        await harness.Adapter.ContinueConversationAsync("bot", harness.Adapter.Conversation, (tc, ct) => delivery.DeliverAsync(tc, due, ct), CancellationToken.None);
        Assert.True(harness.Driver.Collect().Mentions(CheckInCard.Title));
        return plan.StretchNames.Select(name => Catalog.Stretches.Single(s => s.Name == name).Id).ToList();
    }
}
