namespace StretchBot.Dialogs.Cards;

/// <summary>
/// A card template uses syntax outside the supported subset of the Adaptive Cards Templating language, or an
/// expression fails to evaluate where the official engine would also fail. The message names the template and the
/// expression so the author can find it.
/// </summary>
public sealed class CardTemplateException : Exception
{
    public CardTemplateException(string templateName, string? expression, string problem)
        : base(expression is null
            ? $"Card template '{templateName}': {problem}"
            : $"Card template '{templateName}', expression '{expression}': {problem}")
    {
        TemplateName = templateName;
        Expression = expression;
        Problem = problem;
    }

    /// <summary>The template the problem is in.</summary>
    public string TemplateName { get; }

    /// <summary>The expression text, when the problem is in one.</summary>
    public string? Expression { get; }

    /// <summary>What is wrong, without the template and expression names.</summary>
    public string Problem { get; }
}
