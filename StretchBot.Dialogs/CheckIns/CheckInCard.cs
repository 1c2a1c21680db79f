using System.Globalization;
using Newtonsoft.Json.Linq;
using StretchBot.Domain.RedFlags;
using StretchBot.Domain.Swaps;
using StretchBot.Dialogs.Engine;
using StretchBot.Dialogs.Engine.Prompts;
using StretchBot.Dialogs.Plans;
using StretchBot.Dialogs.Understanding;
using StretchBot.Dialogs.Understanding.Readers;

namespace StretchBot.Dialogs.CheckIns;

/// <summary>
/// The check-in card and how its submit (or a typed check-in) is read: feedback per stretch, pain now, how leg
/// symptoms moved and the warning signs that can start between check-ins. Values that do not fit this plan's card
/// (a tampered or foreign submit) are refused, never guessed.
/// </summary>
public static class CheckInCard
{
    public const string Template = "checkin";
    public const string Title = "How did this week go?";
    public const string FeedbackPrefix = "fb-";
    public const string PainKey = "pain";
    public const string LegSymptomsKey = "legSymptoms";
    public const string RedFlagsKey = "redFlags";
    public const string NoRedFlags = "none";
    public const string TypedKey = "typed";
    public const string ChangesKey = "changes";

    /// <summary>The leg-symptoms answer for "no change" (or no leg symptoms at all).</summary>
    public const string NoLegChange = "none";

    public const string RetryText =
        "Please fill in the card, or tell me in your own words, for example \"the cobra made it worse, pain is 4\".";

    private const string CheckInIdKey = "checkInId";

    public static List<Choice> FeedbackChoices() => new()
    {
        new(nameof(Feedback.Better), "Better", "helped", "improved", "good"),
        new(nameof(Feedback.Same), "Same", "no change", "the same", "no different"),
        new(nameof(Feedback.Worse), "Worse", "hurt", "made it worse", "painful"),
        new(nameof(Feedback.DidNotTry), "Didn't try", "did not try", "didnt try", "skipped", "not tried"),
    };

    /// <summary>"How are your leg symptoms compared with last time?": each answer is a <see cref="SymptomChange"/>, or none.</summary>
    public static List<Choice> LegSymptomChoices() => new()
    {
        new(NoLegChange, "No change, or no leg symptoms", "no change", "none", "same", "no leg symptoms"),
        new(nameof(SymptomChange.FurtherDownLeg), "Spread further down my leg", "further down", "spread"),
        new(nameof(SymptomChange.NewNumbnessOrTingling), "New numbness or tingling in a leg or foot", "numbness", "tingling", "pins and needles"),
        new(nameof(SymptomChange.NewWeakness), "New weakness in a leg or foot", "weakness", "weak"),
        new(nameof(SymptomChange.BothLegs), "Now in both legs", "both legs"),
        new(nameof(SymptomChange.CloserToBack), "Moved back up towards my back", "closer to my back", "moved up", "centralised"),
    };

    /// <summary>The card for this plan: one feedback choice per stretch (id, name), the pain scale, leg symptoms and signs.</summary>
    public static PromptOptions For(IReadOnlyList<(string Id, string Name, IReadOnlyList<string> Synonyms)> stretches, string? checkInId) => new()
    {
        Prompt = Title,
        RetryPrompt = RetryText,
        CardTemplate = Template,
        Choices = stretches.Select(s => new Choice(s.Id, s.Name, [.. s.Synonyms])).ToList(),
        CardData = JObject.FromObject(new
        {
            checkInId,
            stretches = stretches.Select(s => new { id = s.Id, inputId = FeedbackPrefix + s.Id, name = s.Name }),
            feedbackChoices = FeedbackChoices().Select(c => new { value = c.Value, title = c.Title }),
            painChoices = PainScale.Choices().Select(c => new { value = c.Value, title = c.Title }),
            legChoices = LegSymptomChoices().Select(c => new { value = c.Value, title = c.Title }),
            redFlags = RedFlagCatalog.AtCheckIn.Select(q => new { value = q.Id, title = Capitalise(q.ShortForm) }),
        }),
    };

    /// <summary>The card's (or typed) values as answers; null when they don't fit this plan (a tampered card).</summary>
    public static CheckInAnswers? ToAnswers(JObject values, IReadOnlyCollection<string> planIds)
    {
        var answers = new CheckInAnswers();
        foreach (var property in values.Properties())
        {
            var raw = property.Value.Type == JTokenType.Null ? string.Empty : property.Value.ToString().Trim();
            var read = property.Name switch
            {
                _ when property.Name.StartsWith(FeedbackPrefix, StringComparison.Ordinal) => ReadFeedback(answers, property.Name[FeedbackPrefix.Length..], raw, planIds),
                PainKey => ReadPain(answers, raw),
                RedFlagsKey => ReadRedFlags(answers, raw),
                ChangesKey or LegSymptomsKey => ReadChanges(answers, raw),
                CheckInIdKey or TypedKey => true,
                _ => false,
            };
            if (!read)
            {
                return null;
            }
        }

        return answers;
    }

    /// <summary>Accepts a submit that fits the card; typed words must have said something.</summary>
    public static Task<bool> ValidateAsync(PromptValidatorContext<JObject> promptContext, CancellationToken cancellationToken)
    {
        var planIds = (promptContext.Options.Choices ?? new List<Choice>()).Select(c => c.Value).ToList();
        var values = promptContext.Recognized.Succeeded ? promptContext.Recognized.Value! : null;
        var answers = values is null ? null : ToAnswers(values, planIds);
        if (answers is null)
        {
            return Task.FromResult(false); // not understood, or values that don't fit this card (a tampered or foreign submit)
        }

        // A card sent with gaps (even empty) is fine: the rest is asked one short question at a time, never the
        // whole card again. Typed words must have said something.
        return Task.FromResult(!IsTyped(values!) || !answers.IsEmpty);
    }

    /// <summary>True when the values were read from typed words (they are read back before anything is done with them).</summary>
    public static bool IsTyped(JObject values) => values[TypedKey]?.Type == JTokenType.Boolean && values.Value<bool>(TypedKey);

    /// <summary>A typed check-in about <paramref name="plan"/> as the values the card would have submitted.</summary>
    public static Reading<JObject> ReadTyped(CheckInReader reader, string text, IReadOnlyList<string> plan, bool withPain = true)
        => reader.Read(text, plan, withPain).Map(ToValues);

    /// <summary>How a change of leg symptoms is said back to the user.</summary>
    public static string Describe(SymptomChange change) => change switch
    {
        SymptomChange.FurtherDownLeg => "your symptoms have gone further down your leg",
        SymptomChange.NewNumbnessOrTingling => "you have new numbness or tingling in your leg or foot",
        SymptomChange.NewWeakness => "your leg or foot feels weaker",
        SymptomChange.BothLegs => "it is now in both legs",
        _ => "your leg symptoms have moved back towards your back",
    };

    private static JObject ToValues(CheckInReply reply)
    {
        var values = new JObject { [TypedKey] = true };
        foreach (var (id, feedback) in reply.Feedback)
        {
            values[FeedbackPrefix + id] = feedback.ToString();
        }

        if (reply.Pain is not null)
        {
            values[PainKey] = reply.Pain.Value.ToString(CultureInfo.InvariantCulture);
        }

        if (reply.RedFlags.Count > 0 || reply.NoNewRedFlags)
        {
            values[RedFlagsKey] = reply.RedFlags.Count > 0 ? string.Join(",", reply.RedFlags) : NoRedFlags;
        }

        if (reply.Changes.Count > 0)
        {
            values[ChangesKey] = string.Join(",", reply.Changes);
        }

        return values;
    }

    private static bool ReadFeedback(CheckInAnswers answers, string id, string raw, IReadOnlyCollection<string> planIds)
    {
        if (!planIds.Contains(id))
        {
            return false;
        }

        if (raw.Length == 0)
        {
            return true;
        }

        if (!Enum.TryParse<Feedback>(raw, out var feedback) || !Enum.IsDefined(feedback) || int.TryParse(raw, out _))
        {
            return false;
        }

        answers.Feedback[id] = feedback;
        return true;
    }

    private static bool ReadPain(CheckInAnswers answers, string raw)
    {
        if (raw.Length == 0)
        {
            return true;
        }

        if (!int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var pain) || pain > 10)
        {
            return false;
        }

        answers.Pain = pain;
        return true;
    }

    // "None of these" is an answer only on its own: ticked with a sign, the signs are asked again on their own card.
    private static bool ReadRedFlags(CheckInAnswers answers, string raw)
    {
        var ids = raw.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (ids.Any(id => id != NoRedFlags && !RedFlagCatalog.IsKnown(id)))
        {
            return false;
        }

        var signs = ids.Where(id => id != NoRedFlags).Distinct().ToList();
        var saidNone = ids.Contains(NoRedFlags);
        if (ids.Length == 0 || (saidNone && signs.Count > 0))
        {
            return true;
        }

        answers.RedFlagsYes = signs;
        answers.RedFlagsAnswered = true;
        return true;
    }

    private static bool ReadChanges(CheckInAnswers answers, string raw)
    {
        var parts = raw.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length == 0)
        {
            return true;
        }

        var changes = new List<SymptomChange>();
        foreach (var part in parts)
        {
            if (part == NoLegChange)
            {
                continue;
            }

            if (!Enum.TryParse<SymptomChange>(part, out var change) || !Enum.IsDefined(change) || int.TryParse(part, out _))
            {
                return false;
            }

            changes.Add(change);
        }

        answers.Changes = answers.Changes.Union(changes).ToList();
        answers.LegSymptomsAnswered = true;
        return true;
    }

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
