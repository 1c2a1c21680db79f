using Microsoft.Bot.Builder;

namespace StretchBot.Dialogs.Engine.Prompts;

/// <summary>What a validator sees: the recognized value, the prompt's options and how many tries so far.</summary>
public sealed class PromptValidatorContext<T>
{
    internal PromptValidatorContext(ITurnContext context, PromptRecognizerResult<T> recognized, PromptOptions options, int attemptCount)
    {
        Context = context;
        Recognized = recognized;
        Options = options;
        AttemptCount = attemptCount;
    }

    public ITurnContext Context { get; }

    public PromptRecognizerResult<T> Recognized { get; }

    public PromptOptions Options { get; }

    public int AttemptCount { get; }
}

/// <summary>Extra checks on a recognized value; may send its own explanation before returning false.</summary>
public delegate Task<bool> PromptValidator<T>(PromptValidatorContext<T> promptContext, CancellationToken cancellationToken);
