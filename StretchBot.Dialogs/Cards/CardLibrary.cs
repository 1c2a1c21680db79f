using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace StretchBot.Dialogs.Cards;

/// <summary>
/// Loads card templates from this assembly's embedded resources ("cards.&lt;name&gt;.json", embedded from
/// ../cards/*.json by the project file), never from the working directory, parses each once (thread-safe cache) and
/// renders them. Data objects are serialised with System.Text.Json's web defaults (camelCase property names), so
/// <c>new { ImageUrl = "..." }</c> binds as <c>${imageUrl}</c>.
/// </summary>
public sealed class CardLibrary : ICardLibrary, Engine.ICardRenderer
{
    /// <summary>The attachment content type of an Adaptive Card.</summary>
    public const string AdaptiveCardContentType = "application/vnd.microsoft.card.adaptive";

    private const string ResourcePrefix = "cards.";
    private const string ResourceSuffix = ".json";

    private static readonly JsonSerializerOptions DataSerializerOptions = new(JsonSerializerDefaults.Web);

    // Characters escaped only where JSON needs it (quotes, controls), as the Bot Framework's Newtonsoft writer does.
    private static readonly JsonSerializerOptions CardTextOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly Assembly assembly;
    private readonly ConcurrentDictionary<string, Lazy<CardTemplate>> templates = new(StringComparer.Ordinal);

    public CardLibrary()
        : this(typeof(CardLibrary).Assembly)
    {
    }

    internal CardLibrary(Assembly assembly)
    {
        this.assembly = assembly;
        TemplateNames = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(ResourceSuffix, StringComparison.Ordinal))
            .Select(n => n[ResourcePrefix.Length..^ResourceSuffix.Length])
            .Order(StringComparer.Ordinal)
            .ToArray();
    }

    public IReadOnlyCollection<string> TemplateNames { get; }

    /// <summary>The manifest resource name of a template ("stretch" → "cards.stretch.json").</summary>
    public static string ResourceName(string templateName) => ResourcePrefix + templateName + ResourceSuffix;

    /// <summary>The parsed template (loaded and parsed on first use, then cached).</summary>
    /// <exception cref="KeyNotFoundException">No embedded template has that name.</exception>
    /// <exception cref="CardTemplateException">The template is not valid JSON or uses unsupported syntax.</exception>
    public CardTemplate GetTemplate(string templateName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(templateName);
        if (!TemplateNames.Contains(templateName))
        {
            throw new KeyNotFoundException(
                $"There is no card template '{templateName}' (resource '{ResourceName(templateName)}'). Embedded templates: {string.Join(", ", TemplateNames)}.");
        }

        // Lazy (ExecutionAndPublication) parses each template once even when several turns ask at the same time.
        return templates.GetOrAdd(templateName, name => new Lazy<CardTemplate>(() => Load(name))).Value;
    }

    public JsonObject Expand(string templateName, object? data)
        => GetTemplate(templateName).Expand(ToDataNode(data)) as JsonObject ?? throw NotACard(templateName);

    /// <summary>
    /// Expands the template into the attachment the bot sends. The content is the card's JSON text, written straight
    /// from the template (the same card <see cref="Expand"/> builds, without building it) and carried as a Newtonsoft
    /// <see cref="JRaw"/>, which the Bot Framework's serialiser copies into the activity as it is; a client reading the
    /// activity sees the same card object.
    /// </summary>
    public Attachment Render(string templateName, object? data) => new()
    {
        ContentType = AdaptiveCardContentType,
        Content = new JRaw(GetTemplate(templateName).ExpandToJson(ToDataNode(data), CardTextOptions) ?? throw NotACard(templateName)),
    };

    private static JsonNode? ToDataNode(object? data) => data switch
    {
        null => null,
        JsonNode node => node,
        // Prompt data built with Newtonsoft (the dialog state's JSON library) is taken as written, node by node.
        JToken token => CardJson.ToNode(token),
        _ => System.Text.Json.JsonSerializer.SerializeToNode(data, data.GetType(), DataSerializerOptions),
    };

    private static CardTemplateException NotACard(string templateName)
        => new(templateName, null, "the template did not expand to a card object (is the root $when false?).");

    private CardTemplate Load(string templateName)
    {
        var resource = ResourceName(templateName);
        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new KeyNotFoundException($"The card template resource '{resource}' is missing from {assembly.GetName().Name}.");
        using var text = new StreamReader(stream);
        return CardTemplate.Parse(templateName, text.ReadToEnd());
    }
}
