using System.Text.Json;
using System.Text.Json.Nodes;

namespace StretchBot.Corpus;

/// <summary>One labelled reply: what was typed to which question, and the reading a careful clinician-receptionist would take.</summary>
public sealed record CorpusEntry(
    string Id,
    string Question,
    string Text,
    string Kind,
    JsonNode? Value,
    IReadOnlyList<JsonNode?> Unsafe,
    IReadOnlyList<string> Ask,
    IReadOnlyList<string> Plan,
    string? Sign,
    string? Open)
{
    public static IReadOnlyList<CorpusEntry> Load(string path)
    {
        var entries = new List<CorpusEntry>();
        foreach (var line in File.ReadLines(path))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var node = JsonNode.Parse(line)!.AsObject();
            entries.Add(new CorpusEntry(
                node["id"]!.GetValue<string>(),
                node["question"]!.GetValue<string>(),
                node["text"]!.GetValue<string>(),
                node["kind"]!.GetValue<string>(),
                node["value"]?.DeepClone(),
                node["unsafe"] is JsonArray unsafeReadings ? unsafeReadings.Select(u => u?.DeepClone()).ToList() : [],
                Strings(node["ask"]),
                Strings(node["plan"]),
                node["sign"]?.GetValue<string>(),
                node["open"]?.GetValue<string>()));
        }

        return entries;
    }

    private static List<string> Strings(JsonNode? node)
        => node is JsonArray array ? array.Select(n => n!.GetValue<string>()).ToList() : [];

    public override string ToString() => $"{Id} [{Question}] {JsonSerializer.Serialize(Text)}";
}
