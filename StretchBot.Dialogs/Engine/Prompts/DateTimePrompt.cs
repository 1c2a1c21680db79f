using System.Globalization;
using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;
using StretchBot.Dialogs.Engine.Recognition;

namespace StretchBot.Dialogs.Engine.Prompts;

/// <summary>
/// Asks for a future moment. Typed times ("next Monday at 6pm") are resolved against the user's own clock
/// (the activity's LocalTimezone, or the offset of its LocalTimestamp); a button offers a fixed instant through
/// <see cref="ChoiceValue"/>. The result is the instant in UTC.
/// </summary>
public sealed class DateTimePrompt : Prompt<DateTimeOffset>
{
    // Instants travel as Unix seconds, never as ISO text: JSON readers (Bot Framework's included) turn ISO text
    // into dates and back into culture-specific strings on the way.
    private const string InstantPrefix = "utc:";

    private readonly TimeProvider _time;

    public DateTimePrompt(string dialogId, TimeProvider time, PromptValidator<DateTimeOffset>? validator = null, ICardRenderer? cards = null)
        : base(dialogId, validator, cards)
    {
        _time = time ?? throw new ArgumentNullException(nameof(time));
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

        var activity = turnContext.Activity;
        var text = activity.Text;

        // A typed button title ("Same time next week") picks that button's instant.
        var choices = options.Choices ?? new List<Choice>();
        var byTitle = ChoiceRecognition.Recognize(text, choices.Select(c => c.ToOption()).ToList(), activity.Locale);
        if (FromChoiceValue(byTitle?.Value) is { } titled && titled > now)
        {
            return Task.FromResult(PromptRecognizerResult<DateTimeOffset>.Success(titled));
        }

        var zone = DateTimeRecognition.ResolveUserZone(activity.LocalTimezone, activity.LocalTimestamp);
        var resolved = DateTimeRecognition.RecognizeFuture(text, now, zone, activity.Locale);
        return Task.FromResult(resolved is null
            ? PromptRecognizerResult<DateTimeOffset>.Failure()
            : PromptRecognizerResult<DateTimeOffset>.Success(resolved.Value));
    }
}
