using System.Text.Json;

namespace StretchBot.Domain.Catalog;

/// <summary>
/// Reads the fields of one JSON object of the catalog, turning every problem into a
/// <see cref="CatalogValidationException"/> that names the entry and the field.
/// </summary>
internal sealed class CatalogEntryReader
{
    private readonly JsonElement _element;
    private readonly string _fieldPrefix;
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    public CatalogEntryReader(JsonElement element, string entry, string fieldPrefix = "")
    {
        _element = element;
        Entry = entry;
        _fieldPrefix = fieldPrefix;
    }

    /// <summary>The entry named in error messages, e.g. "stretch 'cobra'".</summary>
    public string Entry { get; }

    public CatalogValidationException Error(string field, string problem) =>
        new($"{Entry}: field '{_fieldPrefix}{field}' {problem}");

    public bool Has(string field) =>
        _element.TryGetProperty(field, out var value) && value.ValueKind != JsonValueKind.Null;

    public string RequiredString(string field)
    {
        var value = Required(field);
        if (value.ValueKind != JsonValueKind.String)
        {
            throw Error(field, "must be a string");
        }

        var text = value.GetString()!;
        if (string.IsNullOrWhiteSpace(text))
        {
            throw Error(field, "is empty");
        }

        return text.Trim();
    }

    public bool RequiredBool(string field)
    {
        var value = Required(field);
        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw Error(field, "must be true or false"),
        };
    }

    public int RequiredInt(string field, int min, int max) =>
        OptionalInt(field, min, max) ?? throw Error(field, "is missing");

    public int? OptionalInt(string field, int min, int max)
    {
        if (!Has(field))
        {
            _read.Add(field);
            return null;
        }

        var value = Required(field);
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var number))
        {
            throw Error(field, "must be a whole number");
        }

        if (number < min || number > max)
        {
            throw Error(field, $"must be between {min} and {max}");
        }

        return number;
    }

    public TEnum RequiredEnum<TEnum>(string field)
        where TEnum : struct, Enum
    {
        var value = Required(field);
        if (value.ValueKind != JsonValueKind.String)
        {
            throw Error(field, "must be a string");
        }

        return ParseEnum<TEnum>(field, value.GetString()!);
    }

    public IReadOnlyList<string> StringList(string field, bool allowEmpty)
    {
        var items = Array(field, allowEmpty);
        var result = new List<string>(items.Count);
        foreach (var item in items)
        {
            if (item.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(item.GetString()))
            {
                throw Error(field, $"item {result.Count + 1} must be a non-empty string");
            }

            result.Add(item.GetString()!.Trim());
        }

        return result.AsReadOnly();
    }

    public IReadOnlyList<TEnum> EnumList<TEnum>(string field, bool allowEmpty)
        where TEnum : struct, Enum
    {
        var items = Array(field, allowEmpty);
        var result = new List<TEnum>(items.Count);
        foreach (var item in items)
        {
            if (item.ValueKind != JsonValueKind.String)
            {
                throw Error(field, $"item {result.Count + 1} must be a string");
            }

            var parsed = ParseEnum<TEnum>(field, item.GetString()!);
            if (result.Contains(parsed))
            {
                throw Error(field, $"lists '{parsed}' twice");
            }

            result.Add(parsed);
        }

        return result.AsReadOnly();
    }

    public CatalogEntryReader RequiredObject(string field)
    {
        var value = Required(field);
        if (value.ValueKind != JsonValueKind.Object)
        {
            throw Error(field, "must be an object");
        }

        return new CatalogEntryReader(value, Entry, $"{_fieldPrefix}{field}.");
    }

    public IReadOnlyList<JsonElement> Array(string field, bool allowEmpty)
    {
        var value = Required(field);
        if (value.ValueKind != JsonValueKind.Array)
        {
            throw Error(field, "must be a list");
        }

        var items = value.EnumerateArray().ToList();
        if (items.Count == 0 && !allowEmpty)
        {
            throw Error(field, "is empty");
        }

        return items;
    }

    /// <summary>Rejects any field this reader was not asked about (catches typos in the data).</summary>
    public void RejectUnknownFields()
    {
        foreach (var property in _element.EnumerateObject())
        {
            if (!_read.Contains(property.Name))
            {
                throw new CatalogValidationException($"{Entry}: unknown field '{_fieldPrefix}{property.Name}'");
            }
        }
    }

    private JsonElement Required(string field)
    {
        _read.Add(field);
        if (!_element.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            throw Error(field, "is missing");
        }

        return value;
    }

    private TEnum ParseEnum<TEnum>(string field, string text)
        where TEnum : struct, Enum
    {
        // Names only, exact case: numbers ("3") and other spellings are rejected so the data stays readable.
        foreach (var name in Enum.GetNames<TEnum>())
        {
            if (string.Equals(name, text, StringComparison.Ordinal))
            {
                return Enum.Parse<TEnum>(name);
            }
        }

        throw Error(field, $"has unknown value '{text}' (expected one of: {string.Join(", ", Enum.GetNames<TEnum>())})");
    }
}
