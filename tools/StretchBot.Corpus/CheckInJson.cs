using System.Text.Json.Nodes;
using StretchBot.Domain.Swaps;
using StretchBot.Dialogs.Understanding.Readers;

namespace StretchBot.Corpus;

/// <summary>A check-in reply in the corpus's format: feedback, pain, redFlags, signals.</summary>
public static class CheckInJson
{
    public static JsonNode Format(CheckInReply reply)
    {
        var json = new JsonObject();
        if (reply.Feedback.Count > 0)
        {
            json["feedback"] = new JsonObject(reply.Feedback.Select(f => KeyValuePair.Create(f.Key, (JsonNode?)JsonValue.Create(f.Value.ToString()))));
        }

        if (reply.Pain is { } pain)
        {
            json["pain"] = pain;
        }

        if (reply.RedFlags.Count > 0 || reply.NoNewRedFlags)
        {
            json["redFlags"] = new JsonArray(reply.RedFlags.Order(StringComparer.Ordinal).Select(id => (JsonNode?)JsonValue.Create(id)).ToArray());
        }

        if (reply.Changes.Count > 0)
        {
            json["signals"] = new JsonArray(reply.Changes.Select(c => (JsonNode?)JsonValue.Create(Signal(c))).ToArray());
        }

        return json;
    }

    public static string Signal(SymptomChange change) => change switch
    {
        SymptomChange.FurtherDownLeg => "further-down-leg",
        SymptomChange.NewNumbnessOrTingling => "new-numbness-or-tingling",
        SymptomChange.NewWeakness => "new-weakness",
        SymptomChange.BothLegs => "both-legs",
        _ => "closer-to-back",
    };
}
