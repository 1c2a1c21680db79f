using Newtonsoft.Json.Linq;
using StretchBot.Dialogs.Engine;
using StretchBot.Dialogs.State;

namespace StretchBot.Tests.State;

public sealed class StateJsonTests
{
    // A conversation's state as stored mid-triage: the main dialog's inner stack holds the triage dialog, whose inner
    // stack holds a choice prompt and the triage waterfall.
    private const string MidTriage = """{"ConversationData":{"WelcomeSent":true},"DialogState":{"DialogStack":[{"Id":"MainDialog","Version":"1","State":{"dialogs":{"DialogStack":[{"Id":"TriageDialog","Version":"1","State":{"dialogs":{"DialogStack":[{"Id":"LocationPrompt","Version":"1","State":{"options":{"Prompt":"Where do you feel it?","Choices":[{"Value":"LowerBackOnly","Title":"Lower back only","Synonyms":["lower back"]}],"CardId":"48188026bcd54cf199b4b46e87c90d52"},"attempts":0}},{"Id":"WaterfallDialog","Version":"13-321985E4708A","State":{"options":{"ConsentConfirmed":true,"RedFlagAnswers":{}},"values":{"answers":{"ConsentConfirmed":true,"PainNow":4}},"stepIndex":2}}]}}},{"Id":"WaterfallDialog","Version":"7-01F9AFC02064","State":{"stepIndex":4}}]}}}]}}""";

    private static readonly Dictionary<string, Type> Types = new(StringComparer.Ordinal)
    {
        [nameof(DialogState)] = typeof(DialogState),
        [nameof(ConversationData)] = typeof(ConversationData),
    };

    [Fact]
    public void EveryInnerDialogStackIsReadStraightIntoADialogState()
    {
        var state = (DialogState)StateJson.ParseProperties(MidTriage, Types)[nameof(DialogState)];

        var main = Assert.Single(state.DialogStack);
        var mainInner = Assert.IsType<DialogState>(main.State["dialogs"]);
        var triage = mainInner.DialogStack[0];
        var triageInner = Assert.IsType<DialogState>(triage.State["dialogs"]);
        Assert.Equal(["LocationPrompt", "WaterfallDialog"], triageInner.DialogStack.Select(d => d.Id));
    }

    [Fact]
    public void ADialogsOwnObjectsStayAsStoredUntilADialogReadsThemAsTheDefaultReaderWould()
    {
        var state = (DialogState)StateJson.ParseProperties(MidTriage, Types)[nameof(DialogState)];
        var triageInner = (DialogState)((DialogState)state.DialogStack[0].State["dialogs"]!).DialogStack[0].State["dialogs"]!;
        var waterfall = triageInner.DialogStack[1].State;

        Assert.Equal("""{"answers":{"ConsentConfirmed":true,"PainNow":4}}""", (string)Assert.IsType<JRaw>(waterfall["values"]).Value!);
        Assert.Equal(2L, waterfall["stepIndex"]);

        var values = waterfall.Get<Dictionary<string, object?>>("values")!;
        var answers = Assert.IsType<JObject>(values["answers"]);
        Assert.Equal(4L, answers.Value<long>("PainNow"));
        Assert.Same(values, waterfall["values"]);

        var question = triageInner.DialogStack[0].State.Get<Dialogs.Engine.Prompts.PromptOptions>("options")!;
        Assert.Equal("Where do you feel it?", question.Prompt);
        Assert.Equal(["lower back"], Assert.Single(question.Choices!).Synonyms);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void AStateStoredWithSpacesOrOverSeveralLinesIsReadTheSame(bool severalLines)
    {
        var stored = Newtonsoft.Json.Linq.JObject.Parse(MidTriage).ToString(Newtonsoft.Json.Formatting.Indented);
        stored = severalLines ? stored : stored.Replace("\r", string.Empty, StringComparison.Ordinal).Replace("\n", string.Empty, StringComparison.Ordinal);

        var properties = StateJson.ParseProperties(stored, Types);
        var state = (DialogState)properties[nameof(DialogState)];
        var triageInner = (DialogState)((DialogState)state.DialogStack[0].State["dialogs"]!).DialogStack[0].State["dialogs"]!;
        var values = triageInner.DialogStack[1].State.Get<Dictionary<string, object?>>("values")!;

        Assert.Equal(4L, Assert.IsType<JObject>(values["answers"]).Value<long>("PainNow"));
        Assert.Equal(JObject.Parse(MidTriage).ToString(), JObject.Parse(StateJson.Serialize(properties)).ToString());
    }

    [Fact]
    public void AValueADialogReadAndChangedIsWrittenWithItsChangeAndTheRestAsStored()
    {
        var properties = StateJson.ParseProperties(MidTriage, Types);
        var state = (DialogState)properties[nameof(DialogState)];
        var triageInner = (DialogState)((DialogState)state.DialogStack[0].State["dialogs"]!).DialogStack[0].State["dialogs"]!;

        triageInner.DialogStack[1].State.Get<Dictionary<string, object?>>("values")!["seen"] = true;

        Assert.Equal(
            MidTriage.Replace("""{"answers":{"ConsentConfirmed":true,"PainNow":4}}""", """{"answers":{"ConsentConfirmed":true,"PainNow":4},"seen":true}""", StringComparison.Ordinal),
            StateJson.Serialize(properties));
    }

    [Fact]
    public void AStateReadWithTypedInnerStacksIsWrittenBackByteForByte()
    {
        var properties = StateJson.ParseProperties(MidTriage, Types);

        Assert.Equal(MidTriage, StateJson.Serialize(properties));
    }
}
