using System.Text.Json.Nodes;

namespace StretchBot.Dialogs.Cards.Templating;

/// <summary>
/// A JSON array. As in the official engine, items that expand to null are dropped (an element whose <c>$when</c> is
/// false, or a repeated element over an empty list) and items that expand to a list are spliced in (an element
/// repeated over a list with <c>$data</c>).
/// </summary>
internal sealed class ArrayTemplateNode(IReadOnlyList<TemplateNode> items) : TemplateNode
{
    public override object? Expand(EvaluationScope scope)
    {
        var result = new JsonArray();
        foreach (var item in items)
        {
            var value = item.Expand(scope);
            switch (value)
            {
                case null:
                    break;
                case JsonArray spliced when item.BuildsNewNodes:
                    // Copies this expansion made: moved across as they are.
                    var copies = spliced.ToArray();
                    spliced.Clear();
                    foreach (var child in copies)
                    {
                        result.Add(child);
                    }

                    break;
                case JsonArray spliced:
                    foreach (var child in spliced)
                    {
                        result.Add(child?.DeepClone());
                    }

                    break;
                default:
                    result.Add(item.ToAttachable(value));
                    break;
            }
        }

        return result;
    }

    /// <inheritdoc />
    public override bool BuildsNewNodes => true;
}
