using System.Text.Json.Nodes;
using StretchBot.Dialogs.Cards;

namespace StretchBot.Tests.Cards;

/// <summary>
/// Every template in cards/*.json, expanded with its sample in cards/samples/&lt;name&gt;.json: our expansion equals
/// the official JavaScript engine's, and the card is one Teams and Web Chat accept. A new template with a sample is
/// covered automatically; a template without a sample fails <see cref="EveryTemplateHasSampleData"/>.
/// </summary>
public sealed class CardTemplatesTests
{
    // One node process for all official expansions and one for all validations, shared by every case.
    private static readonly Lazy<Task<IReadOnlyDictionary<string, OfficialCardTools.ExpansionResult>>> OfficialExpansions = new(
        () => OfficialCardTools.ExpandAsync(SampledTemplates().Select(name =>
            new OfficialCardTools.ExpansionJob(name, ReadJson(RepositoryFiles.TemplatePath(name)), ReadJson(RepositoryFiles.SamplePath(name))))));

    private static readonly Lazy<Task<IReadOnlyDictionary<string, IReadOnlyList<string>>>> OfficialParserEvents = new(ValidateAllAsync);

    public static TheoryData<string> Templates()
    {
        var data = new TheoryData<string>();
        foreach (var name in RepositoryFiles.TemplateNames())
        {
            data.Add(name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Templates))]
    public void EveryTemplateHasSampleData(string name)
        => Assert.True(File.Exists(RepositoryFiles.SamplePath(name)),
            $"cards/{name}.json has no sample data: add cards/samples/{name}.json so the card is checked against the official engine and parser.");

    [Theory]
    [MemberData(nameof(Templates))]
    public async Task OurExpansionEqualsTheOfficialEngines(string name)
    {
        var official = (await OfficialExpansions.Value)[name];
        Assert.Null(official.Error);

        var ours = ExpandSample(name);

        var expected = official.Result!.ToJsonString();
        var actual = ours!.ToJsonString();
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), JsonNode.Parse(actual)),
            $"cards/{name}.json expands differently.\nOfficial: {expected}\nOurs:     {actual}");
    }

    [Theory]
    [MemberData(nameof(Templates))]
    public async Task ExpandedCardParsesWithoutErrorsOrWarningsInTheOfficialParser(string name)
    {
        var events = (await OfficialParserEvents.Value)[name];
        Assert.True(events.Count == 0, $"cards/{name}.json (with its sample) has parser events:\n{string.Join("\n", events)}");
    }

    [Theory]
    [MemberData(nameof(Templates))]
    public void ExpandedCardDeclaresVersion15(string name)
    {
        var card = Assert.IsType<JsonObject>(ExpandSample(name));
        Assert.Equal("AdaptiveCard", (string?)card["type"]);
        Assert.Equal("1.5", (string?)card["version"]);
    }

    [Theory]
    [MemberData(nameof(Templates))]
    public void ExpandedCardSubmitsObjectDataAndNeverUsesExecute(string name)
    {
        foreach (var element in Descendants(ExpandSample(name)).OfType<JsonObject>())
        {
            var type = (element["type"] as JsonValue)?.ToString();
            Assert.NotEqual("Action.Execute", type);
            if (type == "Action.Submit")
            {
                // Teams drops a submit whose data is a plain string; the bot needs an object to route the answer.
                Assert.True(element["data"] is JsonObject, $"cards/{name}.json: Action.Submit '{element["title"]}' needs object data, has {element["data"]?.ToJsonString() ?? "none"}.");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Templates))]
    public void ExpandedSampleLeavesNoUnboundExpressionAndNoNonTextText(string name)
    {
        foreach (var node in Descendants(ExpandSample(name)))
        {
            if (node is JsonValue value && value.GetValueKind() == System.Text.Json.JsonValueKind.String)
            {
                Assert.DoesNotContain("${", value.ToString());
            }

            if (node is JsonObject { } element && element["type"] is JsonValue type && type.ToString() is "TextBlock" or "TextRun")
            {
                Assert.True(element["text"] is JsonValue text && text.GetValueKind() == System.Text.Json.JsonValueKind.String,
                    $"cards/{name}.json: a {type} has text {element["text"]?.ToJsonString()}, which is not a string.");
            }
        }
    }

    /// <summary>
    /// On a 390 px phone anything that does not wrap is cut off with "…" (the check-in's safety options were). Every
    /// text block, choice set and toggle wraps, in the card and in any card an Action.ShowCard opens.
    /// </summary>
    [Theory]
    [MemberData(nameof(Templates))]
    public void EveryTextAndEveryChoiceWrapsSoNothingIsCutOnAPhone(string name)
    {
        foreach (var element in Descendants(ExpandSample(name)).OfType<JsonObject>())
        {
            if (element["type"] is JsonValue type && type.ToString() is "TextBlock" or "Input.ChoiceSet" or "Input.Toggle" or "RichTextBlock")
            {
                var wraps = type.ToString() == "RichTextBlock" || element["wrap"] is JsonValue wrap && wrap.GetValueKind() == System.Text.Json.JsonValueKind.True;
                Assert.True(wraps, $"cards/{name}.json: a {type} does not wrap: {element.ToJsonString()}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Templates))]
    public void TemplateIsEmbeddedInTheDialogsAssemblyAsWritten(string name)
    {
        var assembly = typeof(CardLibrary).Assembly;
        using var stream = assembly.GetManifestResourceStream(CardLibrary.ResourceName(name));
        Assert.NotNull(stream);
        using var reader = new StreamReader(stream);
        Assert.Equal(File.ReadAllText(RepositoryFiles.TemplatePath(name)), reader.ReadToEnd());
    }

    [Fact]
    public void SampleDataIsNotEmbedded()
        => Assert.DoesNotContain(typeof(CardLibrary).Assembly.GetManifestResourceNames(), n => n.Contains("samples", StringComparison.OrdinalIgnoreCase));

    private static IEnumerable<string> SampledTemplates()
        => RepositoryFiles.TemplateNames().Where(n => File.Exists(RepositoryFiles.SamplePath(n)));

    private static JsonNode? ExpandSample(string name)
    {
        Assert.True(File.Exists(RepositoryFiles.SamplePath(name)), $"cards/samples/{name}.json is missing.");
        var template = CardTemplate.Parse(name, File.ReadAllText(RepositoryFiles.TemplatePath(name)));
        return template.Expand(ReadJson(RepositoryFiles.SamplePath(name)));
    }

    private static async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> ValidateAllAsync()
    {
        var names = SampledTemplates().ToList();
        var cards = names.Select(n => ExpandSample(n) ?? new JsonObject()).ToList();
        var events = await OfficialCardTools.ValidateAsync(cards);
        return names.Zip(events).ToDictionary(p => p.First, p => p.Second);
    }

    private static JsonNode? ReadJson(string path) => JsonNode.Parse(File.ReadAllText(path));

    private static IEnumerable<JsonNode> Descendants(JsonNode? node)
    {
        if (node is null)
        {
            yield break;
        }

        yield return node;
        IEnumerable<JsonNode?> children = node switch
        {
            JsonObject obj => obj.Select(p => p.Value),
            JsonArray array => array,
            _ => [],
        };
        foreach (var child in children)
        {
            foreach (var descendant in Descendants(child))
            {
                yield return descendant;
            }
        }
    }
}
