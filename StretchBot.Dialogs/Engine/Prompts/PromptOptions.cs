using Newtonsoft.Json.Linq;

namespace StretchBot.Dialogs.Engine.Prompts;

/// <summary>
/// What a prompt asks. Kept in the prompt's stack entry, so it holds only small data: the question, the
/// choices, and the name and data of the card template - never the rendered card.
/// </summary>
public sealed class PromptOptions
{
    /// <summary>The question.</summary>
    public string? Prompt { get; set; }

    /// <summary>Said instead of the question after an answer that could not be understood.</summary>
    public string? RetryPrompt { get; set; }

    public List<Choice>? Choices { get; set; }

    /// <summary>Card template for the question (see cards/); null sends text only.</summary>
    public string? CardTemplate { get; set; }

    /// <summary>Extra template data, merged with the prompt's own (cardId, text, choices).</summary>
    public JObject? CardData { get; set; }

    /// <summary>Identifies the card this prompt sent; a submit carrying another id is from an older card.</summary>
    public string? CardId { get; set; }

    /// <summary>Misses before the user is offered a way out; default 3.</summary>
    public int? MaxAttempts { get; set; }

    /// <summary>Prompt-specific limits (a number prompt's range, say).</summary>
    public JObject? Validations { get; set; }
}
