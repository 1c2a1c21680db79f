using System.Text.Json.Nodes;

namespace StretchBot.Dialogs.Cards;

/// <summary>
/// Expands Adaptive Card templates. The .NET templating package is not available here, so this is the project's own
/// implementation of the subset of the Adaptive Cards Templating language our cards use, matching the official
/// JavaScript engine (adaptivecards-templating 2.3.x) on that subset; tests compare the two on every template.
/// <para>Supported:</para>
/// <list type="bullet">
/// <item><c>${path}</c>: property paths with '.', <c>[index]</c> and <c>['name']</c>, rooted at the current
/// <c>$data</c> or at <c>$root</c>, <c>$data</c>, <c>$index</c>. Property names match ignoring case.</item>
/// <item>A text that is exactly one <c>${expression}</c> keeps the value's JSON type (number, boolean, object, list);
/// any other text with <c>${...}</c> is interpolated ("Step ${$index + 1}: ${text}").</item>
/// <item>A path that finds nothing is left as the text <c>${path}</c> (the official engine's default), also inside
/// interpolated text; a part of an interpolated text that fails is left as <c>${expression}</c>.</item>
/// <item><c>$data</c> on an object: a list repeats the object per item (with <c>$data</c> and <c>$index</c>), anything
/// else rebinds <c>$data</c>. <c>$when</c>: the object is kept only when the expression is boolean true.</item>
/// <item>Operators <c>== != &lt; &gt; &lt;= &gt;= &amp;&amp; || ! +</c> and parentheses; literals 'text', "text",
/// numbers, true, false, null; functions count, length, empty, not, concat.</item>
/// </list>
/// Anything else (other operators or functions, unclosed <c>${</c>, a literal <c>$data</c> with expressions) throws a
/// <see cref="CardTemplateException"/> naming the template and the expression, when the template is parsed.
/// </summary>
public static class CardTemplateEngine
{
    /// <summary>Parses and expands in one step (prefer a cached <see cref="CardTemplate"/> for repeated use).</summary>
    public static JsonNode? Expand(string templateName, JsonNode? template, JsonNode? data)
        => new CardTemplate(templateName, template).Expand(data);
}
