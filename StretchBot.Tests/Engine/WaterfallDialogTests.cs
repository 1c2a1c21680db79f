using Microsoft.Bot.Builder;
using StretchBot.Dialogs.Engine;
using StretchBot.Dialogs.Engine.Prompts;

namespace StretchBot.Tests.Engine;

public class WaterfallDialogTests
{
    [Fact]
    public async Task StepsRunInOrderAndRememberValuesBetweenTurns()
    {
        var root = new NameAndAgeDialog();
        var harness = new EngineHarness(root);

        await harness.Flow()
            .Send("hi")
            .AssertReply("What's your name?")
            .Send("Sam")
            .AssertReply("How old are you, Sam?")
            .Send("41")
            .AssertReply("Thanks Sam, 41 noted.")
            .StartTestAsync();
    }

    [Fact]
    public async Task NextSkipsAStepWithoutWaiting()
    {
        var root = new WaterfallDialog("root")
            .AddStep((step, ct) => step.NextAsync("skipped ahead", ct), "First")
            .AddStep(async (step, ct) =>
            {
                await step.Context.SendActivityAsync($"Second got: {step.Result}", cancellationToken: ct);
                return await step.EndDialogAsync(null, ct);
            }, "Second");

        await new EngineHarness(root).Flow()
            .Send("go")
            .AssertReply("Second got: skipped ahead")
            .StartTestAsync();
    }

    [Fact]
    public async Task AChildsResultResumesItsParent()
    {
        var root = new ParentDialog();

        await new EngineHarness(root).Flow()
            .Send("start")
            .AssertReply("What's your name?")
            .Send("Ada")
            .AssertReply("How old are you, Ada?")
            .Send("36")
            .AssertReply("Thanks Ada, 36 noted.")
            .AssertReply("Parent got: Ada/36")
            .StartTestAsync();
    }

    [Fact]
    public async Task ReplaceLoopsWithoutGrowingTheStack()
    {
        var root = new CountingLoopDialog();
        var harness = new EngineHarness(root);

        await harness.Flow()
            .Send("go").AssertReply("Say anything (round 1)")
            .Send("a").AssertReply("Say anything (round 2)")
            .Send("b").AssertReply("Say anything (round 3)")
            .Send("c").AssertReply("Done after 3 rounds")
            .StartTestAsync();
    }

    [Fact]
    public async Task AStackFromAnOlderShapeRestartsWithAnApology()
    {
        var storage = new MemoryStorage();
        var adapterConversation = TestAdapterConversation();

        // First deployment: the user is mid-way through the waterfall.
        var before = new EngineHarness(new NameAndAgeDialog(), storage);
        await new Microsoft.Bot.Builder.Adapters.TestFlow(new Microsoft.Bot.Builder.Adapters.TestAdapter(adapterConversation), async (tc, ct) =>
            {
                await before.Manager.OnTurnAsync(tc, ct);
                await before.ConversationState.SaveChangesAsync(tc, false, ct);
            })
            .Send("hi").AssertReply("What's your name?")
            .Send("Sam").AssertReply("How old are you, Sam?")
            .StartTestAsync();

        // Redeploy: the waterfall gained a step. The stored stack must not run a wrong step.
        var after = new EngineHarness(new NameAndAgeDialog(withExtraStep: true), storage);
        await new Microsoft.Bot.Builder.Adapters.TestFlow(new Microsoft.Bot.Builder.Adapters.TestAdapter(adapterConversation), async (tc, ct) =>
            {
                await after.Manager.OnTurnAsync(tc, ct);
                await after.ConversationState.SaveChangesAsync(tc, false, ct);
            })
            .Send("41")
            .AssertReply(DialogManager.ShapeChangedApology)
            .AssertReply("What's your name?")
            .StartTestAsync();
    }

    [Fact]
    public async Task AStackNamingARemovedDialogRestartsWithAnApology()
    {
        var storage = new MemoryStorage();
        var conversation = TestAdapterConversation();

        var before = new EngineHarness(new ParentDialog(), storage);
        await new Microsoft.Bot.Builder.Adapters.TestFlow(new Microsoft.Bot.Builder.Adapters.TestAdapter(conversation), async (tc, ct) =>
            {
                await before.Manager.OnTurnAsync(tc, ct);
                await before.ConversationState.SaveChangesAsync(tc, false, ct);
            })
            .Send("start").AssertReply("What's your name?")
            .StartTestAsync();

        // The new root is a different dialog altogether.
        var after = new EngineHarness(new NameAndAgeDialog(), storage);
        await new Microsoft.Bot.Builder.Adapters.TestFlow(new Microsoft.Bot.Builder.Adapters.TestAdapter(conversation), async (tc, ct) =>
            {
                await after.Manager.OnTurnAsync(tc, ct);
                await after.ConversationState.SaveChangesAsync(tc, false, ct);
            })
            .Send("Ada")
            .AssertReply(DialogManager.ShapeChangedApology)
            .AssertReply("What's your name?")
            .StartTestAsync();
    }

    [Fact]
    public async Task ADialogContinuesAfterItsStateIsSavedToSqliteAndReloadedByANewInstance()
    {
        var folder = Path.Combine(Path.GetTempPath(), "stretchbot-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var options = Microsoft.Extensions.Options.Options.Create(new StretchBot.Storage.StorageOptions { ConnectionString = $"Data Source={Path.Combine(folder, "state.db")}" });
        var conversation = TestAdapterConversation();
        try
        {
            // One instance asks the first question and saves the stack to SQLite...
            var before = new EngineHarness(new NameAndAgeDialog(), new StretchBot.Storage.SqliteStorage(options, TimeProvider.System));
            await new Microsoft.Bot.Builder.Adapters.TestFlow(new Microsoft.Bot.Builder.Adapters.TestAdapter(conversation), async (tc, ct) =>
                {
                    await before.Manager.OnTurnAsync(tc, ct);
                    await before.ConversationState.SaveChangesAsync(tc, false, ct);
                })
                .Send("hi").AssertReply("What's your name?")
                .Send("Sam").AssertReply("How old are you, Sam?")
                .StartTestAsync();

            // ...and a new instance (a restart, or another server) reads it back and carries on.
            var after = new EngineHarness(new NameAndAgeDialog(), new StretchBot.Storage.SqliteStorage(options, TimeProvider.System));
            await new Microsoft.Bot.Builder.Adapters.TestFlow(new Microsoft.Bot.Builder.Adapters.TestAdapter(conversation), async (tc, ct) =>
                {
                    await after.Manager.OnTurnAsync(tc, ct);
                    await after.ConversationState.SaveChangesAsync(tc, false, ct);
                })
                .Send("41").AssertReply("Thanks Sam, 41 noted.")
                .StartTestAsync();
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void TheVersionChangesWhenStepsChangeAndOnlyThen()
    {
        static WaterfallDialog Make(params string[] names)
        {
            var waterfall = new WaterfallDialog("w");
            foreach (var name in names)
            {
                waterfall.AddStep((step, ct) => step.EndDialogAsync(null, ct), name);
            }

            return waterfall;
        }

        Assert.Equal(Make("AskStepAsync", "SummaryStepAsync").Version, Make("AskStepAsync", "SummaryStepAsync").Version);
        Assert.NotEqual(Make("AskStepAsync", "SummaryStepAsync").Version, Make("AskStepAsync", "ConfirmStepAsync", "SummaryStepAsync").Version);
        Assert.NotEqual(Make("AskStepAsync", "SummaryStepAsync").Version, Make("SummaryStepAsync", "AskStepAsync").Version);
    }

    private static Microsoft.Bot.Schema.ConversationReference TestAdapterConversation()
        => Microsoft.Bot.Builder.Adapters.TestAdapter.CreateConversation("shape-change");

    /// <summary>Asks a name then an age; optionally with an extra step (a later deployment's shape).</summary>
    private sealed class NameAndAgeDialog : ComponentDialog
    {
        public NameAndAgeDialog(bool withExtraStep = false)
            : base(nameof(NameAndAgeDialog))
        {
            var waterfall = new WaterfallDialog("nameAndAge")
                .AddStep(NameStepAsync)
                .AddStep(AgeStepAsync);
            if (withExtraStep)
            {
                waterfall.AddStep((step, ct) => step.NextAsync(step.Result, ct), "ExtraStepAsync");
            }

            waterfall.AddStep(SummaryStepAsync);
            AddDialog(waterfall);
            AddDialog(new TextPrompt(nameof(TextPrompt)));
            AddDialog(new NumberPrompt(nameof(NumberPrompt)));
            InitialDialogId = "nameAndAge";
        }

        private static Task<DialogTurnResult> NameStepAsync(WaterfallStepContext stepContext, CancellationToken cancellationToken)
            => stepContext.PromptAsync(nameof(TextPrompt), new PromptOptions { Prompt = "What's your name?" }, cancellationToken);

        private static Task<DialogTurnResult> AgeStepAsync(WaterfallStepContext stepContext, CancellationToken cancellationToken)
        {
            stepContext.Values["name"] = stepContext.Result;
            return stepContext.PromptAsync(nameof(NumberPrompt), new PromptOptions { Prompt = $"How old are you, {stepContext.Result}?" }, cancellationToken);
        }

        private static async Task<DialogTurnResult> SummaryStepAsync(WaterfallStepContext stepContext, CancellationToken cancellationToken)
        {
            var name = stepContext.Values.Get<string>("name");
            var age = stepContext.ResultAs<int>();
            await stepContext.Context.SendActivityAsync($"Thanks {name}, {age} noted.", cancellationToken: cancellationToken);
            return await stepContext.EndDialogAsync($"{name}/{age}", cancellationToken);
        }
    }

    private sealed class ParentDialog : ComponentDialog
    {
        public ParentDialog()
            : base(nameof(ParentDialog))
        {
            AddDialog(new WaterfallDialog("parent")
                .AddStep((step, ct) => step.BeginDialogAsync(nameof(NameAndAgeDialog), null, ct), "AskStepAsync")
                .AddStep(async (step, ct) =>
                {
                    await step.Context.SendActivityAsync($"Parent got: {step.Result}", cancellationToken: ct);
                    return await step.EndDialogAsync(null, ct);
                }, "ReportStepAsync"));
            AddDialog(new NameAndAgeDialog());
        }
    }

    private sealed class CountingLoopDialog : ComponentDialog
    {
        public CountingLoopDialog()
            : base(nameof(CountingLoopDialog))
        {
            AddDialog(new WaterfallDialog("loop")
                .AddStep((step, ct) =>
                {
                    var round = step.OptionsAs<int?>() ?? 1;
                    step.Values["round"] = round;
                    return step.PromptAsync(nameof(TextPrompt), new PromptOptions { Prompt = $"Say anything (round {round})" }, ct);
                }, "AskStepAsync")
                .AddStep(async (step, ct) =>
                {
                    var round = step.Values.Get<int>("round");
                    if (round < 3)
                    {
                        return await step.ReplaceDialogAsync("loop", round + 1, ct);
                    }

                    await step.Context.SendActivityAsync($"Done after {round} rounds", cancellationToken: ct);
                    Assert.Single(step.Stack);
                    return await step.EndDialogAsync(null, ct);
                }, "LoopStepAsync"));
            AddDialog(new TextPrompt(nameof(TextPrompt)));
        }
    }
}
