using System.Globalization;
using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;
using StretchBot.Dialogs.Understanding.Readers;

namespace StretchBot.Dialogs.Engine.Prompts;

/// <summary>
/// Asks for a future moment. Typed times ("next Monday at 6pm", "Friday evening") are read in the user's own time
/// zone (the activity's LocalTimezone, or the offset of its LocalTimestamp) by <see cref="FutureTimeReader"/>, which
/// confirms a part of a day or an ambiguous "next Wednesday" with the exact time; a button offers a fixed instant
/// through <see cref="ChoiceValue"/>, and its title or words such as "same time next week" pick it too. The result is
/// the instant in UTC.
/// </summary>
public sealed class DateTimePrompt : Prompt<DateTimeOffset>
{
    // Instants travel as Unix seconds, never as ISO text: JSON readers (Bot Framework's included) turn ISO text
    // into dates and back into culture-specific strings on the way.
    private const string InstantPrefix = "utc:";

    private readonly TimeProvider _time;
    private readonly FutureTimeReader _reader;

    private readonly IReadOnlyList<string> _firstButtonWords;

    /// <param name="firstButtonWords">
    /// Words that also pick the first button, besides its title and synonyms: fixed words kept with the prompt instead
    /// of in the options every waiting conversation stores.
    /// </param>
    public DateTimePrompt(string dialogId, TimeProvider time, PromptValidator<DateTimeOffset>? validator = null, ICardRenderer? cards = null, IReadOnlyList<string>? firstButtonWords = null)
        : base(dialogId, validator, cards)
    {
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _reader = new FutureTimeReader(time);
        _firstButtonWords = firstButtonWords ?? [];
    }

    protected override string? DefaultCardTemplate => "question";

    /// <summary>The choice value of a button that picks <paramref name="instant"/>.</summary>
    public static string ChoiceValue(DateTimeOffset instant)
        => InstantPrefix + instant.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    private static DateTimeOffset? FromChoiceValue(string? value)
        => value is not null && value.StartsWith(InstantPrefix, StringComparison.Ordinal)
            && long.TryParse(value[InstantPrefix.Length..], NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;

    protected override string DescribeAnswer(ITurnContext turnContext, PromptOptions options, DateTimeOffset value)
        => TitleOf(options, ChoiceValue(value)) ?? base.DescribeAnswer(turnContext, options, value);

    protected override Task<PromptRecognizerResult<DateTimeOffset>> OnRecognizeAsync(ITurnContext turnContext, PromptOptions options, JObject? submitted, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var submittedChoice = CardSubmit.GetString(submitted, CardSubmit.ChoiceKey);
        if (submittedChoice is not null)
        {
            var isOption = options.Choices?.Any(c => c.Value == submittedChoice) ?? false;
            var chosen = isOption ? FromChoiceValue(submittedChoice) : null;
            return Task.FromResult(chosen > now
                ? PromptRecognizerResult<DateTimeOffset>.Success(chosen.Value)
                : PromptRecognizerResult<DateTimeOffset>.Failure());
        }

        var buttons = (options.Choices ?? new List<Choice>())
            .Select((c, i) => (Instant: FromChoiceValue(c.Value), Words: (IReadOnlyList<string>)[c.Title, .. c.Synonyms, .. i == 0 ? _firstButtonWords : []]))
            .Where(b => b.Instant > now)
            .Select(b => new FutureTimeReader.Button(b.Instant!.Value, b.Words))
            .ToList();
        var context = ReplyContext(turnContext, options);
        var reading = _reader.Read(turnContext.Activity.Text, context.TimeZone, context.Culture, buttons);
        return Task.FromResult(PromptRecognizerResult<DateTimeOffset>.From(reading));
    }
}
