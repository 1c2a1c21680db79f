using System.Text.Json;
using System.Text.RegularExpressions;
using StretchBot.Domain.Triage;

namespace StretchBot.Domain.Catalog;

/// <summary>Turns catalog JSON into validated, immutable objects.</summary>
internal static partial class CatalogParser
{
    public static (List<Stretch> Stretches, List<AdviceItem> Rules, List<AdviceItem> Advice) Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException ex)
        {
            throw new CatalogValidationException($"catalog: not valid JSON ({ex.Message})", ex);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new CatalogValidationException("catalog: the top level must be an object");
            }

            var root = new CatalogEntryReader(document.RootElement, "catalog");
            var stretches = ParseStretches(root.Array("stretches", allowEmpty: false));
            var rules = ParseAdvice(root.Array("generalRules", allowEmpty: false), "general rule", requireTriggers: false);
            var advice = ParseAdvice(root.Array("advice", allowEmpty: false), "advice", requireTriggers: true);
            root.RejectUnknownFields();
            return (stretches, rules, advice);
        }
    }

    private static List<Stretch> ParseStretches(IReadOnlyList<JsonElement> items)
    {
        var stretches = new List<Stretch>(items.Count);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            var stretch = ParseStretch(items[i], i + 1);
            if (!ids.Add(stretch.Id))
            {
                throw new CatalogValidationException($"stretch '{stretch.Id}': field 'id' duplicates an earlier stretch");
            }

            stretches.Add(stretch);
        }

        foreach (var stretch in stretches)
        {
            foreach (var other in stretch.SimilarTo)
            {
                if (!ids.Contains(other) || other == stretch.Id)
                {
                    throw new CatalogValidationException(
                        $"stretch '{stretch.Id}': field 'similarTo' names '{other}', which is not another stretch of the catalog");
                }
            }
        }

        return stretches;
    }

    private static Stretch ParseStretch(JsonElement element, int position)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new CatalogValidationException($"stretch #{position}: must be an object");
        }

        var entry = new CatalogEntryReader(element, $"stretch #{position}");
        var id = entry.RequiredString("id");
        if (!IdPattern().IsMatch(id))
        {
            throw entry.Error("id", $"'{id}' must be lower-case words joined by hyphens");
        }

        var reader = new CatalogEntryReader(element, $"stretch '{id}'");
        reader.RequiredString("id");
        var stretch = new Stretch
        {
            Id = id,
            Name = reader.RequiredString("name"),
            StartingPosition = reader.RequiredEnum<StartingPosition>("startingPosition"),
            NeedsFloor = reader.RequiredBool("needsFloor"),
            Steps = reader.StringList("steps", allowEmpty: false),
            Dose = ParseDose(reader.RequiredObject("dose")),
            Direction = reader.RequiredEnum<MovementDirection>("direction"),
            Suits = reader.EnumList<SuitsTag>("suits", allowEmpty: false),
            SuitsText = reader.RequiredString("suitsText"),
            WhyItWorks = reader.RequiredString("whyItWorks"),
            Cautions = reader.StringList("cautions", allowEmpty: true),
            AvoidIf = reader.EnumList<Diagnosis>("avoidIf", allowEmpty: true),
            CautionIf = reader.EnumList<Diagnosis>("cautionIf", allowEmpty: true),
            OnlyWithLegSymptoms = reader.RequiredBool("onlyWithLegSymptoms"),
            CautionIfWorseWith = reader.EnumList<WorseWith>("cautionIfWorseWith", allowEmpty: true),
            Side = reader.RequiredEnum<SideGuidance>("side"),
            Gentle = reader.RequiredBool("gentle"),
            SimilarTo = reader.StringList("similarTo", allowEmpty: true),
            PictureAlt = reader.RequiredString("pictureAlt"),
            PictureCaptions = reader.StringList("pictureCaptions", allowEmpty: false),
        };
        reader.RejectUnknownFields();

        if (stretch.PictureCaptions.Count != 2)
        {
            throw reader.Error("pictureCaptions", "must hold two captions, one for each panel of the picture");
        }

        if (stretch.AvoidIf.Contains(Diagnosis.NoneOrDontKnow))
        {
            throw reader.Error("avoidIf", $"cannot list '{Diagnosis.NoneOrDontKnow}'");
        }

        if (stretch.CautionIf.Contains(Diagnosis.NoneOrDontKnow))
        {
            throw reader.Error("cautionIf", $"cannot list '{Diagnosis.NoneOrDontKnow}'");
        }

        if (stretch.AvoidIf.Intersect(stretch.CautionIf).Any())
        {
            throw reader.Error("cautionIf", "repeats a diagnosis already in 'avoidIf'");
        }

        return stretch;
    }

    private static Dose ParseDose(CatalogEntryReader dose)
    {
        var repetitionsMin = dose.OptionalInt("repetitionsMin", 1, 100);
        var repetitionsMax = dose.OptionalInt("repetitionsMax", 1, 100);
        var holdSeconds = dose.OptionalInt("holdSeconds", 1, 600);
        var continuousSeconds = dose.OptionalInt("continuousSeconds", 1, 600);
        var result = new Dose(
            repetitionsMin,
            repetitionsMax,
            holdSeconds,
            continuousSeconds,
            dose.RequiredInt("sets", 1, 20),
            dose.RequiredString("frequency"),
            dose.RequiredString("summary"));
        dose.RejectUnknownFields();

        if (repetitionsMin.HasValue != repetitionsMax.HasValue)
        {
            throw dose.Error(repetitionsMin.HasValue ? "repetitionsMax" : "repetitionsMin", "is missing (repetitions need both a minimum and a maximum)");
        }

        if (repetitionsMin > repetitionsMax)
        {
            throw dose.Error("repetitionsMin", "is more than 'repetitionsMax'");
        }

        var amounts = (repetitionsMax.HasValue ? 1 : 0) + (holdSeconds.HasValue ? 1 : 0) + (continuousSeconds.HasValue ? 1 : 0);
        if (amounts != 1)
        {
            throw dose.Error(
                "repetitionsMax",
                amounts == 0
                    ? "is missing (a dose needs repetitions, holdSeconds or continuousSeconds)"
                    : "conflicts (a dose has exactly one of repetitions, holdSeconds or continuousSeconds)");
        }

        return result;
    }

    private static List<AdviceItem> ParseAdvice(IReadOnlyList<JsonElement> items, string kind, bool requireTriggers)
    {
        var result = new List<AdviceItem>(items.Count);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i].ValueKind != JsonValueKind.Object)
            {
                throw new CatalogValidationException($"{kind} #{i + 1}: must be an object");
            }

            var id = new CatalogEntryReader(items[i], $"{kind} #{i + 1}").RequiredString("id");
            var reader = new CatalogEntryReader(items[i], $"{kind} '{id}'");
            reader.RequiredString("id");
            var text = reader.RequiredString("text");
            IReadOnlyList<AdviceTrigger> triggers = requireTriggers
                ? reader.EnumList<AdviceTrigger>("appliesWhen", allowEmpty: false)
                : [AdviceTrigger.Always];
            reader.RejectUnknownFields();
            if (!ids.Add(id))
            {
                throw new CatalogValidationException($"{kind} '{id}': field 'id' duplicates an earlier {kind}");
            }

            result.Add(new AdviceItem(id, text, triggers));
        }

        return result;
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();
}
