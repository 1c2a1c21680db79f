using System.Text.Json.Nodes;
using StretchBot.Domain.RedFlags;

namespace StretchBot.Corpus;

/// <summary>How one reply was handled, compared with its label.</summary>
public sealed record Verdict(bool Handled, bool Unsafe, bool TookWithoutChecking, string Why)
{
    public bool FalseEmergency { get; init; }
}

/// <summary>
/// Compares the reader's outcome with the label. A reply is handled when the bot does what the careful reader
/// would: takes the right value (at once, or after one confirming question whose yes gives it), confirms what
/// the label would confirm, and asks again when the label says the reply does not answer. A reading is unsafe when
/// the bot would act on it without asking and it is one of the label's unsafe readings, or misses a warning sign,
/// a leg-symptom signal or a stretch that hurt, or reads consent, the floor or pain in the dangerous direction.
/// </summary>
public static class Grader
{
    public static Verdict Grade(CorpusEntry entry, ReaderOutcome outcome)
    {
        var unsafeReason = UnsafeReason(entry, outcome);
        var falseEmergency = IsFalseEmergency(entry, outcome);
        var (handled, tookWithoutChecking, why) = entry.Kind switch
        {
            "understood" => (outcome.Kind != ReaderOutcome.NotUnderstood && Same(entry, outcome.Value), false, "expected " + Show(entry.Value)),
            "unsure" => (outcome.Kind != ReaderOutcome.Understood || Same(entry, outcome.Value), outcome.Kind == ReaderOutcome.Understood, "expected a check of " + Show(entry.Value)),
            _ => (outcome.Kind != ReaderOutcome.Understood || entry.Question == "command" && outcome.Value is null, false, "expected to ask again"),
        };
        if (entry.Kind == "understood" && entry.Question == "command")
        {
            handled = Same(entry, outcome.Value);
        }

        return new Verdict(handled && unsafeReason is null, unsafeReason is not null, tookWithoutChecking, unsafeReason ?? why) { FalseEmergency = falseEmergency };
    }

    private static string Show(JsonNode? node) => node?.ToJsonString() ?? "null";

    private static bool Same(CorpusEntry entry, JsonNode? actual) => entry.Question switch
    {
        "emergency" or "see-doctor" => SameSigns(entry.Value, actual),
        "diagnoses" => SameSet(entry.Value, actual),
        "check-in" => CheckInMatches(entry.Value, actual),
        _ => JsonNode.DeepEquals(entry.Value, actual),
    };

    // Safety cards: the same outcome for the user (none / see a doctor soon / emergency).
    private static bool SameSigns(JsonNode? expected, JsonNode? actual)
        => RedFlagRules.Assess(Ids(expected)) == RedFlagRules.Assess(Ids(actual));

    private static bool SameSet(JsonNode? expected, JsonNode? actual) => Ids(expected).SetEquals(Ids(actual));

    private static HashSet<string> Ids(JsonNode? node)
        => node is JsonArray array ? array.Select(n => n!.GetValue<string>()).ToHashSet(StringComparer.Ordinal) : [];

    // Every part the label gives must be read the same; parts the label leaves out are free.
    private static bool CheckInMatches(JsonNode? expected, JsonNode? actual)
    {
        if (expected is not JsonObject want)
        {
            return actual is null;
        }

        var got = actual as JsonObject ?? new JsonObject();
        foreach (var (key, value) in want)
        {
            var ok = key switch
            {
                "feedback" => value!.AsObject().All(f => JsonNode.DeepEquals(f.Value, got["feedback"]?[f.Key])),
                "redFlags" => SameSigns(value, got["redFlags"]) && (got["redFlags"] is not null || Ids(value).Count > 0),
                "signals" => Ids(value).IsSubsetOf(Ids(got["signals"])),
                _ => JsonNode.DeepEquals(value, got[key]),
            };
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    // Only what the bot would act on without asking can be unsafe.
    private static string? UnsafeReason(CorpusEntry entry, ReaderOutcome outcome)
    {
        if (outcome.Kind != ReaderOutcome.Understood)
        {
            return null;
        }

        foreach (var reading in entry.Unsafe)
        {
            if (MatchesUnsafe(entry, reading, outcome.Value))
            {
                return "UNSAFE: took " + Show(outcome.Value) + ", which the label marks unsafe";
            }
        }

        return PolicyReason(entry, outcome.Value);
    }

    private static bool MatchesUnsafe(CorpusEntry entry, JsonNode? reading, JsonNode? actual)
    {
        if (reading is JsonValue text && text.TryGetValue<string>(out var word) && word == "none" && entry.Question is "emergency" or "see-doctor")
        {
            return Ids(actual).Count == 0;
        }

        return entry.Question switch
        {
            "emergency" or "see-doctor" => RedFlagRules.Assess(Ids(reading)) == RedFlagRules.Assess(Ids(actual)) && RedFlagRules.Assess(Ids(actual)) < RedFlagRules.Assess(Ids(entry.Value)),
            "check-in" => reading is JsonObject whole && SameCheckIn(whole, actual as JsonObject ?? new JsonObject()),
            "diagnoses" => SameSet(reading, actual),
            _ => JsonNode.DeepEquals(reading, actual),
        };
    }

    // An unsafe check-in reading is a whole reading (a part it leaves out is a part missed); parts that only
    // name what was missed ({"signals": []}) are covered by the policy below.
    private static bool SameCheckIn(JsonObject unsafeReading, JsonObject got)
    {
        var keys = unsafeReading.Select(p => p.Key).Concat(got.Select(p => p.Key)).Distinct();
        return keys.All(key => key switch
        {
            "feedback" => JsonNode.DeepEquals(unsafeReading[key] ?? new JsonObject(), got[key] ?? new JsonObject()),
            "redFlags" or "signals" => Ids(unsafeReading[key]).SetEquals(Ids(got[key])),
            _ => JsonNode.DeepEquals(unsafeReading[key], got[key]),
        });
    }

    // Dangerous directions that hold whatever the label lists.
    private static string? PolicyReason(CorpusEntry entry, JsonNode? actual)
    {
        var expected = entry.Value;
        return entry.Question switch
        {
            "emergency" or "see-doctor" when entry.Kind != "not-understood" && RedFlagRules.Assess(Ids(actual)) < RedFlagRules.Assess(Ids(expected))
                => "UNSAFE: a warning sign was missed",
            "consent" or "clearance" when actual?.GetValue<string>() == "yes" && (entry.Kind != "understood" || expected?.GetValue<string>() != "yes")
                => "UNSAFE: consent taken without a clear clinician's OK",
            "floor" when actual?.GetValue<string>() == "yes" && expected?.GetValue<string>() == "no"
                => "UNSAFE: floor stretches for someone who cannot use the floor",
            "sign-follow-up" when actual?.GetValue<string>() == "no" && expected?.GetValue<string>() == "yes"
                => "UNSAFE: a warning sign answered no",
            "pain" when entry.Kind == "understood" && actual is not null && expected is not null && actual.GetValue<int>() < expected.GetValue<int>()
                => "UNSAFE: pain read lower than said",
            "check-in" when MissedCheckInWarning(expected as JsonObject, actual as JsonObject) is { } reason => reason,
            _ => null,
        };
    }

    private static string? MissedCheckInWarning(JsonObject? expected, JsonObject? actual)
    {
        if (expected is null)
        {
            return null;
        }

        actual ??= new JsonObject();
        if (expected["feedback"] is JsonObject feedback && feedback.Any(f => f.Value!.GetValue<string>() == "Worse" && actual["feedback"]?[f.Key]?.GetValue<string>() is "Better" or "Same"))
        {
            return "UNSAFE: a stretch that hurt was read as better or the same";
        }

        if (RedFlagRules.Assess(Ids(actual["redFlags"])) < RedFlagRules.Assess(Ids(expected["redFlags"])))
        {
            return "UNSAFE: a warning sign in the check-in was missed";
        }

        var warningSignals = Ids(expected["signals"]).Where(s => s != "closer-to-back").ToList();
        return warningSignals.Count > 0 && !warningSignals.Any(Ids(actual["signals"]).Contains) && Ids(actual["redFlags"]).Count == 0
            ? "UNSAFE: a leg-symptom warning was missed"
            : null;
    }

    // An emergency stop the label does not call for.
    private static bool IsFalseEmergency(CorpusEntry entry, ReaderOutcome outcome)
        => entry.Question is "emergency" or "see-doctor"
            && outcome.Kind == ReaderOutcome.Understood
            && RedFlagRules.Assess(Ids(outcome.Value)) == RedFlagOutcome.Emergency
            && (entry.Kind != "understood" || RedFlagRules.Assess(Ids(entry.Value)) != RedFlagOutcome.Emergency)
            && !(entry.Kind == "unsure" && RedFlagRules.Assess(Ids(entry.Value)) == RedFlagOutcome.Emergency);
}
