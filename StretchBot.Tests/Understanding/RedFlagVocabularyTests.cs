using StretchBot.Domain.RedFlags;
using StretchBot.Dialogs.Understanding.Readers;
using StretchBot.Dialogs.Understanding.Text;

namespace StretchBot.Tests.Understanding;

/// <summary>
/// Every entry of the warning-sign vocabulary (Data/red-flag-words.json), every alternative spelled out: a "yes"
/// phrase reads as that sign, an "ask" phrase at least as a question about it, a "deny" phrase takes it back; and
/// every sign has words and sources.
/// </summary>
public class RedFlagVocabularyTests
{
    private static readonly SignVocabulary Vocabulary = SignVocabulary.Default;

    public static TheoryData<string> Signs => new(RedFlagCatalog.All.Select(q => q.Id));

    [Theory]
    [MemberData(nameof(Signs))]
    public void EverySignHasYesWordsAndACitedSource(string sign)
    {
        var phrases = Vocabulary.Phrases.Where(p => p.SignId == sign).ToList();
        Assert.Contains(phrases, p => p.Level == SignLevel.Yes);
        Assert.All(phrases.SelectMany(p => p.Sources), source => Assert.True(Vocabulary.Sources.ContainsKey(source), source));
    }

    [Theory]
    [MemberData(nameof(Signs))]
    public void EveryYesPhraseReadsAsItsSign(string sign)
        => AssertEveryExpansion(sign, SignLevel.Yes, (mentions, id) => mentions.Yes.Contains(id));

    [Theory]
    [MemberData(nameof(Signs))]
    public void EveryAskPhraseIsAtLeastAskedAbout(string sign)
        => AssertEveryExpansion(sign, SignLevel.Ask, (mentions, id) => mentions.Yes.Contains(id) || mentions.Ask.Contains(id) || AsUrgentSignSaid(mentions, id));

    // A vague mention inside plain words for a sign at least as urgent ("weak feet" is leg weakness, an emergency
    // either way) is not asked about as well.
    private static bool AsUrgentSignSaid(SignMentions mentions, string id)
        => mentions.Yes.Any(other => RedFlagCatalog.Get(other).Tier <= RedFlagCatalog.Get(id).Tier);

    [Theory]
    [MemberData(nameof(Signs))]
    public void EveryDenyPhraseTakesItsSignBack(string sign)
        => AssertEveryExpansion(sign, SignLevel.Deny, (mentions, id) => !mentions.Yes.Contains(id) && mentions.Denied.Contains(id));

    [Fact]
    public void AnUnknownSignOrSourceOrGroupInTheDataIsRefusedAtLoad()
    {
        var known = RedFlagCatalog.All.Select(q => q.Id).ToHashSet(StringComparer.Ordinal);
        const string Template = """{"sources": {"s": "x"}, "groups": {}, "signs": {"SIGN": {"sources": ["SOURCE"], "yes": ["PHRASE"], "ask": [], "deny": []}}}""";
        Assert.Throws<InvalidDataException>(() => SignVocabulary.Parse(Template.Replace("SIGN", "not-a-sign").Replace("SOURCE", "s").Replace("PHRASE", "x"), known));
        Assert.Throws<InvalidDataException>(() => SignVocabulary.Parse(Template.Replace("SIGN", "fever").Replace("SOURCE", "unknown").Replace("PHRASE", "x"), known));
        Assert.Throws<InvalidDataException>(() => SignVocabulary.Parse(Template.Replace("SIGN", "fever").Replace("SOURCE", "s").Replace("PHRASE", "$NOPE"), known));
    }

    private static void AssertEveryExpansion(string sign, SignLevel level, Func<SignMentions, string, bool> holds)
    {
        var failures = new List<string>();
        foreach (var phrase in Vocabulary.Phrases.Where(p => p.SignId == sign && p.Level == level))
        {
            foreach (var text in EveryAlternativeOnce(phrase.Phrase))
            {
                var mentions = SignMentions.Find(Utterance.Parse(text, Vocabulary.Vocabulary), Vocabulary.Book);
                if (!holds(mentions, sign))
                {
                    failures.Add($"\"{text}\" (from {phrase.Phrase}): yes={string.Join(",", mentions.Yes)} ask={string.Join(",", mentions.Ask)} denied={string.Join(",", mentions.Denied)}");
                }
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} failures, e.g.\n{string.Join("\n", failures.Take(25))}");
    }

    // Texts that use every alternative of every {a|b|c} of the phrase at least once (not every combination: the
    // groups multiply to thousands), with its gaps closed up.
    internal static IEnumerable<string> EveryAlternativeOnce(string phrase)
    {
        var slots = new List<string[]>();
        var rest = phrase;
        while (rest.Length > 0)
        {
            var open = rest.IndexOf('{');
            if (open < 0)
            {
                slots.Add([rest]);
                break;
            }

            if (open > 0)
            {
                slots.Add([rest[..open]]);
            }

            var close = rest.IndexOf('}', open);
            slots.Add(rest[(open + 1)..close].Split('|'));
            rest = rest[(close + 1)..];
        }

        var count = slots.Max(s => s.Length);
        for (var i = 0; i < count; i++)
        {
            var text = string.Concat(slots.Select(s => " " + s[i % s.Length] + " "));
            yield return string.Join(' ', text.Replace(".....", " ", StringComparison.Ordinal).Replace("...", " ", StringComparison.Ordinal).Split(' ', StringSplitOptions.RemoveEmptyEntries));
        }
    }
}
