using System.Text.Json.Nodes;

namespace StretchBot.Tests.TestSupport;

/// <summary>
/// Builds random expressions from the supported subset (seeded, so every run builds the same ones) for the
/// differential test against the official engine.
/// </summary>
internal sealed class RandomExpressionGenerator(int seed)
{
    private static readonly string[] Paths =
    [
        "name", "n", "f", "b", "z", "e", "nul", "missing", "arr[0].text", "arr[1].n", "arr[5].text", "strs[1]", "obj.k",
        "obj.inner.d", "obj.inner.list[0]", "$index", "$root.n", "$data.name", "$data", "text", "arr", "obj", "emptyArr",
        "emptyObj", "Cap", "arr[n]", "strs[z]", "obj['k']",
    ];

    private static readonly string[] Literals = ["'a'", "\"b\"", "''", "0", "1", "2.5", "true", "false", "null", "'3'", "10"];

    private static readonly string[] Operators = ["+", "==", "!=", "<", ">", "<=", ">=", "&&", "||", "+", "+"];

    private static readonly string[] Functions = ["count", "length", "empty", "not", "concat"];

    private readonly Random random = new(seed);

    /// <summary>A template using the expression as a whole value, inside text, as a $when, or in repeated elements.</summary>
    public string NextTemplate()
    {
        var expression = Expression(random.Next(2, 5));
        var kind = random.NextDouble();
        JsonNode template = kind switch
        {
            < 0.4 => new JsonObject { ["v"] = $"${{{expression}}}" },
            < 0.7 => new JsonObject { ["v"] = $"x ${{{expression}}} y" },
            < 0.85 => new JsonObject
            {
                ["items"] = new JsonArray(new JsonObject { ["$when"] = $"${{{expression}}}", ["t"] = 1 }, new JsonObject { ["t"] = 2 }),
            },
            < 0.93 => new JsonObject
            {
                ["items"] = new JsonArray(new JsonObject { ["$data"] = "${arr}", ["v"] = $"${{{expression}}}", ["w"] = "${$index}: ${text}" }),
            },
            _ => new JsonObject
            {
                ["items"] = new JsonArray(new JsonObject
                {
                    ["$data"] = "${strs}",
                    ["v"] = $"a ${{{expression}}} b ${{$data}}${{{Expression(1)}}}",
                    ["w"] = "${$index + 0.1}",
                }),
            },
        };
        var text = template.ToJsonString();
        return text;
    }

    private string Expression(int depth)
    {
        if (depth <= 0 || random.NextDouble() < 0.3)
        {
            return random.NextDouble() < 0.65 ? Pick(Paths) : Pick(Literals);
        }

        var r = random.NextDouble();
        if (r < 0.45)
        {
            return $"{Expression(depth - 1)} {Pick(Operators)} {Expression(depth - 1)}";
        }

        if (r < 0.55)
        {
            var operand = Expression(depth - 1);
            return operand.Contains(' ', StringComparison.Ordinal) ? $"!({operand})" : "!" + operand;
        }

        if (r < 0.65)
        {
            return $"({Expression(depth - 1)})";
        }

        var function = Pick(Functions);
        var count = function == "concat" ? random.Next(1, 4) : 1;
        return $"{function}({string.Join(", ", Enumerable.Range(0, count).Select(_ => Expression(depth - 1)))})";
    }

    private string Pick(string[] items) => items[random.Next(items.Length)];
}
