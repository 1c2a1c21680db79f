using StretchBot.Dialogs.Engine.Prompts;
using StretchBot.Dialogs.Understanding;

namespace StretchBot.Tests.Engine.Prompts;

/// <summary>A reading the reader is unsure of is confirmed with one yes/no question, never assumed.</summary>
public class PromptConfirmationTests
{
    private const string Question = "How long have you had it?";
    private const string Retry = "Please say how long, for example \"about 3 weeks\".";

    // "3 weeks-ish" is unsure (confirm 3); "3" is understood; "warning" is a careful question about a sign.
    private static Reading<int> Read(string text, TypedReplyContext context) => text switch
    {
        "3" => Reading<int>.Understood(3),
        "3 weeks-ish" => Reading<int>.Confirm(3, "Did you mean about 3 weeks?"),
        "warning" => Reading<int>.AskCarefully("Just to check: is it new?", safeAnswer: true, Reading<int>.Understood(99), Reading<int>.Understood(0)),
        "two questions" => Reading<int>.Ask("First?", Reading<int>.Ask("Second?", Reading<int>.Understood(2), Reading<int>.Understood(1)), Reading<int>.Understood(0)),
        _ => Reading<int>.NotUnderstood(text == "explain" ? "Here is why I ask." : null),
    };

    private static EngineHarness Ask(PromptValidator<int>? validator = null) => new(new PromptTestDialog(
        new NumberPrompt(nameof(NumberPrompt), validator, new FakeCardRenderer(), Read),
        new PromptOptions { Prompt = Question, RetryPrompt = Retry }));

    [Fact]
    public async Task AnUnsureReadingIsConfirmedAndAYesTakesIt()
    {
        await Ask().Flow()
            .Send("start").AssertReply(_ => { })
            .Send("3 weeks-ish").AssertReply(a => Assert.Equal("Did you mean about 3 weeks?", FakeCardRenderer.TextOf(a)))
            .Send("yes").AssertReply("Got: 3")
            .StartTestAsync();
    }

    [Fact]
    public async Task ANoToTheConfirmationAsksTheQuestionAgain()
    {
        await Ask().Flow()
            .Send("start").AssertReply(_ => { })
            .Send("3 weeks-ish").AssertReply(_ => { })
            .Send("no").AssertReply(a => Assert.Equal(Retry, FakeCardRenderer.TextOf(a)))
            .Send("3").AssertReply("Got: 3")
            .StartTestAsync();
    }

    [Fact]
    public async Task AFreshAnswerInsteadOfAYesOrNoIsTaken()
    {
        await Ask().Flow()
            .Send("start").AssertReply(_ => { })
            .Send("3 weeks-ish").AssertReply(_ => { })
            .Send("3").AssertReply("Got: 3")
            .StartTestAsync();
    }

    [Fact]
    public async Task NonsenseToTheConfirmationAsksTheConfirmationAgain()
    {
        await Ask().Flow()
            .Send("start").AssertReply(_ => { })
            .Send("3 weeks-ish").AssertReply(_ => { })
            .Send("banana").AssertReply(a => Assert.Equal("Did you mean about 3 weeks?", FakeCardRenderer.TextOf(a)))
            .StartTestAsync();
    }

    [Fact]
    public async Task TheConfirmationCardsOwnButtonsAnswerIt()
    {
        var harness = Ask();
        string? confirmCard = null;
        await harness.Flow()
            .Send("start").AssertReply(_ => { })
            .Send("3 weeks-ish").AssertReply(a => confirmCard = FakeCardRenderer.CardIdOf(a))
            .StartTestAsync();
        await harness.Flow()
            .Send(EngineHarness.Submit(new { cardId = confirmCard, choice = "yes" })).AssertReply("Got: 3")
            .StartTestAsync();
    }

    [Theory]
    [InlineData("a bit", "Got: 99")]
    [InlineData("not sure", "Got: 99")]
    [InlineData("no", "Got: 0")]
    public async Task OnAWarningSignAHedgeOrNotSureIsAYes(string reply, string expected)
    {
        await Ask().Flow()
            .Send("start").AssertReply(_ => { })
            .Send("warning").AssertReply(a => Assert.Equal("Just to check: is it new?", FakeCardRenderer.TextOf(a)))
            .Send(reply).AssertReply(expected)
            .StartTestAsync();
    }

    [Fact]
    public async Task OnAWarningSignAHedgedNoAsksForAClearYesOrNo()
    {
        await Ask().Flow()
            .Send("start").AssertReply(_ => { })
            .Send("warning").AssertReply(_ => { })
            .Send("not really").AssertReply(a => Assert.StartsWith("Sorry, I need a clear yes or no.", FakeCardRenderer.TextOf(a)))
            .Send("no").AssertReply("Got: 0")
            .StartTestAsync();
    }

    [Fact]
    public async Task OnAWarningSignAYesWithMoreWordsIsNeverLost()
    {
        await Ask().Flow()
            .Send("start").AssertReply(_ => { })
            .Send("warning").AssertReply(_ => { })
            .Send("yes, and 3 as well").AssertReply("Got: 99")
            .StartTestAsync();
    }

    [Fact]
    public async Task QuestionsAreAskedOneAfterAnother()
    {
        await Ask().Flow()
            .Send("start").AssertReply(_ => { })
            .Send("two questions").AssertReply(a => Assert.Equal("First?", FakeCardRenderer.TextOf(a)))
            .Send("yes").AssertReply(a => Assert.Equal("Second?", FakeCardRenderer.TextOf(a)))
            .Send("no").AssertReply("Got: 1")
            .StartTestAsync();
    }

    [Fact]
    public async Task TheReadersOwnExplanationReplacesTheRetryText()
    {
        await Ask().Flow()
            .Send("start").AssertReply(_ => { })
            .Send("explain").AssertReply(a => Assert.Equal("Here is why I ask.", FakeCardRenderer.TextOf(a)))
            .StartTestAsync();
    }

    [Fact]
    public async Task TheValidatorRunsOnTheConfirmedValue()
    {
        var seen = new List<int>();
        var harness = Ask((context, _) =>
        {
            if (context.Recognized.Succeeded)
            {
                seen.Add(context.Recognized.Value);
            }

            return Task.FromResult(context.Recognized.Succeeded);
        });
        await harness.Flow()
            .Send("start").AssertReply(_ => { })
            .Send("3 weeks-ish").AssertReply(_ => { })
            .Send("yes").AssertReply("Got: 3")
            .StartTestAsync();
        Assert.Equal([3], seen);
    }
}
