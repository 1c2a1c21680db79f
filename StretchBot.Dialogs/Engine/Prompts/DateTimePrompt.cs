using System.Globalization;
using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;
using StretchBot.Dialogs.Engine.Recognition;

namespace StretchBot.Dialogs.Engine.Prompts;

/// <summary>
/// Asks for a future moment. Typed times ("next Monday at 6pm") are resolved against the user's own clock
/// (the activity's LocalTimezone, or the offset of its LocalTimestamp); a button may submit an ISO 8601 instant
/// as its choice value. The result is the instant in UTC.
/// </summary>
public sealed class DateTimePrompt : Prompt<DateTimeOffset>
{
    private readonly TimeProvider _time;

    public DateTimePrompt(string dialogId, TimeProvider time, PromptValidator<DateTimeOffset>? validator = null, ICardRenderer? cards = null)
        : base(dialogId, validator, cards)
    {
        _time = time ?? throw new ArgumentNullException(nameof(time));
    }

    protected override string? DefaultCardTemplate => "question";

    protected override Task<PromptRecognizerResult<DateTimeOffset>> OnRecognizeAsync(ITurnContext turnContext, PromptOptions options, JObject? submitted, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var submittedChoice = CardSubmit.GetString(submitted, CardSubmit.ChoiceKey);
        if (submittedChoice is not null)
        {
            var isOption = options.Choices?.Any(c => c.Value == submittedChoice) ?? false;
            var ok = isOption && DateTimeOffset.TryParse(submittedChoice, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var chosen) && chosen > now;
            return Task.FromResult(ok
                ? PromptRecognizerResult<DateTimeOffset>.Success(DateTimeOffset.Parse(submittedChoice, CultureInfo.InvariantCulture).ToUniversalTime())
                : PromptRecognizerResult<DateTimeOffset>.Failure());
        }

        var activity = turnContext.Activity;
        var text = activity.Text;

        // A typed button title ("Same time next week") picks that button's instant.
        var choices = options.Choices ?? new List<Choice>();
        var byTitle = ChoiceRecognition.Recognize(text, choices.Select(c => c.ToOption()).ToList(), activity.Locale);
        if (byTitle is not null && DateTimeOffset.TryParse(byTitle.Value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var titled) && titled > now)
        {
            return Task.FromResult(PromptRecognizerResult<DateTimeOffset>.Success(titled.ToUniversalTime()));
        }

        var zone = DateTimeRecognition.ResolveUserZone(activity.LocalTimezone, activity.LocalTimestamp);
        var resolved = DateTimeRecognition.RecognizeFuture(text, now, zone, activity.Locale);
        return Task.FromResult(resolved is null
            ? PromptRecognizerResult<DateTimeOffset>.Failure()
            : PromptRecognizerResult<DateTimeOffset>.Success(resolved.Value));
    }
}
