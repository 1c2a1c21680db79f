namespace StretchBot.Dialogs.Cards.Templating;

/// <summary>
/// A parsed expression. Evaluation mirrors Adaptive Expressions (the engine inside adaptivecards-templating):
/// <paramref name="substitute"/> is its <c>nullSubstitution</c> option, which turns a path that finds nothing into
/// the text <c>${path}</c>; logical operators and comparisons switch it off for their operands.
/// </summary>
internal abstract class ExpressionNode
{
    /// <summary>The static type Adaptive Expressions' validators check operands against.</summary>
    public abstract ExpressionReturnType ReturnType { get; }

    public abstract EvalResult Evaluate(EvaluationScope scope, bool substitute);

    /// <summary>The expression as Adaptive Expressions prints it (used in "${...}" left in place of a failed part).</summary>
    public abstract override string ToString();
}
