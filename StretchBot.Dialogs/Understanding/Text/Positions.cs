using System.Collections.Frozen;
using System.Globalization;

namespace StretchBot.Dialogs.Understanding.Text;

/// <summary>
/// Replies that pick options by position: "2", "the second one", "1 and 4", "the last", "all of them". Only a
/// reply that is nothing but positions (and words like "the", "number", "and") picks anything: a number or
/// "last" inside a sentence ("no, it's been 3 weeks", "I had a fall last week") never does.
/// </summary>
public static class Positions
{
    private static readonly FrozenDictionary<string, int> Ordinals = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["first"] = 1, ["1st"] = 1, ["second"] = 2, ["2nd"] = 2, ["third"] = 3, ["3rd"] = 3, ["fourth"] = 4, ["4th"] = 4,
        ["fifth"] = 5, ["5th"] = 5, ["sixth"] = 6, ["6th"] = 6, ["seventh"] = 7, ["7th"] = 7, ["eighth"] = 8, ["8th"] = 8,
        ["ninth"] = 9, ["9th"] = 9, ["tenth"] = 10, ["10th"] = 10,
        ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7, ["eight"] = 8,
        ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenSet<string> Fillers = FrozenSet.ToFrozenSet(
    [
        "the", "number", "numbers", "num", "option", "options", "question", "questions", "q", "item",
        "items", "and", "or", "plus", "also", "both", "i", "id", "ill", "pick", "choose", "tick", "ticked", "select", "want",
        "yes", "yeah", "yep", "please", "its", "it", "is", "answer", "um", "uh", "ok", "okay", "for", "me", "would", "say",
        "those", "that", "them", "of", "nr", "choice", "box", "boxes", "thanks", "apply", "applies", "a", "n", "only",
        "just", "numero", "nummer", "nombre", "ja", "si", "sì", "sí", "oui", "sim", "x", "tick", "ticks", "ticking", "y",
        "tak", "yup", "think", "maybe", "wait", "actually", "ok", "okay", "st", "nd", "rd", "th", "box", "no.",
    ]);

    /// <summary>
    /// The 1-based positions the reply picks among <paramref name="count"/> options, in order, or null when the
    /// reply is not just positions (or names a position that does not exist).
    /// </summary>
    /// <param name="allowDigits">False when the options are themselves numbers: then "2" is an answer, not a position, while "the second" still is one.</param>
    public static IReadOnlyList<int>? Read(Utterance utterance, int count, bool allowDigits = true)
    {
        if (utterance.IsEmpty || count <= 0)
        {
            return null;
        }

        var picked = new List<int>();
        var lastWasPosition = false;
        for (var i = 0; i < utterance.Count; i++)
        {
            var form = utterance[i].Form;
            var next = i + 1 < utterance.Count ? utterance[i + 1].Form : null;
            switch (form)
            {
                case "all" when utterance.Count <= i + 3 || (i + 1 < utterance.Count && utterance.Words.Skip(i + 1).Any(w => w.Form is "except" or "but")):
                    picked.AddRange(Enumerable.Range(1, count)); // "all", "all of them", "yes to all"
                    lastWasPosition = true;
                    continue;
                case "to" when next is "all" or "last" || (i > 0 && utterance[i - 1].Form is "yes" or "yeah" or "yep"):
                    continue;
                case "except" or "but" when picked.Count > 0 && i > 0 && (utterance[i - 1].Form == "all" || utterance[i - 1].Form == "them" || utterance[i - 1].Form == "those"):
                    return Except(utterance, i + 1, count); // "all of them except 1 and 8"
                case "one" or "ones" when lastWasPosition:
                    continue; // "the second one"
                case "second" or "2nd" when next is "last" or "to":
                    picked.Add(count - 1); // "second last", "second to last"
                    i += next == "to" ? 2 : 1;
                    lastWasPosition = true;
                    continue;
                case "last" or "final":
                    picked.Add(count);
                    lastWasPosition = true;
                    continue;
                case "middle" when count % 2 == 1:
                    picked.Add((count + 1) / 2);
                    lastWasPosition = true;
                    continue;
                case "penultimate":
                    picked.Add(count - 1);
                    lastWasPosition = true;
                    continue;
            }

            if (TryPosition(form, out var position) && (allowDigits || !form.Any(char.IsDigit)))
            {
                if (position < 1 || position > count)
                {
                    return null;
                }

                picked.Add(position);
                lastWasPosition = true;
                continue;
            }

            if (!Fillers.Contains(form))
            {
                return null;
            }

            lastWasPosition = false;
        }

        return picked.Count == 0 || picked.Any(p => p < 1) ? null : picked.Distinct().Order().ToList();
    }

    private static IReadOnlyList<int>? Except(Utterance utterance, int from, int count)
    {
        var rest = Read(Utterance.Parse(string.Join(' ', Enumerable.Range(from, utterance.Count - from).Select(i => utterance[i].Form))), count);
        if (rest is null)
        {
            return null;
        }

        var kept = Enumerable.Range(1, count).Except(rest).ToList();
        return kept.Count == 0 ? null : kept;
    }

    private static bool TryPosition(string form, out int position)
    {
        if (Ordinals.TryGetValue(form, out position))
        {
            return true;
        }

        // "e5", "s6", "q3": a question's number with a letter in front, as a card's list might be read.
        if (form.Length is 2 or 3 && form[0] is 'e' or 's' or 'q' or 'n' && form[1..].All(char.IsDigit))
        {
            return int.TryParse(form[1..], NumberStyles.None, CultureInfo.InvariantCulture, out position);
        }

        return form.Length <= 2 && int.TryParse(form, NumberStyles.None, CultureInfo.InvariantCulture, out position);
    }
}
