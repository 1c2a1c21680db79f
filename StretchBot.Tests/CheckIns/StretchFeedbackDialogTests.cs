using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using StretchBot.Dialogs.CheckIns;
using StretchBot.Dialogs.Engine;
using StretchBot.Dialogs.State;
using StretchBot.Dialogs.Understanding;
using StretchBot.Domain.Catalog;
using StretchBot.Domain.Swaps;

namespace StretchBot.Tests.CheckIns;

/// <summary>The per-stretch check-in questions on their own: answers in through options, completed answers out.</summary>
public class StretchFeedbackDialogTests
{
    private static readonly StretchName[] Plan =
    [
        new(StretchIds.Cobra, "Cobra"),
        new(StretchIds.SeatedSciaticNerveFloss, "Seated sciatic nerve flossing"),
    ];

    [Fact]
    public async Task OnlyTheStretchesWithoutFeedbackAreAskedAndTheWordsAreKeptWhole()
    {
        using var harness = new ConversationHarness();
        var known = new CheckInAnswers { Feedback = { [StretchIds.Cobra] = Feedback.Better } };
        var client = Client(harness, new StretchFeedbackOptions(known, Plan));

        var asked = await client.SendActivityAsync<IMessageActivity>("hi");
        Assert.Contains("How did the Seated sciatic nerve flossing go this week?", Card(asked));

        await client.SendActivityAsync<IMessageActivity>("it made my foot tingle");

        Assert.Equal(DialogTurnStatus.Complete, client.DialogTurnResult.Status);
        var answers = StateValues.Convert<CheckInAnswers>(client.DialogTurnResult.Result)!;
        Assert.Equal(Feedback.Better, answers.Feedback[StretchIds.Cobra]);
        Assert.Equal(Feedback.Worse, answers.Feedback[StretchIds.SeatedSciaticNerveFloss]);
        Assert.Contains(SymptomChange.NewNumbnessOrTingling, answers.Changes);
    }

    [Fact]
    public async Task AgonyAboutAStretchIsWorseNotAPainScore()
    {
        using var harness = new ConversationHarness();
        var client = Client(harness, new StretchFeedbackOptions(new CheckInAnswers(), Plan[..1]));
        await client.SendActivityAsync<IMessageActivity>("hi");

        await client.SendActivityAsync<IMessageActivity>("agony");

        var answers = StateValues.Convert<CheckInAnswers>(client.DialogTurnResult.Result)!;
        Assert.Equal(Feedback.Worse, answers.Feedback[StretchIds.Cobra]);
        Assert.Null(answers.Pain);
    }

    private static DialogTestClient Client(ConversationHarness harness, StretchFeedbackOptions options)
    {
        var state = harness.Services.GetRequiredService<StateAccessors>();
        var dialog = new StretchFeedbackDialog(harness.Services.GetRequiredService<ICardRenderer>(), harness.Services.GetRequiredService<AnswerReaders>());
        return new DialogTestClient(harness.Adapter.Conversation, dialog, options, state.ConversationState, state.UserState);
    }

    private static string Card(IMessageActivity? activity)
        => activity?.Attachments is { Count: > 0 } attachments ? CardContent.Of(attachments[0].Content).ToString() : activity?.Text ?? string.Empty;
}
