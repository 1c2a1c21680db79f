using System.Text.Json.Nodes;
using StretchBot.Dialogs.Understanding;

namespace StretchBot.Corpus;

/// <summary>
/// What the bot's reader made of a reply, in the corpus's own label format: understood (a value), unsure (the
/// value a yes to each question leads to, and the signs asked about) or not understood.
/// </summary>
public sealed record ReaderOutcome(string Kind, JsonNode? Value, IReadOnlyList<string> Asked, string? Remark)
{
    public const string Understood = "understood";
    public const string Unsure = "unsure";
    public const string NotUnderstood = "not-understood";

    public static ReaderOutcome From<T>(Reading<T> reading, Func<T, JsonNode?> format, Func<string, string?>? askedSign = null)
    {
        var kind = reading.Kind switch
        {
            ReadingKind.Understood => Understood,
            ReadingKind.Unsure => Unsure,
            _ => NotUnderstood,
        };
        var tentative = reading.Tentative;
        var asked = new List<string>();
        for (var node = reading; node is { Kind: ReadingKind.Unsure }; node = node.IfNo)
        {
            if (askedSign?.Invoke(node.Question ?? string.Empty) is { } sign)
            {
                asked.Add(sign);
            }
        }

        return new ReaderOutcome(kind, tentative is null ? null : format(tentative), asked, reading.Remark);
    }

    public static ReaderOutcome Of(string kind, JsonNode? value = null, string? remark = null) => new(kind, value, [], remark);
}
