using System.Text.Json;
using System.Text.RegularExpressions;
using StretchBot.Dialogs.Understanding.Text;

namespace StretchBot.Dialogs.Understanding.Readers;

/// <summary>How strongly a phrase speaks of a sign.</summary>
public enum SignLevel
{
    /// <summary>The phrase says the sign: it counts as a yes.</summary>
    Yes = 0,

    /// <summary>The phrase may mean the sign: ask about that one sign.</summary>
    Ask = 1,

    /// <summary>The phrase takes back a mention it overlaps ("my mum had cancer", "heat pads").</summary>
    Deny = 2,
}

/// <summary>One phrase of the sign vocabulary, as written in the data (before alternatives are expanded).</summary>
public sealed record SignPhrase(string SignId, SignLevel Level, string Phrase, IReadOnlyList<string> Sources);

/// <summary>
/// The everyday words for each warning sign (Data/red-flag-words.json, with a source for every sign), loaded
/// once from the assembly and validated: every sign id must be a known red flag and have a source, every group
/// used must be defined.
/// </summary>
public sealed partial class SignVocabulary
{
    private const string ResourceName = "understanding.red-flag-words.json";

    // Short answers in other languages are not typos of English sign words ("nichts" is not "nights").
    private static readonly string[] ForeignWords =
    [
        "nichts", "nein", "keine", "keiner", "nada", "ninguno", "ninguna", "rien", "aucun", "aucune", "niente", "nessuno",
        "geen", "niets", "nenhum", "nic", "zadne", "hiçbiri", "davon", "gracias", "danke", "merci",
    ];

    private static readonly Lazy<SignVocabulary> Embedded = new(LoadEmbedded, LazyThreadSafetyMode.ExecutionAndPublication);

    private SignVocabulary(IReadOnlyList<SignPhrase> phrases, IReadOnlyDictionary<string, string> sources)
    {
        Phrases = phrases;
        Sources = sources;
        Book = new PhraseBook<string, SignLevel>();
        foreach (var phrase in phrases)
        {
            Book.Add(phrase.SignId, phrase.Phrase, phrase.Level);
        }

        Vocabulary = new Vocabulary(Book.Words, EnglishWords.All, ForeignWords);
    }

    public static SignVocabulary Default => Embedded.Value;

    /// <summary>Every phrase, with its sign, level and sources (groups already filled in).</summary>
    public IReadOnlyList<SignPhrase> Phrases { get; }

    /// <summary>Source id to its citation.</summary>
    public IReadOnlyDictionary<string, string> Sources { get; }

    public PhraseBook<string, SignLevel> Book { get; }

    /// <summary>Typo mending towards the sign words.</summary>
    public Vocabulary Vocabulary { get; }

    /// <summary>Reads the vocabulary from JSON; <paramref name="knownSignIds"/> are the red-flag ids it may use.</summary>
    public static SignVocabulary Parse(string json, IReadOnlySet<string> knownSignIds)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var sources = root.GetProperty("sources").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? string.Empty, StringComparer.Ordinal);
        var groups = root.GetProperty("groups").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? string.Empty, StringComparer.Ordinal);

        var phrases = new List<SignPhrase>();
        foreach (var sign in root.GetProperty("signs").EnumerateObject())
        {
            if (!knownSignIds.Contains(sign.Name))
            {
                throw new InvalidDataException($"red-flag-words.json: '{sign.Name}' is not a red-flag id.");
            }

            var signSources = sign.Value.GetProperty("sources").EnumerateArray().Select(s => s.GetString() ?? string.Empty).ToList();
            if (signSources.Count == 0 || signSources.Any(s => !sources.ContainsKey(s)))
            {
                throw new InvalidDataException($"red-flag-words.json: '{sign.Name}' needs sources from the 'sources' list.");
            }

            foreach (var (level, key) in new[] { (SignLevel.Yes, "yes"), (SignLevel.Ask, "ask"), (SignLevel.Deny, "deny") })
            {
                foreach (var item in sign.Value.GetProperty(key).EnumerateArray())
                {
                    phrases.Add(new SignPhrase(sign.Name, level, FillGroups(item.GetString() ?? string.Empty, groups, sign.Name), signSources));
                }
            }
        }

        var missing = knownSignIds.Where(id => phrases.All(p => p.SignId != id)).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidDataException($"red-flag-words.json has no words for: {string.Join(", ", missing)}.");
        }

        return new SignVocabulary(phrases, sources);
    }

    private static SignVocabulary LoadEmbedded()
    {
        using var stream = typeof(SignVocabulary).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The sign vocabulary '{ResourceName}' is missing from the assembly.");
        using var reader = new StreamReader(stream);
        var known = Domain.RedFlags.RedFlagCatalog.All.Select(q => q.Id).ToHashSet(StringComparer.Ordinal);
        return Parse(reader.ReadToEnd(), known);
    }

    private static string FillGroups(string phrase, IReadOnlyDictionary<string, string> groups, string signId)
        => GroupReference().Replace(phrase, match => groups.TryGetValue(match.Groups[1].Value, out var words)
            ? words
            : throw new InvalidDataException($"red-flag-words.json: '{signId}' uses an undefined group ${match.Groups[1].Value}."));

    [GeneratedRegex(@"\$([A-Z]+)")]
    private static partial Regex GroupReference();
}
