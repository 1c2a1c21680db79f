using StretchBot.Dialogs.Safety;
using Microsoft.Bot.Schema;
using StretchBot.Domain.Catalog;
using StretchBot.Domain.RedFlags;
using StretchBot.Dialogs.Engine.Prompts;
using StretchBot.Dialogs.Triage;
using static StretchBot.Tests.TestSupport.TriageScripts;

namespace StretchBot.Tests.Triage;

/// <summary>Each path of the triage conversation, end to end, as a person clicks and types through it.</summary>
public class TriageConversationTests
{
    private static readonly StretchCatalog Catalog = StretchCatalog.LoadEmbedded();

    [Fact]
    public async Task TheWelcomeSaysItIsNotADoctorAndOffersToBegin()
    {
        using var harness = new ConversationHarness();
        var welcome = await harness.Driver.ConversationStartsAsync();

        Assert.True(welcome.Mentions("StretchBot"));
        Assert.True(welcome.Mentions("not a doctor"));
        var firstQuestion = await harness.Driver.ClickAsync("Let's begin");
        Assert.True(firstQuestion.Mentions(ConsentDialog.Question));
    }

    [Fact]
    public async Task TheWelcomeIsSentOnceAndRemembered()
    {
        using var harness = new ConversationHarness();

        var first = await harness.Driver.ConversationStartsAsync();
        var second = await harness.Driver.ConversationStartsAsync();

        Assert.Single(first.Cards);
        Assert.Empty(second.Activities);
        var key = $"{harness.Adapter.Conversation.ChannelId}/conversations/{harness.Adapter.Conversation.Conversation.Id}";
        var state = Newtonsoft.Json.Linq.JObject.FromObject((await harness.Storage.ReadAsync(new[] { key }))[key]);
        Assert.Equal(true, state.SelectToken("ConversationData.WelcomeSent")?.ToObject<bool>());

        // One conversation reference: the one stored with a booked check-in, none in conversation state.
        Assert.Null(state.SelectToken("ConversationData.Reference"));
    }

    [Fact]
    public async Task ConsentNotYetRecommendsNothingAndIsRememberedForNextTime()
    {
        using var harness = new ConversationHarness();
        var bot = harness.Driver;
        await bot.SendAsync("hi");

        var notYet = await bot.ClickAsync("Not yet");

        Assert.True(notYet.Mentions(ConsentDialog.NotYetMessage));
        Assert.Empty(notYet.StretchCards);
        var profile = await harness.ReadProfileAsync();
        Assert.False(profile!.Answers.ConsentConfirmed);
        Assert.Null(profile.CurrentPlan);

        var later = await bot.SendAsync("hello again");
        Assert.True(later.Mentions(ConsentDialog.ReturningQuestion));
    }

    [Fact]
    public async Task ConsentIsStoredWithItsTime()
    {
        using var harness = new ConversationHarness();
        await harness.Driver.SendAsync("hi");
        await harness.Driver.ClickAsync("Yes, I've checked");

        var profile = await harness.ReadProfileAsync();
        Assert.True(profile!.Answers.ConsentConfirmed);
        Assert.Equal(ConversationHarness.Start, profile.Answers.ConsentConfirmedAt);
    }

    [Fact]
    public async Task AnEmergencyRedFlagSendsThemToUrgentCareAndStops()
    {
        using var harness = new ConversationHarness();
        var bot = harness.Driver;
        await bot.SendAsync("hi");
        await bot.ClickAsync("Yes, I've checked");

        var advice = await bot.ClickAsync("Continue", new Dictionary<string, string> { [RedFlagIds.BladderChange] = "true" });

        Assert.True(advice.Mentions("emergency"));
        Assert.True(advice.Mentions(SafetyStop.EmergencyAction));
        Assert.Empty(advice.StretchCards);
        Assert.Null((await harness.ReadProfileAsync())!.CurrentPlan);
        Assert.Null(await harness.CheckIns.GetPendingAsync(harness.UserKey, CancellationToken.None));

        // One card in the attention style: the one right action, the sign that triggered it, what not to do meanwhile.
        var card = Assert.Single(advice.Cards);
        Assert.Equal("attention", card.SelectToken("body[0].style")!.ToString());
        Assert.Equal(SafetyStop.EmergencyAction, card.SelectToken("body[0].items[0].text")!.ToString());
        Assert.True(advice.Mentions(RedFlagCatalog.Get(RedFlagIds.BladderChange).ShortForm));
        Assert.True(advice.Mentions(SafetyStop.NoStretchesMeanwhile));
        Assert.False(advice.Mentions("appointment"), "the emergency card mixes in the see-a-doctor tier");

        // "my plan" says why there is none.
        var myPlan = await bot.SendAsync("my plan");
        Assert.True(myPlan.Mentions("There's no plan because you told me about new trouble peeing"), myPlan.AllText);

        // The conversation has ended: coming back recalls the stop, then the safety questions start again, never a plan.
        var next = await bot.SendAsync("hello again");
        Assert.True(next.Mentions("you told me something that needs a doctor first"), next.AllText);
        Assert.True(next.Mentions(SafetyStop.EmergencyAction));
        Assert.Empty(next.StretchCards);
    }

    [Fact]
    public async Task ASeeADoctorRedFlagAdvisesAnAppointmentAndGivesNoPlan()
    {
        using var harness = new ConversationHarness();
        var bot = harness.Driver;
        await bot.SendAsync("hi");
        await bot.ClickAsync("Yes, I've checked");
        await bot.ClickAsync("None of these");

        var advice = await bot.ClickAsync("Continue", new Dictionary<string, string> { [RedFlagIds.CancerHistory] = "true" });
        Assert.True(advice.Mentions(RedFlagCards.NeedsCheckMessage));
        Assert.True(advice.Mentions(RedFlagCards.ClearedQuestion));
        Assert.False(advice.Mentions(SafetyStop.SeeDoctorAction), "the appointment advice came before asking whether a doctor has already checked them");

        var stopped = await bot.ClickAsync("No, not yet");
        Assert.True(stopped.Mentions(SafetyStop.SeeDoctorAction));
        Assert.Empty(stopped.StretchCards);
        Assert.Null((await harness.ReadProfileAsync())!.CurrentPlan);
    }

    [Fact]
    public async Task ASeeADoctorRedFlagAlreadyClearedByAClinicianGoesOnToTheQuestions()
    {
        using var harness = new ConversationHarness();
        var bot = harness.Driver;
        await bot.SendAsync("hi");
        await bot.ClickAsync("Yes, I've checked");
        await bot.ClickAsync("None of these");
        await bot.ClickAsync("Continue", new Dictionary<string, string> { [RedFlagIds.CancerHistory] = "true" });

        var next = await bot.ClickAsync("Yes, they have");

        Assert.True(next.Mentions(TriageQuestions.Pain));
        var answers = (await harness.ReadProfileAsync())!.Answers;
        Assert.True(answers.ClinicianClearedRedFlags);
        Assert.True(answers.RedFlagAnswers[RedFlagIds.CancerHistory]);
    }

    [Fact]
    public async Task DiscBulgeWorseBendingForwardGetsAnExtensionStretchFirst()
    {
        using var harness = new ConversationHarness();
        await ThroughSafetyQuestionsAsync(harness.Driver);

        var plan = await AnswerTriageAsync(harness.Driver, new Symptoms(WorseWith: "Bending forward or sitting", Diagnoses: "DiscBulgeOrProlapse"));

        Assert.InRange(plan.StretchCards.Count, 1, 3);
        var first = Catalog.Stretches.Single(s => s.Name == plan.StretchNames[0]);
        Assert.Equal(MovementDirection.Extension, first.Direction);
        Assert.DoesNotContain(plan.StretchNames, name => Catalog.Stretches.Single(s => s.Name == name).Direction == MovementDirection.Flexion);
        Assert.True(plan.Mentions("bending forward"));
        Assert.True(plan.Mentions("pain-free"));
    }

    [Fact]
    public async Task SpinalStenosisWorseWalkingGetsNoExtensionStretch()
    {
        using var harness = new ConversationHarness();
        await ThroughSafetyQuestionsAsync(harness.Driver);

        var plan = await AnswerTriageAsync(harness.Driver, new Symptoms(WorseWith: "Leaning back, standing or walking", Diagnoses: "SpinalStenosis"));

        Assert.InRange(plan.StretchCards.Count, 1, 3);
        Assert.DoesNotContain(plan.StretchNames, name => Catalog.Stretches.Single(s => s.Name == name).Direction == MovementDirection.Extension);
        Assert.DoesNotContain("Cobra", plan.StretchNames);
    }

    [Fact]
    public async Task SomeoneWhoCannotGetToTheFloorGetsNoFloorStretch()
    {
        using var harness = new ConversationHarness();
        await ThroughSafetyQuestionsAsync(harness.Driver);

        var plan = await AnswerTriageAsync(harness.Driver, new Symptoms(Location: "Into my buttock", Floor: "No, or not sure", Runs: "Yes"));

        Assert.InRange(plan.StretchCards.Count, 1, 3);
        Assert.All(plan.StretchNames, name => Assert.False(Catalog.Stretches.Single(s => s.Name == name).NeedsFloor, $"{name} needs the floor"));
    }

    [Fact]
    public async Task EveryStretchCardShowsPicturePositionStepsDoseReasonAndCautions()
    {
        using var harness = new ConversationHarness();
        await ThroughSafetyQuestionsAsync(harness.Driver);
        var plan = await AnswerTriageAsync(harness.Driver, new Symptoms(Diagnoses: "DiscBulgeOrProlapse"));

        foreach (var card in plan.StretchCards)
        {
            var stretch = Catalog.Stretches.Single(s => s.Name == card["body"]![0]!["text"]!.ToString());
            var image = card.SelectToken("$..[?(@.type == 'Image')]")!;
            Assert.Equal($"https://stretchbot.example/images/stretches/{stretch.Id}.png", image["url"]!.ToString());
            Assert.Equal(stretch.PictureAlt, image["altText"]!.ToString());
            var text = card.ToString();
            Assert.Contains("Starting position", text);
            Assert.Contains(stretch.Steps[0], text);
            Assert.Contains(stretch.Dose.Summary, text);
            Assert.Contains(stretch.PictureCaptions[0], text);
            Assert.Contains(stretch.PictureCaptions[1], text);
            Assert.Contains("Why I picked it for you", text);
            Assert.Contains(stretch.Cautions[0], text);
            Assert.Equal("1.5", card["version"]!.ToString());
        }
    }

    [Fact]
    public async Task TypedAnswersAloneReachAPlan()
    {
        using var harness = new ConversationHarness();
        await harness.Flow()
            .Send("hi").AssertReply(a => Assert.Contains(ConsentDialog.Question, Text(a)))
            .Send("yeah I have").AssertReply(ConsentDialog.ThanksMessage).AssertReply(a => Assert.Contains("Do any of these apply to you right now?", Text(a)))
            .Send("none of these").AssertReply(a => Assert.Contains("A few more", Text(a)))
            .Send("nope").AssertReply(a => Assert.Contains("Now a few questions", Text(a))).AssertReply(a => Assert.Contains(TriageQuestions.Pain, Text(a)))
            .Send("about 7/10").AssertReply(a => Assert.Contains(TriageQuestions.Duration, Text(a)))
            .Send("a couple of months").AssertReply(a => Assert.Contains(TriageQuestions.Location, Text(a)))
            .Send("the first one").AssertReply(a => Assert.Contains(TriageQuestions.WorseWith, Text(a)))
            .Send("not sure").AssertReply(a => Assert.Contains(TriageQuestions.EasedBy, Text(a)))
            .Send("no idea").AssertReply(a => Assert.Contains(TriageQuestions.Diagnoses, Text(a)))
            .Send("I don't know").AssertReply(a => Assert.Contains(TriageQuestions.Floor, Text(a)))
            .Send("yep").AssertReply(a => Assert.Contains(TriageQuestions.Sitting, Text(a)))
            .Send("yes").AssertReply(a => Assert.Contains(TriageQuestions.Running, Text(a)))
            .Send("no").AssertReply(a => Assert.Contains(TriageQuestions.Age, Text(a)))
            .Send("I'm 47").AssertReply(a => Assert.All(new[] { "Your plan: ", "pain-free", "Besides the stretches" }, expected => Assert.Contains(expected, Text(a))))
            .AssertReply(a => Assert.NotEmpty(((IMessageActivity)a).Attachments))
            .AssertReply(a => Assert.Contains("When should I check in", Text(a)))
            .Send("same time next week").AssertReply(a => Assert.StartsWith("Done. I'll check in on Tuesday 1 December", Text(a)))
            .StartTestAsync();

        var answers = (await harness.ReadProfileAsync())!.Answers;
        Assert.Equal(7, answers.PainNow);
        Assert.Equal(StretchBot.Domain.Triage.PainDuration.SixToTwelveWeeks, answers.Duration);
        Assert.Equal(StretchBot.Domain.Triage.PainLocation.LowerBackOnly, answers.Location);
        Assert.Equal(StretchBot.Domain.Triage.AgeBand.From20To50, answers.AgeBand);
    }

    [Fact]
    public async Task NonsenseGetsAHelpfulRepromptAndAfterThreeMissesAWayOut()
    {
        using var harness = new ConversationHarness();
        var bot = harness.Driver;
        await ThroughSafetyQuestionsAsync(bot);

        var first = await bot.SendAsync("purple monkey");
        Assert.True(first.Mentions("Please give a number from 0"));
        await bot.SendAsync("dishwasher");
        var third = await bot.SendAsync("¯\\_(ツ)_/¯");

        Assert.True(third.Mentions(Prompt<int>.WayOutMessage));
        Assert.Contains(third.Activities, a => a.SuggestedActions?.Actions.Any(x => x.Title == "start over") == true);
        var answered = await bot.SendAsync("5");
        Assert.True(answered.Mentions(TriageQuestions.Duration));
    }

    [Fact]
    public async Task AClickOnAnOldCardAfterMovingOnIsRefusedAndChangesNothing()
    {
        using var harness = new ConversationHarness();
        var bot = harness.Driver;
        await ThroughSafetyQuestionsAsync(bot);
        await bot.ClickAsync("4");
        var durationCard = bot.Last;
        var locationCard = await bot.ClickAsync("6 to 12 weeks");

        var stale = await bot.ClickOnAsync(durationCard, "More than 12 weeks");

        Assert.True(stale.Mentions(Prompt<int>.StaleCardMessage));
        var current = await bot.ClickOnAsync(locationCard, "Lower back only");
        Assert.True(current.Mentions(TriageQuestions.WorseWith));
        await AnswerTheRestAsync(bot);
        Assert.Equal(StretchBot.Domain.Triage.PainDuration.SixToTwelveWeeks, (await harness.ReadProfileAsync())!.Answers.Duration);
    }

    [Fact]
    public async Task StartOverMidTriageBeginsAgainWithNoOldAnswers()
    {
        using var harness = new ConversationHarness();
        var bot = harness.Driver;
        await ThroughSafetyQuestionsAsync(bot);
        await bot.ClickAsync("6");
        await bot.ClickAsync("More than 12 weeks");

        var restarted = await bot.SendAsync("start over");

        Assert.True(restarted.Mentions("start again"));
        Assert.True(restarted.Mentions("safety questions"));
        var answers = (await harness.ReadProfileAsync())!.Answers;
        Assert.Null(answers.PainNow);
        Assert.Null(answers.Duration);
        Assert.True(answers.ConsentConfirmed);
    }

    [Fact]
    public async Task HelpMidQuestionShowsWhatTheBotCanDoThenAsksTheSameQuestion()
    {
        using var harness = new ConversationHarness();
        var bot = harness.Driver;
        await ThroughSafetyQuestionsAsync(bot);
        await bot.ClickAsync("3");

        var help = await bot.SendAsync("help");

        Assert.True(help.Mentions("What I can do"));
        Assert.True(help.Mentions("not a doctor"));
        Assert.True(help.Mentions("Delete my data"));
        Assert.True(help.Mentions(TriageQuestions.Duration));
        var answered = await bot.ClickAsync("Less than 6 weeks");
        Assert.True(answered.Mentions(TriageQuestions.Location));
    }

    [Fact]
    public async Task NoDiagnosisIsOneTapOnItsOwnButton()
    {
        using var harness = new ConversationHarness();
        var bot = harness.Driver;
        await ThroughSafetyQuestionsAsync(bot);
        await bot.ClickAsync("5");
        await bot.ClickAsync("Less than 6 weeks");
        await bot.ClickAsync("Lower back only");
        await bot.ClickAsync("Bending forward or sitting");
        await bot.ClickAsync("Neither, or not sure");

        var button = bot.Last.Cards.Last().SelectTokens("$..[?(@.type == 'Action.Submit')]").Single(a => a["title"]!.ToString() == "None of these, or I don't know");
        Assert.Equal("none", button["associatedInputs"]!.ToString()); // no ticks needed, none sent
        var next = await bot.ClickAsync("None of these, or I don't know");

        Assert.True(next.Mentions(TriageQuestions.Floor), next.AllText);
        await AnswerTheRestAsync(bot);
        Assert.Equal([StretchBot.Domain.Triage.Diagnosis.NoneOrDontKnow], (await harness.ReadProfileAsync())!.Answers.Diagnoses);
    }

    [Fact]
    public async Task ChangeMyAnswerGoesBackOneQuestionAndKeepsTheEarlierAnswers()
    {
        using var harness = new ConversationHarness();
        var bot = harness.Driver;
        await ThroughSafetyQuestionsAsync(bot);
        await bot.ClickAsync("5");
        await bot.ClickAsync("Less than 6 weeks");
        Assert.True(bot.Last.Mentions(TriageQuestions.Location));

        var back = await bot.SendAsync("change my answer");

        Assert.True(back.Mentions(TriageDialog.WentBackMessage), back.AllText);
        Assert.True(back.Mentions(TriageQuestions.Duration), back.AllText);

        var next = await bot.ClickAsync("More than 12 weeks");
        Assert.True(next.Mentions(TriageQuestions.Location));
        await AnswerTheRestAsync(bot);
        var answers = (await harness.ReadProfileAsync())!.Answers;
        Assert.Equal(StretchBot.Domain.Triage.PainDuration.OverTwelveWeeks, answers.Duration);
        Assert.Equal(5, answers.PainNow);
    }

    [Fact]
    public async Task BackAtTheFirstSymptomQuestionOrOnTheSafetyCardsSaysHowToAnswerThemAgain()
    {
        using var harness = new ConversationHarness();
        var bot = harness.Driver;
        await bot.SendAsync("hi");
        await bot.ClickAsync("Yes, I've checked");

        var onSafetyCard = await bot.SendAsync("go back");
        Assert.True(onSafetyCard.Mentions(MainDialog.CannotGoBackMessage), onSafetyCard.AllText);
        Assert.True(onSafetyCard.Mentions("Do any of these apply to you right now?"));

        await bot.ClickAsync("None of these");
        await bot.ClickAsync("None of these");
        var atFirst = await bot.SendAsync("go back");
        Assert.True(atFirst.Mentions(TriageDialog.FirstQuestionMessage), atFirst.AllText);
        Assert.True(atFirst.Mentions(TriageQuestions.Pain));
    }

    [Fact]
    public async Task PainInBothLegsDuringTriageStopsWithEmergencyAdvice()
    {
        using var harness = new ConversationHarness();
        var bot = harness.Driver;
        await ThroughSafetyQuestionsAsync(bot);
        await bot.ClickAsync("5");
        await bot.ClickAsync("Less than 6 weeks");

        Assert.True((await bot.ClickAsync("Down both legs")).Mentions(TriageQuestions.BothLegsNewOrWorse));
        var stopped = await bot.ClickAsync("Yes, new or getting worse");

        Assert.True(stopped.Mentions(SafetyStop.EmergencyAction));
        Assert.Empty(stopped.StretchCards);
    }

    [Fact]
    public async Task LongStandingPainInBothLegsIsNotAnEmergencyAndGetsAPlanWithAdvice()
    {
        using var harness = new ConversationHarness();
        var bot = harness.Driver;
        await ThroughSafetyQuestionsAsync(bot);
        await bot.ClickAsync("5");
        await bot.ClickAsync("More than 12 weeks");
        await bot.ClickAsync("Down both legs");

        var next = await bot.ClickAsync("No, it's been the same for a while");
        Assert.True(next.Mentions(TriageQuestions.WorseWith));
        await bot.ClickAsync("Leaning back, standing or walking");
        await bot.ClickAsync("Bending forward or sitting");
        await bot.ClickAsync("Done", new { choices = "SpinalStenosis" });
        await bot.ClickAsync("Yes, I can");
        await bot.ClickAsync("Yes");
        await bot.ClickAsync("No");
        var plan = await bot.ClickAsync("51 to 65");

        Assert.NotEmpty(plan.StretchCards);
        Assert.True(plan.Mentions("both legs has been there a while"));
        Assert.False(plan.Mentions(SafetyStop.EmergencyAction));
        var answers = (await harness.ReadProfileAsync())!.Answers;
        Assert.False(answers.BothLegsNewOrWorse);
        Assert.Equal(StretchBot.Domain.Triage.EasedBy.BendingForwardOrSitting, answers.EasedBy);
    }

    [Fact]
    public async Task WhatEasesThePainIsAskedAndItsDirectionLeadsThePlan()
    {
        using var harness = new ConversationHarness();
        var bot = harness.Driver;
        await ThroughSafetyQuestionsAsync(bot);
        var plan = await AnswerTriageAsync(bot, new Symptoms(WorseWith: "Neither, or not sure", EasedBy: "Leaning back, standing or walking"));

        var first = Catalog.Stretches.Single(s => s.Name == plan.StretchNames[0]);
        Assert.Equal(StretchBot.Domain.Catalog.MovementDirection.Extension, first.Direction);
    }

    [Fact]
    public async Task ACheckInTimeTypedInAnotherTimeZoneIsConfirmedInThatZone()
    {
        using var harness = new ConversationHarness();
        var bot = harness.Driver;
        await ThroughSafetyQuestionsAsync(bot);
        await AnswerTriageAsync(bot, new Symptoms());

        var confirmed = await bot.SendAsync(new Activity
        {
            Type = ActivityTypes.Message,
            Text = "next Monday at 6pm",
            LocalTimezone = "Asia/Kolkata",
            LocalTimestamp = ConversationHarness.Start.ToOffset(new TimeSpan(5, 30, 0)),
        });

        Assert.True(confirmed.Mentions("Monday 30 November at 6:00 pm, your time"));
        var pending = await harness.CheckIns.GetPendingAsync(harness.UserKey, CancellationToken.None);
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 12, 30, 0, TimeSpan.Zero), pending!.DueUtc);
    }

    [Fact]
    public async Task AReturningUserWithAPlanCanSeeItAgain()
    {
        using var harness = new ConversationHarness();
        var bot = harness.Driver;
        await ThroughSafetyQuestionsAsync(bot);
        var plan = await AnswerTriageAsync(bot, new Symptoms());
        await bot.ClickAsync(plan.Cards.Last()["actions"]![0]!["title"]!.ToString());

        var menu = await bot.SendAsync("hi");
        Assert.True(menu.Mentions("Welcome back"));
        var shown = await bot.ClickAsync("Show my plan");

        Assert.Equal(plan.StretchNames, shown.StretchNames);
    }

    private static string Text(IActivity activity)
    {
        var message = (IMessageActivity)activity;
        var cards = message.Attachments?.Select(a => CardContent.Of(a.Content).ToString()) ?? [];
        return string.Join("\n", new[] { message.Text ?? string.Empty }.Concat(cards));
    }
}
