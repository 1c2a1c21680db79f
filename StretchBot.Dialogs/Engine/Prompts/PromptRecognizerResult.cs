using StretchBot.Dialogs.Understanding;

namespace StretchBot.Dialogs.Engine.Prompts;

/// <summary>
/// What a prompt made of the user's reply: a value (<see cref="Succeeded"/>), nothing, or - beyond
/// Microsoft.Bot.Builder.Dialogs' own result - a reading to confirm first with a yes/no question.
/// </summary>
public sealed class PromptRecognizerResult<T>
{
    public bool Succeeded { get; init; }

    public T? Value { get; init; }

    /// <summary>Said when the value is taken ("I've noted 7, the higher of the two"), or on a miss instead of the retry text.</summary>
    public string? Remark { get; init; }

    /// <summary>The reply probably means something: this yes/no question (and what each answer means) settles it.</summary>
    public Reading<T>? Confirmation { get; init; }

    public static PromptRecognizerResult<T> Success(T value, string? remark = null) => new() { Succeeded = true, Value = value, Remark = remark };

    public static PromptRecognizerResult<T> Failure(string? remark = null) => new() { Remark = remark };

    /// <summary>The prompt's result for a reader's reading.</summary>
    public static PromptRecognizerResult<T> From(Reading<T> reading)
    {
        ArgumentNullException.ThrowIfNull(reading);
        return reading.Kind switch
        {
            ReadingKind.Understood => Success(reading.Value!, reading.Remark),
            ReadingKind.Unsure => new PromptRecognizerResult<T> { Confirmation = reading },
            _ => Failure(reading.Remark),
        };
    }
}
