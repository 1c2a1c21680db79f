using System.Text.Json.Nodes;
using StretchBot.Dialogs.Cards;

namespace StretchBot.Tests.Cards;

/// <summary>
/// The supported subset, case by case, against the official engine (adaptivecards-templating) on the same template
/// and data, in one node process. Where the official engine throws, ours must throw a CardTemplateException too.
/// </summary>
public sealed class ExpressionConformanceTests
{
    internal const string Data = """
        {
          "name": "Ann", "n": 3, "f": 2.5, "b": true, "z": 0, "e": "", "nul": null, "Cap": "cap",
          "arr": [{ "text": "a", "n": 1 }, { "text": "b", "n": 2 }], "strs": ["x", "y"], "emptyArr": [], "emptyObj": {},
          "obj": { "k": "v", "inner": { "d": 1, "list": [10, 20] } },
          "plan": { "title": "Plan", "stretches": [
            { "name": "Cobra", "steps": ["lift", "hold"], "side": "left" },
            { "name": "Cat-cow", "steps": ["round"], "side": null } ] }
        }
        """;

    private static readonly string[] Values =
    [
        // Paths: dots, [index], ['name'], $root, $data, case-insensitive names, missing values left as ${path}.
        "${name}", "${n}", "${f}", "${b}", "${nul}", "${obj}", "${arr}", "${arr[1].text}", "${strs[0]}", "${obj['k']}",
        "${arr[0]['text']}", "${obj.inner.list[1]}", "${$root.name}", "${$data.name}", "${$root}", "${cap}", "${OBJ.K}",
        "${missing}", "${missing.deep}", "${obj.missing}", "${$root.missing}", "${arr[5].text}", "${arr.text}",
        "${name.length}", "${$index}", "x ${missing} y", "${missing + 1}", "${arr[5]}",
        // Interpolation keeps text; a lone expression keeps its type; literals alone become text.
        "x ${n} y", "x ${b} y", "x ${arr} y", "x ${obj} y", "x ${strs} y", "${name}${n}", "${n}x", "${name}}", "{${name}}",
        "$${name}", "a\\${name}", "a \\ b ${name}", "${true}", "${1.50}", "${'a'}", "x ${'a'} y", "${ name }", "$name",
        "a ${'}'} b", "x ${nul} y", "${null}",
        // +
        "${n + 1}", "${n + '1'}", "${'a' + n}", "${name + 1}", "${f + 0.25}", "${n + 0.1 + 0.2}", "x ${n + 0.1 + 0.2} y",
        "${nul + 1}", "x ${nul + 1} y", "${strs[0] + strs[1]}", "${100000000000000000000 + n}", "${0.0000001 + 0}",
        "${0.000001 + 0}", "${'a' + true}",
        // Comparisons
        "${n == 3}", "${n == '3'}", "${name == 'Ann'}", "${name == \"Ann\"}", "${nul == null}", "${missing == null}",
        "${n != 3}", "${n < 4}", "${'a' < 'b'}", "${n >= 3}", "${n <= 2}", "${n > 2}", "${n < 'a'}", "x ${n < 'a'} y",
        "${nul < 1}", "${1 == 1.0}", "${obj == obj}", "${'a' == 'A'}", "${b == true}", "${n == b}", "${arr == arr}",
        "${a == b < c}", "${n + 1 == 4}",
        // Logic
        "${b && n}", "${z && true}", "${e && true}", "${nul && true}", "${missing && true}", "${!b}", "${!z}", "${!e}",
        "${!nul}", "${!missing}", "${b || false}", "${false || nul}", "${!(n == 3)}", "${n == 3 && name == 'Ann' || false}",
        "${!b == false}", "${arr[9] || true}", "${false || missing}", "${false || false}", "${false || arr[9]}",
        "${nul || z}", "${(n > 1) || (n > 2) || nul}",
        // Functions
        "${count(arr)}", "${count(name)}", "${count(missing)}", "${count(nul)}", "${count(obj)}", "${length(name)}",
        "${length(arr)}", "${length(missing)}", "${length(nul)}", "${empty(arr)}", "${empty(emptyArr)}", "${empty(e)}",
        "${empty(nul)}", "${empty(missing)}", "${empty(emptyObj)}", "${empty(z)}", "${not(b)}", "${not(z)}",
        "${not(missing)}", "${concat('a', name)}", "${concat(name, n)}", "${concat('a')}", "${concat(n)}",
        "${concat(missing, 'a')}", "x ${concat(name, '!')} y", "${count(concat(name, 'x'))}", "${concat(true, 'z')}",
    ];

    private static readonly string[] Elements =
    [
        // $data over a list repeats with $index; over an object rebinds; nested scopes; $when.
        """{ "body": [ { "type": "TextBlock", "$data": "${arr}", "text": "Step ${$index + 1}: ${text}" } ] }""",
        """{ "body": [ { "type": "TextBlock", "$data": "${strs}", "text": "${$data}", "i": "${$index}" } ] }""",
        """{ "body": [ { "type": "TextBlock", "$data": "${emptyArr}", "text": "${$data}" }, { "type": "Image" } ] }""",
        """{ "one": { "$data": "${emptyArr}", "text": "x" }, "two": { "$data": "${strs}", "text": "${$data}" } }""",
        """{ "body": [ { "type": "Container", "$data": "${obj}", "items": [ { "text": "${k}", "d": "${inner.d}", "r": "${$root.name}" } ] } ] }""",
        """{ "body": [ { "$data": "${plan.stretches}", "type": "Container", "items": [ { "type": "TextBlock", "text": "${$index}. ${name} of ${$root.plan.title}" }, { "type": "TextBlock", "$data": "${steps}", "text": "${$index + 1}/${count($root.plan.stretches)} ${$data}" }, { "type": "TextBlock", "$when": "${side != null}", "text": "Side: ${side}" } ] } ] }""",
        """{ "body": [ { "t": 1, "$when": "${b}" }, { "t": 2, "$when": "${!b}" }, { "t": 3, "$when": "${n}" }, { "t": 4, "$when": "${missing}" }, { "t": 5, "$when": "${n > 2 && name == 'Ann'}" }, { "t": 6, "$when": "x ${b}" }, { "t": 7, "$when": "${true}" }, { "t": 8, "$when": true }, { "t": 9, "$when": false }, { "t": 10, "$when": "${count(missing) > 0}" }, { "t": 11, "$when": "${!empty(missing)}" }, { "t": 12, "$when": "${arr[7] == null}" } ] }""",
        """{ "body": [ { "$data": "${arr}", "$when": "${n > 1}", "text": "${text} at ${$index}" } ] }""",
        """{ "body": [ [ 1, 2 ], [ 3 ], null, "${strs}", "${missing}", { "$data": "${obj}", "$root": "x", "$index": 1, "k": "${k}" } ] }""",
        """{ "$when": "${!b}", "type": "AdaptiveCard" }""",
        """{ "$data": "${missing}", "v": "${$data}" }""",
        """{ "$data": { "k": "literal" }, "v": "${k}", "r": "${name}" }""",
        """{ "actions": [ { "type": "Action.Submit", "title": "${name}", "data": { "answer": "${n}", "names": "${strs}", "flag": "${b}" } } ] }""",
        """{ "v": "${foo(1)}" }""",
    ];

    private static readonly Lazy<Task<IReadOnlyDictionary<string, OfficialCardTools.ExpansionResult>>> Official = new(
        () => OfficialCardTools.ExpandAsync(Cases().Select(c => new OfficialCardTools.ExpansionJob(c.Key, JsonNode.Parse(c.Value), JsonNode.Parse(Data)))));

    public static TheoryData<string> CaseNames()
    {
        var data = new TheoryData<string>();
        foreach (var name in Cases().Keys)
        {
            data.Add(name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task OurExpansionMatchesTheOfficialEngine(string caseName)
    {
        var template = Cases()[caseName];
        var official = (await Official.Value)[caseName];

        Func<JsonNode?> ours = () => CardTemplate.Parse("case", template).Expand(JsonNode.Parse(Data));

        if (official.Error is not null)
        {
            var ex = Assert.Throws<CardTemplateException>(() => ours());
            Assert.Equal("case", ex.TemplateName);
            return;
        }

        var expected = official.Result?.ToJsonString() ?? "null";
        var actual = ours()?.ToJsonString() ?? "null";
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), JsonNode.Parse(actual)),
            $"Template {template}\nOfficial: {expected}\nOurs:     {actual}");
    }

    [Fact]
    public async Task RandomExpressionsExpandAsTheOfficialEngineDoes()
    {
        var generator = new RandomExpressionGenerator(seed: 20261124);
        var templates = Enumerable.Range(0, 600).ToDictionary(i => $"random {i}", _ => generator.NextTemplate());
        var official = await OfficialCardTools.ExpandAsync(
            templates.Select(t => new OfficialCardTools.ExpansionJob(t.Key, JsonNode.Parse(t.Value), JsonNode.Parse(Data))));

        var differences = new List<string>();
        var compared = 0;
        foreach (var (name, template) in templates)
        {
            string ours;
            try
            {
                ours = CardTemplate.Parse("random", template).Expand(JsonNode.Parse(Data))?.ToJsonString() ?? "null";
            }
            catch (CardTemplateException ex) when (ex.Problem.StartsWith("concat() argument", StringComparison.Ordinal))
            {
                continue; // concat of a list or an object is outside the subset, by design
            }
            catch (CardTemplateException ex)
            {
                ours = "throws: " + ex.Problem;
            }

            compared++;
            var expected = official[name].Error is { } error ? "throws: " + error : official[name].Result?.ToJsonString() ?? "null";
            var same = expected.StartsWith("throws: ", StringComparison.Ordinal)
                ? ours.StartsWith("throws: ", StringComparison.Ordinal)
                : !ours.StartsWith("throws: ", StringComparison.Ordinal) && JsonNode.DeepEquals(JsonNode.Parse(expected), JsonNode.Parse(ours));
            if (!same)
            {
                differences.Add($"{template}\n  official: {expected}\n  ours:     {ours}");
            }
        }

        Assert.True(compared > 500, $"Only {compared} random templates were inside the subset.");
        Assert.True(differences.Count == 0, string.Join("\n", differences));
    }

    // Case name => template JSON. Value cases are wrapped as { "v": <value> }.
    internal static IReadOnlyDictionary<string, string> Cases()
    {
        var cases = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var value in Values)
        {
            cases[value] = new JsonObject { ["v"] = value }.ToJsonString();
        }

        for (var i = 0; i < Elements.Length; i++)
        {
            cases[$"element {i + 1}: {Elements[i]}"] = Elements[i];
        }

        return cases;
    }
}
