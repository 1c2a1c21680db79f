using System.Text.Json.Nodes;
using StretchBot.Dialogs.Cards;

namespace StretchBot.Tests.Cards;

/// <summary>Our expansion of the templating subset, with the results the official engine gives (see ExpressionConformanceTests).</summary>
public sealed class CardTemplateTests
{
    private static readonly JsonNode Data = JsonNode.Parse("""
        {
          "name": "Cobra stretch", "reps": 10, "hold": 2.5, "floor": true, "side": null,
          "steps": ["Lie face down", "Press up", "Lower slowly"],
          "plan": { "title": "Your plan", "items": [ { "name": "Cobra", "cautions": ["Stop if pain spreads"] }, { "name": "Cat-cow", "cautions": [] } ] }
        }
        """)!;

    [Theory]
    [InlineData("${name}", "\"Cobra stretch\"")]
    [InlineData("${plan.title}", "\"Your plan\"")]
    [InlineData("${steps[1]}", "\"Press up\"")]
    [InlineData("${plan.items[1].name}", "\"Cat-cow\"")]
    [InlineData("${plan['title']}", "\"Your plan\"")]
    [InlineData("${$root.plan.items[0].cautions[0]}", "\"Stop if pain spreads\"")]
    [InlineData("${$data.reps}", "10")]
    public void BindsPropertyPaths(string expression, string expectedJson)
        => Assert.Equal(expectedJson, Value(expression)?.ToJsonString());

    [Theory]
    [InlineData("${reps}", "10")]
    [InlineData("${hold}", "2.5")]
    [InlineData("${floor}", "true")]
    [InlineData("${side}", "null")]
    [InlineData("${steps}", """["Lie face down","Press up","Lower slowly"]""")]
    [InlineData("${plan.items[1]}", """{"name":"Cat-cow","cautions":[]}""")]
    [InlineData("${reps + 1}", "11")]
    public void AWholeStringBindingKeepsTheValuesJsonType(string expression, string expectedJson)
        => Assert.Equal(expectedJson, Value(expression)?.ToJsonString() ?? "null");

    [Theory]
    [InlineData("${reps} slow lifts", "10 slow lifts")]
    [InlineData("Hold ${hold} s, ${floor}", "Hold 2.5 s, true")]
    [InlineData("${reps + 1} or ${reps + '1'} or ${'x' + reps}", "11 or 101 or x10")]
    [InlineData("${concat(name, ': ', steps[0])}", "Cobra stretch: Lie face down")]
    [InlineData("${true}", "true")]
    [InlineData("${steps}", null)]
    public void InterpolatesTextAndNumbersLikeTheOfficialEngine(string template, string? expected)
    {
        var value = Value(template);
        if (expected is null)
        {
            Assert.IsType<JsonArray>(value);
            return;
        }

        Assert.Equal(expected, (string?)value);
    }

    [Theory]
    [InlineData("${reps == 10}", true)]
    [InlineData("${reps == '10'}", false)]
    [InlineData("${reps != 10}", false)]
    [InlineData("${reps < 11}", true)]
    [InlineData("${reps > 11}", false)]
    [InlineData("${reps <= 10}", true)]
    [InlineData("${reps >= 11}", false)]
    [InlineData("${'a' < 'b'}", true)]
    [InlineData("${side == null}", true)]
    [InlineData("${missing == null}", true)]
    [InlineData("${side < 1}", false)]
    [InlineData("${floor && reps > 5}", true)]
    [InlineData("${floor && side}", false)]
    [InlineData("${side || floor}", true)]
    [InlineData("${!floor}", false)]
    [InlineData("${!side}", true)]
    [InlineData("${not(floor)}", false)]
    [InlineData("${reps > 5 && !(side == null) || false}", false)]
    [InlineData("${count(steps) == 3}", true)]
    [InlineData("${length(name) == 13}", true)]
    [InlineData("${empty(plan.items[1].cautions)}", true)]
    [InlineData("${empty(steps)}", false)]
    [InlineData("${empty(side)}", true)]
    [InlineData("${empty(missing)}", true)]
    public void EvaluatesOperatorsAndFunctions(string expression, bool expected)
        => Assert.Equal(expected, (bool?)Value(expression));

    [Fact]
    public void ZeroAndEmptyTextAreTrueInLogicAsInAdaptiveExpressions()
    {
        var data = JsonNode.Parse("""{ "zero": 0, "blank": "" }""");
        Assert.Equal(true, (bool?)Expand("""{ "v": "${zero && blank}" }""", data)!["v"]);
    }

    [Fact]
    public void DataOverAListRepeatsTheElementWithItsIndex()
    {
        var card = Expand("""{ "body": [ { "type": "TextBlock", "$data": "${steps}", "text": "Step ${$index + 1}: ${$data}" } ] }""");
        Assert.Equal(
            ["Step 1: Lie face down", "Step 2: Press up", "Step 3: Lower slowly"],
            card!["body"]!.AsArray().Select(b => (string)b!["text"]!).ToArray());
        Assert.All(card["body"]!.AsArray(), b => Assert.False(b!.AsObject().ContainsKey("$data")));
    }

    [Fact]
    public void DataOverAnEmptyListLeavesNothing()
    {
        var card = Expand("""{ "body": [ { "type": "TextBlock", "$data": "${plan.items[1].cautions}", "text": "${$data}" }, { "type": "Image" } ] }""");
        Assert.Equal("""[{"type":"Image"}]""", card!["body"]!.ToJsonString());
    }

    [Fact]
    public void DataOverAnObjectRebindsTheScopeAndRootStaysReachable()
    {
        var card = Expand("""{ "$data": "${plan.items[0]}", "title": "${name} in ${$root.plan.title}", "first": "${cautions[0]}" }""");
        Assert.Equal("Cobra in Your plan", (string?)card!["title"]);
        Assert.Equal("Stop if pain spreads", (string?)card["first"]);
    }

    [Fact]
    public void NestedScopesSeeTheirOwnDataAndIndex()
    {
        var card = Expand("""
            { "body": [ { "$data": "${plan.items}", "type": "Container", "items": [
                { "type": "TextBlock", "text": "${$index + 1}. ${name}" },
                { "type": "TextBlock", "$data": "${cautions}", "text": "${$data} (${$index}) for ${$root.name}" } ] } ] }
            """);
        var containers = card!["body"]!.AsArray();
        Assert.Equal(2, containers.Count);
        Assert.Equal("1. Cobra", (string?)containers[0]!["items"]![0]!["text"]);
        Assert.Equal("Stop if pain spreads (0) for Cobra stretch", (string?)containers[0]!["items"]![1]!["text"]);
        Assert.Equal("2. Cat-cow", (string?)containers[1]!["items"]![0]!["text"]);
        Assert.Single(containers[1]!["items"]!.AsArray());
    }

    [Theory]
    [InlineData("${floor}", true)]
    [InlineData("${!floor}", false)]
    [InlineData("${side != null}", false)]
    [InlineData("${reps > 5}", true)]
    [InlineData("${reps}", false)] // not a boolean: dropped
    [InlineData("${missing}", false)]
    [InlineData("text ${floor}", false)] // interpolated text is never boolean true
    public void WhenKeepsTheElementOnlyIfTrue(string condition, bool kept)
    {
        var card = Expand($$"""{ "body": [ { "type": "TextBlock", "$when": "{{condition}}", "text": "x" }, { "type": "Image" } ] }""");
        Assert.Equal(kept ? 2 : 1, card!["body"]!.AsArray().Count);
        Assert.DoesNotContain("$when", card.ToJsonString());
    }

    [Fact]
    public void WhenFalseOnTheRootExpandsToNothing()
        => Assert.Null(Expand("""{ "$when": "${!floor}", "type": "AdaptiveCard" }"""));

    [Theory]
    [InlineData("${missing}", "${missing}")]
    [InlineData("${plan.missing}", "${plan.missing}")]
    [InlineData("Hello ${missing}!", "Hello ${missing}!")]
    [InlineData("${$index}", "${$index}")]
    public void AMissingValueIsLeftAsItsExpressionLikeTheOfficialEngine(string template, string expected)
        => Assert.Equal(expected, (string?)Value(template));

    [Fact]
    public void AnUnknownFunctionIsRejectedNamingTheTemplateAndExpression()
    {
        var ex = Assert.Throws<CardTemplateException>(() => CardTemplate.Parse("question", """{ "text": "Hi ${toUpper(name)}" }"""));
        Assert.Equal("question", ex.TemplateName);
        Assert.Equal("toUpper(name)", ex.Expression);
        Assert.Contains("toUpper", ex.Message);
        Assert.Contains("question", ex.Message);
    }

    [Theory]
    [InlineData("${reps - 1}")]
    [InlineData("${reps * 2}")]
    [InlineData("${floor ? 1 : 2}")]
    [InlineData("${name")]
    [InlineData("${}")]
    [InlineData("${count(steps, 1)}")]
    [InlineData("${count(3)}")]
    [InlineData("${'a' + true}")]
    [InlineData("`${name}`")]
    [InlineData("${'open}")]
    public void UnsupportedSyntaxIsRejectedWhenTheTemplateIsParsed(string text)
    {
        var template = new JsonObject { ["v"] = text }.ToJsonString();
        var ex = Assert.Throws<CardTemplateException>(() => CardTemplate.Parse("plan", template));
        Assert.Equal("plan", ex.TemplateName);
    }

    [Fact]
    public void InvalidJsonIsRejectedNamingTheTemplate()
        => Assert.Contains("'broken'", Assert.Throws<CardTemplateException>(() => CardTemplate.Parse("broken", "{ \"type\": ")).Message);

    [Fact]
    public void NullInsideInterpolatedTextFailsLoudlyAsTheOfficialEngineDoes()
    {
        var template = CardTemplate.Parse("stretch", """{ "text": "Side: ${side}" }""");
        var ex = Assert.Throws<CardTemplateException>(() => template.Expand(Data));
        Assert.Equal("stretch", ex.TemplateName);
    }

    [Fact]
    public void ConcatOfAListIsOutsideTheSubset()
        => Assert.Throws<CardTemplateException>(() => Value("${concat(steps, 'x')}"));

    [Fact]
    public void ExpandingLeavesTheDataUntouchedAndCanRepeat()
    {
        var data = Data.DeepClone();
        var template = CardTemplate.Parse("t", """{ "body": [ "${steps}", { "$data": "${plan.items}", "n": "${name}", "all": "${$root.plan}" } ] }""");

        var first = template.Expand(data);
        first!["body"]![0] = "changed";
        first["body"]![3]!["all"]!["title"] = "changed";
        var second = template.Expand(data);

        Assert.True(JsonNode.DeepEquals(Data, data));
        Assert.Equal("Lie face down", (string?)second!["body"]![0]);
    }

    private static JsonNode? Expand(string template, JsonNode? data = null)
        => CardTemplate.Parse("test", template).Expand(data ?? Data);

    private static JsonNode? Value(string expression)
        => Expand(new JsonObject { ["v"] = expression }.ToJsonString())!["v"];
}
