using Microsoft.Recognizers.Text;
using Microsoft.Recognizers.Text.DateTime;
using Microsoft.Recognizers.Text.Number;

namespace StretchBot.Dialogs.Engine.Recognition;

/// <summary>
/// The Microsoft.Recognizers.Text models, each built once per process and shared (they are expensive to build and
/// safe to share: the library itself caches model instances statically). Every call goes through here so that a
/// recognizer exception, or an input too long to be an answer, is treated as "no match" and never escapes.
/// </summary>
internal static class RecognizerModels
{
    /// <summary>Typed answers longer than this are not answers to a prompt; we do not feed them to the regex-heavy models.</summary>
    internal const int MaxInputLength = 500;

    private static readonly Lazy<IModel> NumberModel =
        new(() => new NumberRecognizer(Culture.English).GetNumberModel(), LazyThreadSafetyMode.ExecutionAndPublication);

    private static readonly Lazy<IModel> OrdinalModel =
        new(() => new NumberRecognizer(Culture.English).GetOrdinalModel(), LazyThreadSafetyMode.ExecutionAndPublication);

    private static readonly Lazy<DateTimeModel> UsDateTimeModel =
        new(() => new DateTimeRecognizer(Culture.English).GetDateTimeModel(), LazyThreadSafetyMode.ExecutionAndPublication);

    // "en-*": English outside the US, where "1/12" is the 1st of December.
    private static readonly Lazy<DateTimeModel> OtherEnglishDateTimeModel =
        new(() => new DateTimeRecognizer(Culture.EnglishOthers).GetDateTimeModel(), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>True when the text is worth handing to a recognizer.</summary>
    internal static bool IsUsable(string? text) =>
        !string.IsNullOrWhiteSpace(text) && text.Length <= MaxInputLength;

    /// <summary>Numbers ("7", "seven", "7/10" as 0.7). Only English is supported; other cultures fall back to it.</summary>
    internal static IReadOnlyList<ModelResult> ParseNumbers(string text) => Safely(() => NumberModel.Value.Parse(text));

    /// <summary>Ordinals ("second", "2nd", "last").</summary>
    internal static IReadOnlyList<ModelResult> ParseOrdinals(string text) => Safely(() => OrdinalModel.Value.Parse(text));

    /// <summary>Dates and times resolved against <paramref name="reference"/> (the user's local wall clock).</summary>
    internal static IReadOnlyList<ModelResult> ParseDateTimes(string text, DateTime reference, string? culture) =>
        Safely(() => DateTimeModelFor(culture).Parse(text, reference));

    /// <summary>The resolution's "value" as an invariant-culture double, if it has one.</summary>
    internal static bool TryGetValue(ModelResult result, out double value)
    {
        value = 0;
        return result.Resolution is not null
            && result.Resolution.TryGetValue("value", out var raw)
            && raw is string text
            && double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out value);
    }

    /// <summary>The resolution's string field (e.g. "subtype", "relativeTo", "offset").</summary>
    internal static string? GetString(ModelResult result, string key) =>
        result.Resolution is not null && result.Resolution.TryGetValue(key, out var raw) ? raw as string : null;

    private static DateTimeModel DateTimeModelFor(string? culture)
    {
        // en-US (and anything we do not support, which falls back to English) reads dates month first;
        // other English locales (en-GB, en-AU, en-IN ...) read them day first.
        if (culture is not null
            && culture.StartsWith("en", StringComparison.OrdinalIgnoreCase)
            && !culture.Equals("en", StringComparison.OrdinalIgnoreCase)
            && !culture.Equals("en-us", StringComparison.OrdinalIgnoreCase))
        {
            return OtherEnglishDateTimeModel.Value;
        }

        return UsDateTimeModel.Value;
    }

    private static IReadOnlyList<ModelResult> Safely(Func<List<ModelResult>> parse)
    {
        try
        {
            return parse() ?? [];
        }
        catch (Exception)
        {
            // A recognizer failure is "no match": the caller re-prompts.
            return [];
        }
    }
}
