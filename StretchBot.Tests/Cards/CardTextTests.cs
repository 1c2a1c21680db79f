using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using StretchBot.Dialogs.Cards;

namespace StretchBot.Tests.Cards;

/// <summary>
/// The card text the bot sends is written straight from the template (<see cref="CardTemplate.ExpandToJson"/>); it must
/// be exactly the text of the card the templating builds as nodes (<see cref="CardTemplate.Expand"/>), which the
/// conformance tests hold to the official engine.
/// </summary>
public sealed class CardTextTests
{
    private static readonly JsonSerializerOptions CardText = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static TheoryData<string> ConformanceCases() => ExpressionConformanceTests.CaseNames();

    [Theory]
    [MemberData(nameof(ConformanceCases))]
    public void EveryConformanceCaseIsWrittenAsItsCardWouldBe(string caseName)
        => AssertSameText(ExpressionConformanceTests.Cases()[caseName], ExpressionConformanceTests.Data);

    [Fact]
    public void RandomTemplatesAreWrittenAsTheirCardsWouldBe()
    {
        var generator = new RandomExpressionGenerator(seed: 20261130);
        for (var i = 0; i < 600; i++)
        {
            AssertSameText(generator.NextTemplate(), ExpressionConformanceTests.Data);
        }
    }

    [Theory]
    [MemberData(nameof(CardTemplatesTests.Templates), MemberType = typeof(CardTemplatesTests))]
    public void EveryCardTemplateWithItsSampleIsWrittenAsItsCardWouldBe(string name)
    {
        var text = AssertSameText(File.ReadAllText(RepositoryFiles.TemplatePath(name)), File.ReadAllText(RepositoryFiles.SamplePath(name)));

        Assert.Equal("AdaptiveCard", (string?)JsonNode.Parse(text!)!["type"]);
    }

    [Fact]
    public void TextWithQuotesMarkupAndCharactersOutsideAsciiReadsBackAsItWas()
    {
        const string said = "Knee <to> chest – \"hold\" 20–30 s 🙂 & breathe";
        var template = CardTemplate.Parse("text", """{ "type": "AdaptiveCard", "body": [ { "type": "TextBlock", "text": "${t}", "wrap": true } ] }""");

        var text = template.ExpandToJson(new JsonObject { ["t"] = said }, CardText)!;

        Assert.Equal(said, (string?)JsonNode.Parse(text)!["body"]![0]!["text"]);
        Assert.Contains("<to>", text, StringComparison.Ordinal);
    }

    private static string? AssertSameText(string templateText, string dataText)
    {
        CardTemplate template;
        try
        {
            template = CardTemplate.Parse("case", templateText);
        }
        catch (CardTemplateException)
        {
            return null; // outside the supported subset: nothing to write
        }

        string? card;
        try
        {
            card = (template.Expand(JsonNode.Parse(dataText)) as JsonObject)?.ToJsonString(CardText);
        }
        catch (CardTemplateException expected)
        {
            var thrown = Assert.Throws<CardTemplateException>(() => template.ExpandToJson(JsonNode.Parse(dataText), CardText));
            Assert.Equal(expected.Message, thrown.Message);
            return null;
        }

        var written = template.ExpandToJson(JsonNode.Parse(dataText), CardText);
        Assert.True(card == written, $"Template {templateText}\nAs nodes: {card}\nWritten:  {written}");
        return written;
    }
}
