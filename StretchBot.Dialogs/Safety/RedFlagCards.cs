using Newtonsoft.Json.Linq;
using StretchBot.Domain.RedFlags;
using StretchBot.Dialogs.Engine;
using StretchBot.Dialogs.Engine.Prompts;
using StretchBot.Dialogs.Understanding.Readers;

namespace StretchBot.Dialogs.Safety;

/// <summary>
/// The warning-sign cards, shared by the triage and the check-in: a card of yes/no toggles per list of signs, reading
/// its submit (or typed words) strictly, and the clinician-clearance question asked after a see-a-doctor sign.
/// </summary>
public static class RedFlagCards
{
    public const string CardTemplate = "redflags";
    public const string NoneKey = "none";

    /// <summary>Card values key for signs of the other tier said in typed words ("no. I'm immunocompromised").</summary>
    public const string CarriedKey = "carried";

    /// <summary>Card values key that marks values read from typed words.</summary>
    public const string TypedKey = "typed";

    public const string NeedsCheckMessage =
        "One of those is worth a doctor's check before you start stretching.";

    public const string ClearedMessage = "Thank you. I'll keep the suggestions gentle.";

    public const string ClearedQuestion =
        "Has a doctor or physio already checked you for this and said gentle exercise is fine for you now?";

    /// <summary>"Has a clinician since said gentle exercise is fine?", asked after any see-a-doctor sign.</summary>
    public static PromptOptions ClearancePrompt() => new()
    {
        Prompt = ClearedQuestion,
        RetryPrompt = "Please answer yes or no: has a clinician checked this and said gentle exercise is fine?",
        Choices = new List<Choice>
        {
            new(ConfirmPrompt.YesValue, "Yes, they have", "they have", "yes they said its fine"),
            new(ConfirmPrompt.NoValue, "No, not yet", "not yet", "no"),
        },
    };

    /// <summary>The prompt for one tier's card; the choices let every question be answered by typing too.</summary>
    public static PromptOptions CardFor(RedFlagTier tier)
        => tier == RedFlagTier.Emergency
            ? CardFor(RedFlagCatalog.Emergency, "Do any of these apply to you right now?", shortForm: false)
            : CardFor(RedFlagCatalog.SeeDoctorSoon, "A few more. Do any of these apply to you?", shortForm: false);

    /// <summary>A card of yes/no toggles for <paramref name="questions"/> (full questions, or their short forms).</summary>
    public static PromptOptions CardFor(IReadOnlyList<RedFlagQuestion> questions, string title, bool shortForm) => new()
    {
        Prompt = title,
        RetryPrompt = "Please tick any that apply and press Continue, choose \"None of these\", or type their numbers (for example \"2\").",
        CardTemplate = CardTemplate,
        Choices = questions.Select(q => new Choice(q.Id, q.ShortForm)).ToList(),
        CardData = JObject.FromObject(new
        {
            questions = questions.Select((q, i) => new { id = q.Id, number = i + 1, text = shortForm ? Capitalise(q.ShortForm) : q.Question }).ToList(),
        }),
    };

    /// <summary>The ids answered yes on a submitted (or typed) card, or null when the values don't fit the card.</summary>
    public static IReadOnlyList<string>? ReadYesIds(JObject values, IReadOnlyCollection<string> askedIds)
    {
        var yes = new List<string>();
        foreach (var property in values.Properties())
        {
            if (property.Name is NoneKey or CarriedKey or TypedKey)
            {
                continue;
            }

            if (!askedIds.Contains(property.Name))
            {
                return null; // A tampered or foreign card: refuse rather than guess.
            }

            if (IsTrue(property.Value))
            {
                yes.Add(property.Name);
            }
        }

        var saidNone = values[NoneKey] is { } none && IsTrue(none);
        return saidNone && yes.Count > 0 ? null : yes;
    }

    /// <summary>The answer in words for the answered card: "None of these", or the signs ticked.</summary>
    public static string DescribeAnswer(JObject values, PromptOptions options)
    {
        var choices = options.Choices ?? new List<Choice>();
        var yes = ReadYesIds(values, choices.Select(c => c.Value).ToHashSet(StringComparer.Ordinal)) ?? Array.Empty<string>();
        return yes.Count == 0
            ? "None of these"
            : string.Join("; ", yes.Select(id => Capitalise(choices.First(c => c.Value == id).Title)));
    }

    private static bool IsTrue(JToken token)
        => token.Type == JTokenType.Boolean ? token.Value<bool>() : string.Equals(token.ToString(), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Signs of the other tier said in typed words, kept for the next card ("no. I'm immunocompromised").</summary>
    public static IReadOnlyList<string> ReadCarriedIds(JObject values)
        => (CardSubmit.GetString(values, CarriedKey) ?? string.Empty)
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(RedFlagCatalog.IsKnown)
            .ToList();

    /// <summary>Accepts card values that fit the card asked (no unknown ids, not "none" with a tick).</summary>
    public static Task<bool> ValidateAsync(PromptValidatorContext<JObject> promptContext, CancellationToken cancellationToken)
    {
        var asked = (promptContext.Options.Choices ?? new List<Choice>()).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        return Task.FromResult(promptContext.Recognized.Succeeded && ReadYesIds(promptContext.Recognized.Value!, asked) is not null);
    }

    /// <summary>
    /// Typed answers to a card of warning-sign questions, read by <paramref name="reader"/>: any sign named, in
    /// clinical or everyday words, counts as that sign; a vague one is asked about; only a plain "no" is a none
    /// (see <see cref="RedFlagReader"/>). The reading becomes the values the card would have submitted.
    /// </summary>
    public static TypedReader<JObject> ReaderFor(RedFlagReader reader) => (text, context) =>
    {
        var card = (context.Options.Choices ?? new List<Choice>()).Where(c => RedFlagCatalog.IsKnown(c.Value)).Select(c => RedFlagCatalog.Get(c.Value)).ToList();
        return reader.Read(text, card).Map(reply => ToCardValues(reply, card));
    };

    /// <summary>A typed reading as the card's values: its own questions ticked, other tiers' signs carried, "none" when all are no.</summary>
    public static JObject ToCardValues(RedFlagReply reply, IReadOnlyList<RedFlagQuestion> card)
    {
        var values = new JObject { [TypedKey] = true };
        var onCard = reply.Yes.Where(id => card.Any(q => q.Id == id)).ToList();
        foreach (var id in onCard)
        {
            values[id] = true;
        }

        var carried = reply.Yes.Except(onCard).ToList();
        if (carried.Count > 0)
        {
            values[CarriedKey] = string.Join(",", carried);
        }

        if (reply.RestAreNo && onCard.Count == 0)
        {
            values[NoneKey] = true;
        }

        return values;
    }

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

}
