using System.Diagnostics.CodeAnalysis;

namespace StretchBot.Domain.Catalog;

/// <summary>
/// The 12 stretches with the article's general rules and non-stretch advice. Immutable and thread-safe.
/// </summary>
public sealed class StretchCatalog
{
    /// <summary>Resource name of the embedded data file (see StretchBot.Dialogs.csproj).</summary>
    public const string ResourceName = "data.catalog.json";

    private static readonly Lazy<StretchCatalog> Embedded = new(LoadEmbeddedUncached, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Dictionary<string, Stretch> _byId;

    private StretchCatalog(IReadOnlyList<Stretch> stretches, IReadOnlyList<AdviceItem> generalRules, IReadOnlyList<AdviceItem> advice)
    {
        Stretches = stretches;
        GeneralRules = generalRules;
        Advice = advice;
        _byId = stretches.ToDictionary(s => s.Id, StringComparer.Ordinal);
    }

    /// <summary>The stretches, in catalog order (also the tie-break order of the recommender).</summary>
    public IReadOnlyList<Stretch> Stretches { get; }

    /// <summary>The article's general rules (pain-free, 1-3 for about a week, change any that worsens, ...).</summary>
    public IReadOnlyList<AdviceItem> GeneralRules { get; }

    /// <summary>Non-stretch advice (walking, breaks and leaning forward for stenosis, general health, ...).</summary>
    public IReadOnlyList<AdviceItem> Advice { get; }

    /// <summary>The catalog embedded in this assembly, validated once and cached.</summary>
    /// <exception cref="CatalogValidationException">The embedded data is invalid.</exception>
    public static StretchCatalog LoadEmbedded() => Embedded.Value;

    /// <summary>Parses and validates catalog JSON.</summary>
    /// <exception cref="CatalogValidationException">Names the entry and the field at fault.</exception>
    public static StretchCatalog Parse(string json)
    {
        var (stretches, rules, advice) = CatalogParser.Parse(json);
        return new StretchCatalog(stretches.AsReadOnly(), rules.AsReadOnly(), advice.AsReadOnly());
    }

    /// <summary>The stretch with this id.</summary>
    /// <exception cref="KeyNotFoundException">No such stretch.</exception>
    public Stretch Get(string id) =>
        _byId.TryGetValue(id, out var stretch) ? stretch : throw new KeyNotFoundException($"No stretch with id '{id}'.");

    /// <summary>Looks a stretch up without throwing (for ids from stored state or card data).</summary>
    public bool TryGet(string? id, [NotNullWhen(true)] out Stretch? stretch)
    {
        stretch = null;
        return id is not null && _byId.TryGetValue(id, out stretch);
    }

    private static StretchCatalog LoadEmbeddedUncached()
    {
        using var stream = typeof(StretchCatalog).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new CatalogValidationException($"catalog: embedded resource '{ResourceName}' is missing");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }
}
