using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using StretchBot.Dialogs.Cards.Templating;

namespace StretchBot.Dialogs.Cards;

/// <summary>
/// An Adaptive Card template, parsed once (all expressions are checked when it is created) and expanded any number of
/// times, from any thread. See <see cref="CardTemplateEngine"/> for the supported subset of the templating language.
/// </summary>
public sealed class CardTemplate
{
    private readonly TemplateNode root;

    /// <exception cref="CardTemplateException">The template uses syntax outside the supported subset.</exception>
    public CardTemplate(string name, JsonNode? template)
    {
        Name = name;
        root = Prepare(template);
    }

    /// <summary>The template's name, used in error messages (e.g. "stretch").</summary>
    public string Name { get; }

    /// <summary>Parses JSON text into a template.</summary>
    /// <exception cref="CardTemplateException">The text is not JSON, or uses unsupported syntax.</exception>
    public static CardTemplate Parse(string name, string json)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException ex)
        {
            throw new CardTemplateException(name, null, $"the template is not valid JSON: {ex.Message}");
        }

        return new CardTemplate(name, node);
    }

    /// <summary>
    /// Expands the template with <paramref name="data"/> as <c>$root</c>, as the official engine's
    /// <c>new Template(template).expand({ $root: data })</c> does. Null when the root element's <c>$when</c> is false.
    /// </summary>
    /// <exception cref="CardTemplateException">An expression fails where the official engine would fail too.</exception>
    public JsonNode? Expand(JsonNode? data)
        => root.ToAttachable(root.Expand(EvaluationScope.ForRoot(JsValues.FromNode(data), Name)));

    /// <summary>
    /// The card <see cref="Expand"/> makes, written straight to JSON text with <paramref name="options"/> (no tree of
    /// nodes is built); null when the template does not expand to exactly one card object.
    /// </summary>
    /// <exception cref="CardTemplateException">An expression fails where the official engine would fail too.</exception>
    public string? ExpandToJson(JsonNode? data, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (root is not ObjectTemplateNode card)
        {
            return null;
        }

        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = options.Encoder, SkipValidation = true }))
        {
            if (!card.TryWriteSingle(writer, EvaluationScope.ForRoot(JsValues.FromNode(data), Name), options))
            {
                return null;
            }
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private TemplateNode Prepare(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                return new ObjectTemplateNode(Name, obj, Prepare);
            case JsonArray array:
                return new ArrayTemplateNode(array.Select(Prepare).ToList());
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                var text = value.GetValue<string>();
                return StringTemplateNode.HasExpression(text) ? StringTemplateNode.Parse(Name, text) : new LiteralTemplateNode(value);
            default:
                return new LiteralTemplateNode(node);
        }
    }
}
